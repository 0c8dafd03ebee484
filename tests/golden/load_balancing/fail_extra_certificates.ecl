// E3324: a second (SNI) certificate on a listener: CreateListener takes one, and eclc does not
// add more yet.
stack s { region = "us-east-1" }

vpc net {
  cidr = "10.0.0.0/16"
  internet_gateway igw {}
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  route_table rt {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  security_group lb  { ingress { port = 443  from = "0.0.0.0/0" } }
  security_group app { ingress { port = 8080  from = lb } }
  target_group tg { port = 8080 }
  load_balancer alb {
    subnets = [a, b]  security_groups = [lb]
    listener https {
      port = 443  protocol = https
      certificates = [
        "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666",
        "arn:aws:acm:us-east-1:123456789012:certificate/9f8e7d6c-1111-2222-3333-444455556666",
      ]
      forward = tg
    }
    listener http {
      port = 80
      redirect = https
    }
  }
}

task web {
  cpu = 256  memory = 512
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    port  = 8080
  }
}

cluster c {
  service web {
    task = web  subnets = [net.a, net.b]  security_groups = [net.app]  public_ip = true
    load_balancers = [{ target_group = net.tg, container = "app", port = 8080 }]
  }
}
