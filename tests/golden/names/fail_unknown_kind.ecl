vpc main {
  cidr = "10.0.0.0/16"
  subnett a {
    cidr = "10.0.1.0/24"
    zone = "us-east-1a"
  }
  tags {
    team = "web"
  }
}
hosted_zone lb {}
