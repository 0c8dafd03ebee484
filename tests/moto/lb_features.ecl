// The load balancing and scaling features beyond the examples, on moto (cfn_deploy deploys this
// program, apply_moto applies, re-plans and destroys it): access logs, sticky sessions, a rule on
// a header, request-count tracking (its ResourceLabel names both full names), scheduled
// scaling, and explicit AWS names (a container attached by its block's name and by its `name`).
stack features {
  region = "us-east-1"
}

vpc main {
  cidr = "10.4.0.0/16"
  subnet a {
    cidr   = cidrsubnet(main.cidr, 8, 0)
    zone   = "us-east-1a"
    public = true
  }
  subnet b {
    cidr   = cidrsubnet(main.cidr, 8, 1)
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

  security_group lb {
    ingress {
      port = 80
      from = "0.0.0.0/0"
    }
  }
  security_group app {
    name = "features-app (tasks)"
    ingress {
      port = 8080
      from = lb
    }
  }

  target_group api {
    port         = 8080
    health_check = "/healthz"
    stickiness   = 1h
  }
  target_group canary {
    name         = "features-canary-8080"
    port         = 8080
    health_check = "/healthz"
  }

  load_balancer edge {
    name            = "features-edge"
    subnets         = [a, b]
    security_groups = [lb]
    access_logs     = { bucket = "features-lb-logs", prefix = "edge" }
    listener http {
      port    = 80
      forward = api
      rule canary {
        priority = 10
        paths    = ["/api/*"]
        headers  = [{ name = "X-Canary", values = ["on"] }]
        forward  = canary
      }
    }
  }
}

task api {
  cpu    = 256
  memory = 512
  container app {
    name  = "nginx-app"
    image = "public.ecr.aws/nginx/nginx:1.27"
    port  = 8080
  }
}

cluster features {
  service api {
    task            = api
    subnets         = [main.a, main.b]
    public_ip       = true
    security_groups = [main.app]
    load_balancers  = [
      { target_group = main.api, container = "app", port = 8080 },
      { target_group = main.canary, container = "nginx-app", port = 8080 },
    ]
    scaling {
      min      = 1
      max      = 4
      requests = 500
      schedule nights {
        expression = "cron(0 22 * * ? *)"
        timezone   = "Europe/Paris"
        max        = 2
      }
    }
  }
}

output api_full_name  = main.api.full_name
output edge_full_name = main.edge.full_name
