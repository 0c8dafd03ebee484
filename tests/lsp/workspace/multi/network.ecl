// The network half of a two-file program; service.ecl uses its subnets.
vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a {
    cidr   = "10.0.1.0/24"
    zone   = "us-east-1a"
    public = true
  }
  subnet public_b {
    cidr   = "10.0.2.0/24"
    zone   = "us-east-1b"
    public = true
  }

  internet_gateway igw {}
  route_table public {
    subnets = [public_a, public_b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }

  security_group web {
    description = "web tasks"
  }
}
