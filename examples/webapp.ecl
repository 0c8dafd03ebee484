// webapp.ecl: a public web service on AWS Fargate, behind an internet-facing load balancer.
//
// The layout is the classic two-tier VPC: public subnets hold the load balancer and the NAT
// gateways, private subnets hold the tasks. Everything is spread over two availability zones so
// that losing one zone leaves the service running.
//
// Check it with:   eclc check examples/webapp.ecl
// Try a variant:   eclc check examples/webapp.ecl -p env=staging

// ---- Stack-wide settings ----------------------------------------------------------------------

// Params can be overridden on the command line with `-p name=value`. `cert_arn`, the ACM
// certificate of the HTTPS listener, is a placeholder: pass yours with `-p cert_arn=…`.
param env:       string = "prod"
param api_image: string = "123456789012.dkr.ecr.us-east-1.amazonaws.com/webapp/api:2.3.1"
param cert_arn:  string = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666"

// Lets are named values, folded at compile time. A let may use params and other lets.
let region  = "us-east-1"
let zones   = ["${region}a", "${region}b"] // interpolation builds "us-east-1a", "us-east-1b"
let is_prod = env == "prod"

// At most one `stack` per program: the region every zone must belong to, the template's
// description, and tags put on every taggable resource.
stack webapp {
  region      = region
  description = "Public web API on Fargate (${env})"
  tags        = { team = "platform", env = env, cost_center = "cc-1042" }
}

// ---- Network ----------------------------------------------------------------------------------

