// E3007: a route table of `main` routes through the other VPC's gateway and claims its subnet.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }

  internet_gateway igw {}
  route_table public {
    subnets = [public_a, shared.public_a]
    route { destination = "0.0.0.0/0"    target = igw }
    route { destination = "10.0.0.0/8"  target = shared.igw }
  }
}

vpc shared {
  cidr = "10.1.0.0/16"

  subnet public_a { cidr = "10.1.0.0/24"  zone = "us-east-1a" }

  internet_gateway igw {}
}
