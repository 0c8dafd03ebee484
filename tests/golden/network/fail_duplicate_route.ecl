// E3006: two default routes in one table (destinations compare as CIDRs).
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = "10.0.0.0/24"   zone = "us-east-1a"  public = true }
  subnet public_b  { cidr = "10.0.1.0/24"   zone = "us-east-1b"  public = true }
  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }

  internet_gateway igw {}
  nat_gateway nat_a { subnet = public_a }
  nat_gateway nat_b { subnet = public_b }

  route_table public {
    subnets = [public_a, public_b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table private {
    subnets = [private_a]
    route { destination = "0.0.0.0/0"  target = nat_a }
    route { destination = "192.168.0.0/16"  target = nat_b }
    route { destination = "0.0.0.0/0"  target = nat_b }
  }
}
