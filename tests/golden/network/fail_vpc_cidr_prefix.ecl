// E3001: a VPC larger than /16.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/8"

  subnet app_a { cidr = "10.0.1.0/24" zone = "us-east-1a" }
}
