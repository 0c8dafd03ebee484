// Two services behind one internet-facing application load balancer: HTTP redirects to HTTPS,
// whose rules route by path and host; an internal network load balancer in front of a TCP port.
stack shop {
  region = "us-east-1"
  tags   = { team = "storefront" }
}

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = "10.0.0.0/24"   zone = "us-east-1a"  public = true }
  subnet public_b  { cidr = "10.0.1.0/24"   zone = "us-east-1b"  public = true }
  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = "10.0.11.0/24"  zone = "us-east-1b" }

  internet_gateway igw {}
  nat_gateway nat { subnet = public_a }

  route_table public {
    subnets = [public_a, public_b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table private {
    subnets = [private_a, private_b]
    route { destination = "0.0.0.0/0"  target = nat }
  }

  security_group lb {
    ingress { port = 80   from = "0.0.0.0/0" }
    ingress { port = 443  from = "0.0.0.0/0" }
  }
  security_group app {
    ingress { port = 8080  from = lb }
    ingress { from_port = 3000  to_port = 3001  from = lb }
    ingress { port = 9000  from = "10.0.0.0/16" }
  }

  target_group api {
    port         = 8080
    health_check = "/healthz"
  }
  target_group web {
    port                 = 3000
    deregistration_delay = 30s
    health_check = {
      path                = "/",
      interval            = 15s,
      timeout             = 5s,
      healthy_threshold   = 3,
      unhealthy_threshold = 3,
      matcher             = "200-299",
    }
    tags = { tier = "web" }
  }
  target_group tcp {
    port         = 9000
    protocol     = tcp
    health_check = { interval = 10s }
  }

  load_balancer edge {
    subnets             = [public_a, public_b]
    security_groups     = [lb]
    idle_timeout        = 120s
    deletion_protection = false
    tags                = { exposure = "public" }

    listener http {
      port     = 80
      redirect = https
    }
    listener https {
      port         = 443
      protocol     = https
      certificates = ["arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666"]
      ssl_policy   = "ELBSecurityPolicy-TLS13-1-2-2021-06"
      fixed_response = { status = 404, content_type = text_plain, body = "not found" }

      rule api {
        priority = 10
        paths    = ["/api/*"]
        forward  = api
      }
      rule web {
        priority = 20
        hosts    = ["www.example.com"]
        paths    = ["/", "/static/*"]
        forward  = web
      }
      rule old {
        priority = 30
        paths    = ["/old/*"]
        redirect = { protocol = https, port = 443, host = "www.example.com", path = "/new", query = "from=old", permanent = false }
      }
      rule ping {
        priority       = 40
        paths          = ["/ping"]
        fixed_response = { status = 200, content_type = application_json, body = "{}" }
      }
    }
  }

  load_balancer internal {
    type    = network
    scheme  = internal
    subnets = [private_a, private_b]

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
    ports = [8080, 9000]
  }
}

task web {
  cpu    = 256
  memory = 512
  container site {
    image = "public.ecr.aws/nginx/nginx:1.27"
    port  = 3000
  }
}

cluster prod {
  service api {
    task                      = api
    desired                   = 2
    subnets                   = [main.private_a, main.private_b]
    security_groups           = [main.app]
    health_check_grace_period = 30s
    load_balancers = [
      { target_group = main.api, container = "app", port = 8080 },
      { target_group = main.tcp, container = "app", port = 9000 },
    ]
  }
  service web {
    task            = web
    desired         = 2
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.app]
    load_balancers  = [{ target_group = main.web, container = "site", port = 3000 }]
    scaling {
      min                = 2
      max                = 6
      memory             = 70
      scale_in_cooldown  = 10m
      scale_out_cooldown = 1m
    }
  }
}

output url     = main.edge.dns_name
output zone_id = main.edge.zone_id
output api_tg  = main.api.arn
output https   = main.edge.https.arn
output api_rule = main.edge.https.api.arn
