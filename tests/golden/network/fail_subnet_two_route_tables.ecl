// E3005: `private_a` is associated with both tables.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = "10.0.0.0/24"   zone = "us-east-1a"  public = true }
  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = "10.0.11.0/24"  zone = "us-east-1b" }

  internet_gateway igw {}
  nat_gateway nat { subnet = public_a }

  route_table public {
    subnets = [public_a, private_a]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table private {
    subnets = [private_a, private_b]
    route { destination = "0.0.0.0/0"  target = nat }
  }
}
