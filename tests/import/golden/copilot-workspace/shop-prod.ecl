// Imported by `eclc import copilot` from the Copilot application `shop`, environment `prod`.
// Copilot's region comes from the AWS profile it ran with: set the stack's `region`.

stack shop_prod {
  region = "us-east-1"
}

let zones = availability_zones(2)

vpc main {
  cidr = "10.40.0.0/16"
  subnet public_a {
    cidr   = "10.40.0.0/24"
    zone   = zones[0]
    public = true
  }
  subnet public_b {
    cidr   = "10.40.1.0/24"
    zone   = zones[1]
    public = true
  }
  subnet private_a {
    cidr = "10.40.2.0/24"
    zone = zones[0]
  }
  subnet private_b {
    cidr = "10.40.3.0/24"
    zone = zones[1]
  }
  internet_gateway igw {}
  route_table public_routes {
    subnets = [public_a, public_b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  nat_gateway nat_a {
    subnet = public_a
  }
  route_table private_a_routes {
    subnets = [private_a]
    route {
      destination = "0.0.0.0/0"
      target      = nat_a
    }
  }
  nat_gateway nat_b {
    subnet = public_b
  }
  route_table private_b_routes {
    subnets = [private_b]
    route {
      destination = "0.0.0.0/0"
      target      = nat_b
    }
  }
  security_group lb {
    description = "Public load balancer of the environment"
    ingress {
      port = 80
      from = "0.0.0.0/0"
    }
  }
  security_group tasks {
    description = "Copilot environment prod, application shop"
    ingress {
      protocol = all
      from     = tasks
    }
    ingress {
      port = 80
      from = lb
    }
  }
  target_group front {
    port                 = 80
    deregistration_delay = 30s
    health_check         = { interval = 10s, path = "/healthz", matcher = "200" }
  }
  load_balancer public {
    subnets         = [public_a, public_b]
    security_groups = [lb]
    listener http {
      port    = 80
      forward = front
    }
  }
  namespace local {
    name = "prod.shop.local"
  }
}

// Copilot Backend Service `api`
task api {
  cpu    = 512
  memory = 1GiB
  container api {
    image   = "public.ecr.aws/docker/library/httpd:2.4"
    secrets = { DB_PASSWORD = "/shop/db/password" }
    port    = { container = 8080, name = "api" }
  }
}

// Copilot Load Balanced Web Service `front`
task front {
  cpu    = 256
  memory = 512MiB
  container front {
    image       = "public.ecr.aws/nginx/nginx:1.27"
    environment = { LOG_LEVEL = "info" }
    port        = { container = 80, name = "front" }
    health_check {
      command  = ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]
      interval = 10s
    }
  }
}

// Copilot Scheduled Job `report`
task report {
  cpu    = 256
  memory = 512MiB
  container report {
    image   = "public.ecr.aws/docker/library/busybox:1.36"
    command = ["echo", "report"]
  }
}

cluster shop_prod {
  container_insights        = true
  service_connect_namespace = main.local
  service api {
    task            = api
    desired         = 3
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.tasks]
    service_connect {
      services = [{ port_name = "api", client_aliases = [{ port = 8080, dns_name = "api" }] }]
    }
  }
  service front {
    task                      = front
    desired                   = 2
    health_check_grace_period = 60s
    load_balancers            = [{ target_group = main.front, container = "front", port = 80 }]
    subnets                   = [main.private_a, main.private_b]
    security_groups           = [main.tasks]
    scaling {
      min                = 2
      max                = 6
      cpu                = 70
      scale_in_cooldown  = 120s
      scale_out_cooldown = 60s
    }
    service_connect {
      services = [{ port_name = "front", client_aliases = [{ port = 80, dns_name = "front" }] }]
    }
  }
  job report {
    task            = report
    schedule        = "cron(30 2 ? * 2-6 *)"
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
