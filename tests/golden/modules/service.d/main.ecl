// Two instances of one service module in one cluster, behind a load balancer whose target
// groups a nested module makes in the caller's VPC; outputs read through instances.
stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr   = "10.0.0.0/24"
    zone   = "us-east-1a"
    public = true
  }
  subnet b {
    cidr   = "10.0.1.0/24"
    zone   = "us-east-1b"
    public = true
  }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  security_group web {
    ingress {
      port = 80
      from = "0.0.0.0/0"
    }
    ingress {
      port = 8080
      from = web
    }
  }
  // The instances' target groups, read through their outputs, are references like any other.
  load_balancer edge {
    subnets         = [a, b]
    security_groups = [web]
    listener http {
      port    = 80
      forward = api.group
      rule admin_paths {
        priority = 10
        paths    = ["/admin/*"]
        forward  = admin.group
      }
    }
  }
}

cluster prod {}

module api {
  source          = "./modules/service"
  cluster         = prod
  vpc             = main
  subnets         = [main.a, main.b]
  security_groups = [main.web]
  image           = "public.ecr.aws/nginx/nginx:1.27"
}

module admin {
  source          = "./modules/service"
  cluster         = prod
  vpc             = main
  subnets         = [main.a, main.b]
  security_groups = [main.web]
  image           = "public.ecr.aws/nginx/nginx:1.27"
  port            = 8080
  desired         = 2
}

output api_arn     = api.service.arn
output admin_arn   = admin.service_arn
output api_family  = api.family
output admin_group = admin.target_group_arn
