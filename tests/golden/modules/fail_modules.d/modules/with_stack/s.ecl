stack inner {
  region = "us-east-1"
}
