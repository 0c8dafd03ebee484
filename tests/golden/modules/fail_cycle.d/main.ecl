stack shop {
  region = "us-east-1"
}

module first {
  source = "./a"
}