vpc main {
  cidr          = "10.0.0.0/16"
  dns_support   = true // both are needed for the private DNS names
  dns_hostnames = true // of interface endpoints; they default to true

  // `cidrsubnet(prefix, newbits, netnum)` carves /24s out of the VPC's /16. Inside the vpc block,
  // `main.cidr` reads the attribute above.
  subnet public_a {
    cidr   = cidrsubnet(main.cidr, 8, 0) // 10.0.0.0/24
    zone   = zones[0]
    public = true // tasks and instances launched here get a public IP
  }
  subnet public_b {
    cidr   = cidrsubnet(main.cidr, 8, 1) // 10.0.1.0/24
    zone   = zones[1]
    public = true
  }
  subnet private_a {
    cidr = "10.0.10.0/24"
    zone = zones[0]
  }
  subnet private_b {
    cidr = "10.0.11.0/24"
    zone = zones[1]
  }

  internet_gateway igw {}

  // One NAT gateway per zone: the private subnets of a zone keep their outbound path when the
  // other zone fails. A NAT gateway must sit in a public subnet.
  nat_gateway nat_a {
    subnet = public_a
  }
  nat_gateway nat_b {
    subnet = public_b
  }

  // The public route table sends everything that is not local to the internet gateway; this is
  // what makes `public_a` and `public_b` public.
  route_table public {
    subnets = [public_a, public_b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }

  // Each private subnet leaves through the NAT gateway of its own zone.
  route_table private_a_routes {
    subnets = [private_a]
    route {
      destination = "0.0.0.0/0"
      target      = nat_a
    }
  }
  route_table private_b_routes {
    subnets = [private_b]
    route {
      destination = "0.0.0.0/0"
      target      = nat_b
    }
  }

  // A gateway endpoint for S3: image layers pulled from ECR come from S3, and this keeps that
  // traffic off the (paid) NAT gateways. Its type, `gateway`, is derived from the service name.
  endpoint s3 {
    service      = "s3"
    route_tables = [private_a_routes, private_b_routes]
  }

  // The load balancer's firewall: HTTP and HTTPS from the world (80 and 443 are the only ports
  // that may be opened to 0.0.0.0/0 without a warning).
  security_group lb {
    description = "Load balancer: HTTP and HTTPS from anywhere"

    ingress {
      protocol    = tcp
      port        = 80
      from        = "0.0.0.0/0"
      description = "HTTP, redirected to HTTPS"
    }
    ingress {
      protocol    = tcp
      port        = 443
      from        = "0.0.0.0/0"
      description = "HTTPS"
    }
  }

  // The tasks' firewall: only the load balancer reaches the proxy and the app. A rule whose
  // source is a security group lets in whatever carries that group.
  security_group web {
    description = "Web tasks: HTTP from the load balancer"

    ingress {
      protocol    = tcp
      port        = 80
      from        = lb
      description = "HTTP to the proxy, from the load balancer"
    }
    ingress {
      protocol    = tcp
      port        = 8080
      from        = lb
      description = "The API, from the load balancer"
    }
    // The proxy talks to the app over localhost, but other tasks of the group may call the app
    // directly (the source is the group itself).
    ingress {
      protocol    = tcp
      port        = 8080
      from        = web
      description = "App port, from other web tasks"
    }
  }

  // Target groups: what the load balancer sends traffic to. Their target type, `ip`, follows
  // from the tasks' network mode (`awsvpc`); ELB checks each task's health on its own.
  target_group site {
    port                 = 80
    deregistration_delay = 30s // the proxy drains quickly
    health_check         = "/"
  }
  target_group api {
    port         = 8080
    health_check = {
      path                = "/healthz",
      interval            = 15s,
      healthy_threshold   = 2,
      unhealthy_threshold = 3,
      matcher             = "200-299",
    }
  }

  // An internet-facing application load balancer in the public subnets (one per zone). Plain
  // HTTP on port 80 is redirected to HTTPS (HTTP 301); the HTTPS listener terminates TLS with the
  // ACM certificate and sends what no rule matches to the proxy. Rules are tried by priority,
  // lowest first.
  load_balancer edge {
    subnets         = [public_a, public_b]
    security_groups = [lb]

    listener http {
      port     = 80
      redirect = https // { protocol = https }: to port 443
    }

    listener https {
      port         = 443
      protocol     = https
      certificates = [cert_arn]
      ssl_policy   = "ELBSecurityPolicy-TLS13-1-2-2021-06" // TLS 1.3 and 1.2 only
      forward      = site

      rule api {
        priority = 10
        paths    = ["/api/*"]
        forward  = api
      }
      rule docs {
        priority = 20
        paths    = ["/docs", "/docs/*"]
        redirect = { protocol = https, host = "docs.example.com", path = "/" }
      }
    }
  }
}

// ---- Task definition --------------------------------------------------------------------------

// The role the application's containers run as. ECS Exec (on outside prod, in the service
// below) opens its shell through Systems Manager's message channels, which this role must allow.
role api_task {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [
    {
      actions = [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
      ],
      resources = ["*"],
    },
  ]
}

// A Fargate task: `compatibilities` defaults to [fargate] and `network_mode` to awsvpc. Fargate
// needs a task-level cpu and memory forming a valid pair; 0.5 vCPU (512 units) takes 1 to 4 GiB.
task api {
  task_role     = api_task
  cpu           = 0.5vcpu
  memory        = 1GiB
  log_retention = is_prod ? 90 : 14 // days; a value CloudWatch Logs accepts

  // The application container. Containers' cpu and memory must add up to no more than the
  // task's: here 384 + 128 CPU units and 768 + 256 MiB.
  container app {
    image  = api_image
    cpu    = 384
    memory = 768MiB
    port   = 8080 // short for `ports = [{ container = 8080 }]`

    // Plain settings go in `environment`; they are visible to anyone who can read the task
    // definition.
    environment = {
      LOG_LEVEL  = is_prod ? "warn" : "debug",
      PORT       = "8080",
      PUBLIC_URL = is_prod ? "https://api.example.com" : "https://api.${env}.example.com",
    }

    // Credentials go in `secrets`: name to the ARN of a Secrets Manager secret or an SSM
    // parameter. ECS injects them at start; the task definition only holds the ARN.
    secrets = {
      DATABASE_URL = "arn:aws:secretsmanager:us-east-1:123456789012:secret:webapp/database-url-Ab12Cd",
      SESSION_SALT = "arn:aws:ssm:us-east-1:123456789012:parameter/webapp/session-salt",
    }

    readonly_root_filesystem = true
    user                     = "1000:1000"
    stop_timeout             = 30s

    // ECS runs the command inside the container; a failing check restarts the task.
    health_check {
      command      = ["CMD-SHELL", "curl -fsS http://localhost:8080/healthz || exit 1"]
      interval     = 15s
      timeout      = 5s
      retries      = 3
      start_period = 1m // durations take ms, s, m or h
    }

    // awslogs to the task's generated log group (`/ecs/` and the family), with a prefix per
    // container. Without this block the container logs the same way with prefix "ecs".
    log {
      driver        = awslogs
      stream_prefix = "app"
      options       = { "mode" = "non-blocking", "max-buffer-size" = "4m" }
    }
  }

  // A reverse proxy in front of the app. It starts once the app reports healthy.
  container proxy {
    image      = "public.ecr.aws/nginx/nginx:1.27"
    cpu        = 128
    memory     = 256MiB
    ports      = [{ container = 80 }, { container = 443 }]
    depends_on = [{ container = app, condition = healthy }]

    log {
      stream_prefix = "proxy"
    }
  }
}

// ---- Cluster and service ----------------------------------------------------------------------

// The cluster may use Fargate and Fargate Spot. A service that names neither a launch type nor
// a strategy uses the first provider listed here.
cluster prod {
  capacity           = [fargate, fargate_spot]
  container_insights = is_prod

  service api {
    task            = api // a `ref<task>`: resolves to `task api`, not to this service
    desired         = is_prod ? 4 : 1
    subnets         = [main.private_a, main.private_b] // one per zone
    security_groups = [main.web]

    // The tasks join both target groups: the proxy on 80, the app on 8080. Failed load balancer
    // checks are ignored for a minute after a task starts.
    load_balancers = [
      { target_group = main.site, container = "proxy", port = 80 },
      { target_group = main.api, container = "app", port = 8080 },
    ]
    health_check_grace_period = 1m

    // The first task runs on regular Fargate; beyond it, three of every four go to Spot.
    capacity = [
      { provider = fargate, base = 1, weight = 1 },
      { provider = fargate_spot, weight = 3 },
    ]

    enable_execute_command = !is_prod
    propagate_tags         = service

    // Target tracking on CPU: the scaler adds tasks while the service's average CPU is above
    // 60% and removes them below, between `min` and `max`; `desired` is only where it starts.
    scaling {
      min = is_prod ? 2 : 1
      max = is_prod ? 8 : 2
      cpu = 60
    }

    // Rolling deployments: keep at least half the tasks running, allow up to twice as many,
    // and roll back automatically when new tasks keep failing.
    deployment {
      min_healthy_percent = 50
      max_percent         = 200
      circuit_breaker     = true
      rollback            = true
    }
  }
}

// ---- Outputs ----------------------------------------------------------------------------------

// `arn` and `id` are deferred: known only once the resource exists in AWS.
output cluster_arn  = prod.arn
output service_arn  = prod.api.arn
output vpc_id       = main.id
output url          = "https://${main.edge.dns_name}"
output task_family  = api.family // folded now: "webapp-api"
output private_cidr = [main.private_a.cidr, main.private_b.cidr]
