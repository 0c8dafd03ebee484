// network.ecl: the VPC. Subnet ranges are computed from the `vpc_cidr` param, so overriding it
// (`-p vpc_cidr=10.99.0.0/16`) moves every subnet with it.

vpc net {
  cidr = vpc_cidr

  // /20s: cidrsubnet("10.40.0.0/16", 4, n) is 10.40.(16 * n).0/20.
  subnet public_a {
    cidr   = cidrsubnet(vpc_cidr, 4, 0)
    zone   = zones[0]
    public = true
  }
  subnet public_b {
    cidr   = cidrsubnet(vpc_cidr, 4, 1)
    zone   = zones[1]
    public = true
  }
  subnet private_a {
    cidr = cidrsubnet(vpc_cidr, 4, 8)
    zone = zones[0]
  }
  subnet private_b {
    cidr = cidrsubnet(vpc_cidr, 4, 9)
    zone = zones[1]
  }

  internet_gateway igw {}
  nat_gateway nat {
    subnet = public_a
  }

  route_table public {
    subnets = [public_a, public_b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  route_table private {
    subnets = [private_a, private_b]
    route {
      destination = "0.0.0.0/0"
      target      = nat
    }
  }

  endpoint s3 {
    service      = "s3"
    route_tables = [private]
  }

  // The API's security group: its port is open to the VPC only.
  security_group api {
    description = "${prefix} API tasks"
    ingress {
      protocol = tcp
      port     = 8080
      from     = net.cidr
    }
  }

  // Workers take no inbound traffic at all: a group without ingress rules.
  security_group workers {
    description = "${prefix} workers"
  }
}

// Lists of references, built once and used by several services. In a `let`, a path such as
// `net.private_a` is resolved like anywhere else; `concat` joins lists.
let private_subnets = concat([net.private_a], [net.private_b])
