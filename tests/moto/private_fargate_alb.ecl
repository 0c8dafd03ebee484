// A Fargate service in private subnets behind a public load balancer: the shape of AWS's published
// "Fargate, private subnet, public load balancer" templates, written from docs/language.md alone
// (issue #14). The tasks have no public address; they reach the internet through a NAT gateway
// in each zone, and only the load balancer (and each other) may reach them.

param service_name: string = "nginx"
param image:        string = "public.ecr.aws/nginx/nginx:1.27"
param port:         int    = 80
param count:        int    = 2

stack fargatepriv {
  region      = "us-east-1"
  description = "A Fargate service in private subnets behind a public application load balancer"
}

vpc net {
  cidr = "10.0.0.0/16"

  subnet public_one  { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet public_two  { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  subnet private_one { cidr = "10.0.2.0/24"  zone = "us-east-1a" }
  subnet private_two { cidr = "10.0.3.0/24"  zone = "us-east-1b" }

  internet_gateway gateway {}
  nat_gateway nat_one { subnet = public_one }
  nat_gateway nat_two { subnet = public_two }

  route_table public_routes {
    subnets = [public_one, public_two]
    route { destination = "0.0.0.0/0"  target = gateway }
  }
  route_table private_one_routes {
    subnets = [private_one]
    route { destination = "0.0.0.0/0"  target = nat_one }
  }
  route_table private_two_routes {
    subnets = [private_two]
    route { destination = "0.0.0.0/0"  target = nat_two }
  }

  security_group public_lb {
    description = "Access to the public facing load balancer"
    ingress { port = 80  from = "0.0.0.0/0"  description = "HTTP from anywhere" }
  }
  security_group containers {
    description = "Access to the Fargate containers"
    ingress { protocol = all  from = public_lb   description = "from the public load balancer" }
    ingress { protocol = all  from = containers  description = "from other containers in the same group" }
  }

  target_group app {
    port         = port
    health_check = { path = "/", interval = 6s, timeout = 5s, healthy_threshold = 2, unhealthy_threshold = 2 }
  }

  load_balancer public {
    scheme          = internet_facing
    subnets         = [public_one, public_two]
    security_groups = [public_lb]
    idle_timeout    = 30s
    listener http {
      port    = 80
      forward = app
    }
  }
}

task app {
  family = service_name
  cpu    = 256
  memory = 512
  container app {
    image = image
    port  = port
  }
}

cluster main {
  service app {
    task            = app
    name            = service_name
    desired         = count
    launch_type     = fargate
    subnets         = [net.private_one, net.private_two]
    security_groups = [net.containers]
    load_balancers  = [{ target_group = net.app, container = "app", port = port }]
    deployment {
      min_healthy_percent = 75
      max_percent         = 200
    }
  }
}

output external_url = "http://${net.public.dns_name}"
output cluster_name = main.name
output service_arn  = main.app.arn
