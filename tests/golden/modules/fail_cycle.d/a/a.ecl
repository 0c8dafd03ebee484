module inner {
  source = "../b"
}
