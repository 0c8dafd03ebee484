// Mount targets EFS refuses: two subnets of one zone (E3142), and a security group of another VPC
// than the subnets' (E3143).
stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = "10.0.1.0/24"
    zone = "us-east-1a"
  }
  subnet a2 {
    cidr = "10.0.2.0/24"
    zone = "us-east-1a"
  }
}

vpc other {
  cidr = "10.1.0.0/16"
  security_group nfs {}
}

file_system data {
  subnets         = [main.a, main.a2]
  security_groups = [other.nfs]
}
