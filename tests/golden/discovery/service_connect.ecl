// Service Connect: two Fargate services of one cluster in an HTTP namespace. The API serves its
// named port under a client alias, the worker only calls it (a client with no services), and the
// API's proxy logs to a log group of the program. A private DNS namespace of the VPC serves a
// second cluster's service: the cluster's default namespace, its discovery name the port's.
stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr   = "10.0.1.0/24"
    zone   = "us-east-1a"
    public = true
  }
  subnet b {
    cidr   = "10.0.2.0/24"
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
  namespace local {
    name        = "shop.local"
    description = "Private names of the shop's services"
    tags        = { zone = "private" }
  }
}

namespace internal {
  description = "Service Connect of the shop"
  tags        = { team = "platform" }
}

log_group proxy {
  retention = 7
}

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    ports = [{ container = 8080, name = "http", app_protocol = http }]
  }
}

task worker {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "public.ecr.aws/docker/library/busybox:1.36"
  }
}

cluster prod {
  service api {
    task      = api
    subnets   = [main.a, main.b]
    public_ip = true
    service_connect {
      namespace = internal
      services  = [
        {
          port_name      = "http",
          discovery_name = "api",
          client_aliases = [{ port = 80, dns_name = "api.internal" }],
          ingress_port   = 15000,
        },
      ]
      log_group = proxy
    }
  }
  service worker {
    task      = worker
    subnets   = [main.a, main.b]
    public_ip = true
    service_connect {
      namespace = internal
    }
  }
}

cluster back {
  service_connect_namespace = main.local
  service api {
    task      = api
    subnets   = [main.a, main.b]
    public_ip = true
    service_connect {
      services = [{ port_name = "http", client_aliases = [{ port = 8080 }] }]
    }
  }
}

output namespace    = internal.arn
output namespace_id = main.local.id
