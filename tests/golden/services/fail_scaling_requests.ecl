// E3215: request-count scaling of a service without load balancers, and of one behind a network
// load balancer only.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.1.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.2.0/24"  zone = "us-east-1b"  public = true }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  security_group app {
    ingress { port = 9000  from = "10.0.0.0/16" }
  }
  target_group tcp {
    port     = 9000
    protocol = tcp
  }
  load_balancer inside {
    type    = network
    scheme  = internal
    subnets = [a, b]
    listener tcp {
      port    = 9000
      forward = tcp
    }
  }
}

task api {
  cpu    = 256
  memory = 512
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    port  = 9000
  }
}

cluster prod {
  service alone {
    task      = api
    subnets   = [main.a, main.b]
    public_ip = true
    scaling {
      min      = 1
      max      = 4
      requests = 1000
    }
  }
  service behind_nlb {
    task            = api
    subnets         = [main.a, main.b]
    public_ip       = true
    security_groups = [main.app]
    load_balancers  = [{ target_group = main.tcp, container = "app", port = 9000 }]
    scaling {
      min      = 1
      max      = 4
      requests = 1000
    }
  }
}
