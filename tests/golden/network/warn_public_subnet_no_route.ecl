// W0005: `public_b` is marked public but has no route table; `public_c`'s table goes through NAT.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet public_b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  subnet public_c { cidr = "10.0.2.0/24"  zone = "us-east-1c"  public = true }

  internet_gateway igw {}
  nat_gateway nat { subnet = public_a }

  route_table public {
    subnets = [public_a]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table egress_only {
    subnets = [public_c]
    route { destination = "0.0.0.0/0"  target = nat }
  }
}
