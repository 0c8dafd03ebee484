// E3008: the NAT gateway is placed in a private subnet, and in one without any route table.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = "10.0.0.0/24"   zone = "us-east-1a"  public = true }
  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = "10.0.11.0/24"  zone = "us-east-1b" }

  internet_gateway igw {}
  nat_gateway nat   { subnet = private_a }
  nat_gateway nat_b { subnet = private_b }

  route_table public {
    subnets = [public_a]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table private {
    subnets = [private_a]
    route { destination = "0.0.0.0/0"  target = nat }
  }
}
