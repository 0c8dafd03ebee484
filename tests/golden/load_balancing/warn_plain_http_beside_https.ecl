// W0010: an internet-facing load balancer listens with HTTPS, but its port 80 forwards in plain
// HTTP; the internal one and the redirecting one are fine.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = "10.0.0.0/24"   zone = "us-east-1a"  public = true }
  subnet public_b  { cidr = "10.0.1.0/24"   zone = "us-east-1b"  public = true }

  internet_gateway igw {}

  route_table public {
    subnets = [public_a, public_b]
    route { destination = "0.0.0.0/0"  target = igw }
  }

  security_group lb {
    ingress { port = 80   from = "0.0.0.0/0" }
    ingress { port = 443  from = "0.0.0.0/0" }
  }

  target_group site   { port = 80 }
  target_group edge   { port = 80 }
  target_group inside { port = 80 }

  load_balancer web {
    subnets         = [public_a, public_b]
    security_groups = [lb]
    listener http {
      port    = 80
      forward = site
    }
    listener https {
      port         = 443
      protocol     = https
      certificates = ["arn:aws:acm:us-east-1:123456789012:certificate/abc"]
      forward      = site
    }
  }

  load_balancer edge {
    subnets         = [public_a, public_b]
    security_groups = [lb]
    listener http {
      port     = 80
      redirect = https
    }
    listener https {
      port         = 443
      protocol     = https
      certificates = ["arn:aws:acm:us-east-1:123456789012:certificate/abc"]
      forward      = edge
    }
  }

  load_balancer inside {
    scheme          = internal
    subnets         = [public_a, public_b]
    security_groups = [lb]
    listener http {
      port    = 80
      forward = inside
    }
    listener https {
      port         = 443
      protocol     = https
      certificates = ["arn:aws:acm:us-east-1:123456789012:certificate/abc"]
      forward      = inside
    }
  }
}
