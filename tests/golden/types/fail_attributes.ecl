// Missing, duplicated and unknown attributes; an object with a duplicate key.
vpc main {
  subnet a {
    zone = "us-east-1a"
  }
  dns_support = true
  dns_support = false
  dns_hostname = true
  tags = { team = "web", team = "api" }
}
