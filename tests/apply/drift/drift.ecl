// What tests/apply/drift_test.py changes outside eclc: a public subnet, an internet gateway, a
// security group rule, a service's desired count and a whole subnet.
stack drift { region = "us-east-1" }

task web {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}

vpc net {
  cidr = "10.7.0.0/16"
  subnet a { cidr = "10.7.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.7.1.0/24"  zone = "us-east-1b" }
  subnet c { cidr = "10.7.2.0/24"  zone = "us-east-1b"  public = true }
  internet_gateway igw {}
  route_table public {
    subnets = [a, c]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  security_group web {
    description = "web"
    ingress { protocol = tcp  port = 80  from = "0.0.0.0/0" }
  }
}

cluster drift {
  service web {
    task            = web
    desired         = 2
    subnets         = [net.a, net.c]
    security_groups = [net.web]
    public_ip       = true
  }
}
