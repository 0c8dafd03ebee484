// The AWS ECS reference architecture, written from docs/language.md alone (issue #14): a VPC over
// two zones with public and private subnets and a NAT gateway in each zone, an internet-facing
// application load balancer, and two Fargate services routed by path (`/api/*` to the API, the
// rest to the website), each scaled on its CPU. Its zones are the region's first two, chosen at
// deployment (the reference architecture's `!Select [0, !GetAZs '']`).

param env:      string = "prod"
param vpc_cidr: cidr   = "10.180.0.0/16"

let zones = availability_zones(2)

stack refarch {
  region      = "us-east-1"
  description = "ECS reference architecture: two path-routed Fargate services behind an ALB"
  tags        = { environment = env, project = "refarch" }
}

vpc main {
  cidr = vpc_cidr

  subnet public_a  { cidr = cidrsubnet(vpc_cidr, 5, 1)  zone = zones[0]  public = true }
  subnet public_b  { cidr = cidrsubnet(vpc_cidr, 5, 2)  zone = zones[1]  public = true }
  subnet private_a { cidr = cidrsubnet(vpc_cidr, 5, 3)  zone = zones[0] }
  subnet private_b { cidr = cidrsubnet(vpc_cidr, 5, 4)  zone = zones[1] }

  internet_gateway igw {}
  nat_gateway nat_a { subnet = public_a }
  nat_gateway nat_b { subnet = public_b }

  route_table public {
    subnets = [public_a, public_b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table private_a_routes {
    subnets = [private_a]
    route { destination = "0.0.0.0/0"  target = nat_a }
  }
  route_table private_b_routes {
    subnets = [private_b]
    route { destination = "0.0.0.0/0"  target = nat_b }
  }

  security_group lb {
    description = "Load balancer: HTTP from anywhere"
    ingress { port = 80  from = "0.0.0.0/0"  description = "HTTP from the internet" }
  }
  security_group tasks {
    description = "Tasks: traffic from the load balancer only"
    ingress { port = 80    from = lb  description = "website from the load balancer" }
    ingress { port = 8080  from = lb  description = "API from the load balancer" }
  }

  target_group website {
    port         = 80
    health_check = "/"
  }
  target_group api {
    port                 = 8080
    deregistration_delay = 30s
    health_check         = { path = "/api/health", interval = 15s, healthy_threshold = 2, matcher = "200-299" }
  }

  load_balancer edge {
    subnets         = [public_a, public_b]
    security_groups = [lb]
    idle_timeout    = 30s
    listener http {
      port    = 80
      forward = website
      rule api {
        priority = 1
        paths    = ["/api/*"]
        forward  = api
      }
    }
  }
}

task website {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web {
    image = "public.ecr.aws/nginx/nginx:1.27"
    port  = 80
  }
}

task api {
  cpu    = 0.5vcpu
  memory = 1GiB
  container app {
    image       = "public.ecr.aws/docker/library/python:3.12-slim"
    command     = ["python", "-m", "http.server", "8080"]
    port        = 8080
    environment = { ENV = env }
  }
}

cluster prod {
  container_insights = true

  service website {
    task                      = website
    desired                   = 2
    subnets                   = [main.private_a, main.private_b]
    security_groups           = [main.tasks]
    load_balancers            = [{ target_group = main.website, container = "web", port = 80 }]
    health_check_grace_period = 30s
    scaling {
      min = 2
      max = 6
      cpu = 70
    }
  }

  service api {
    task                      = api
    desired                   = 2
    subnets                   = [main.private_a, main.private_b]
    security_groups           = [main.tasks]
    load_balancers            = [{ target_group = main.api, container = "app", port = 8080 }]
    health_check_grace_period = 1m
    scaling {
      min                = 2
      max                = 10
      cpu                = 50
      scale_out_cooldown = 1m
    }
  }
}

output url         = "http://${main.edge.dns_name}/"
output api_url     = "http://${main.edge.dns_name}/api/"
output cluster_arn = prod.arn
