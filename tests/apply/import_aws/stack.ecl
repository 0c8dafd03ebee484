// What tests/apply/import_aws_test.py applies, throws away (program and state) and imports back
// with `eclc import aws`: a two-tier VPC (public and private subnets, an internet gateway, a NAT
// gateway, an S3 gateway endpoint, a load balancer with a rule), security groups that name each
// other, and a Fargate cluster of two services, one behind the load balancer and one running as
// a role of the program.
stack shop {
  region = "us-east-1"
  tags   = { team = "web" }
}

vpc net {
  cidr = "10.40.0.0/16"

  subnet public_a {
    cidr   = "10.40.0.0/24"
    zone   = "us-east-1a"
    public = true
  }
  subnet public_b {
    cidr   = "10.40.1.0/24"
    zone   = "us-east-1b"
    public = true
  }
  subnet private_a {
    cidr = "10.40.10.0/24"
    zone = "us-east-1a"
  }
  subnet private_b {
    cidr = "10.40.11.0/24"
    zone = "us-east-1b"
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

  security_group lb {
    description = "Load balancer: HTTP from anywhere"
    ingress {
      port = 80
      from = "0.0.0.0/0"
    }
  }

  target_group site {
    port                 = 80
    health_check         = { path = "/healthz", interval = 15s, matcher = "200-299" }
    deregistration_delay = 30s
  }
  load_balancer edge {
    subnets         = [public_a, public_b]
    security_groups = [lb]
    idle_timeout    = 120s
    listener http {
      port    = 80
      forward = site
      rule maintenance {
        priority       = 10
        paths          = ["/admin/*"]
        fixed_response = { status = 503, content_type = text_plain, body = "down" }
      }
    }
  }

  security_group web {
    description = "Web tasks: HTTP from anywhere"
    ingress {
      protocol = tcp
      port     = 80
      from     = "0.0.0.0/0"
    }
  }
  security_group api {
    description = "API tasks: from the web tasks"
    ingress {
      protocol    = tcp
      port        = 8080
      from        = web
      description = "the API, from web"
    }
    egress {
      protocol = tcp
      port     = 443
      to       = "0.0.0.0/0"
    }
  }
}

task web {
  cpu    = 256
  memory = 512MiB
  container web {
    image       = "public.ecr.aws/nginx/nginx:1.27"
    port        = 80
    environment = { MODE = "production" }
  }
}

// The API's own role: a `role` block eclc made, imported back as one.
role api {
  assumed_by       = ["ecs-tasks.amazonaws.com"]
  managed_policies = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
  statements       = [
    { actions = ["s3:PutObject"], resources = ["arn:aws:s3:::shop-uploads/*"] },
    {
      effect     = deny,
      actions    = ["s3:DeleteObject"],
      resources  = ["arn:aws:s3:::shop-uploads/*"],
      conditions = [
        { test = "StringEquals", variable = "aws:RequestedRegion", values = ["us-east-1"] },
      ],
    },
  ]
}

task api {
  cpu       = 512
  memory    = 1GiB
  task_role = api
  container api {
    image       = "public.ecr.aws/docker/library/python:3.12-slim"
    command     = ["python", "-m", "http.server", "8080"]
    port        = 8080
    environment = { LISTEN = "8080", LOG_LEVEL = "info" }
  }
}

cluster main {
  service web {
    task            = web
    desired         = 2
    subnets         = [net.public_a, net.public_b]
    security_groups = [net.web]
    public_ip       = true
    load_balancers  = [{ target_group = net.site, container = "web", port = 80 }]
  }
  service api {
    task            = api
    desired         = 1
    subnets         = [net.private_a, net.private_b]
    security_groups = [net.api]
  }
}
