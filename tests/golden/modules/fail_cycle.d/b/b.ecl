module back {
  source = "../a"
}
