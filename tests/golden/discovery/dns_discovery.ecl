// Service discovery by DNS: a private DNS namespace of the VPC, where one service's tasks are
// found by A records (their own IPs, awsvpc) and another's by SRV records naming a container's
// mapped port, with a TTL of their own.
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
  internet_gateway igw {}
  route_table public {
    subnets = [a]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  namespace local {
    name = "shop.local"
  }
}

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    name  = "api-server"
    image = "public.ecr.aws/nginx/nginx:1.27"
    ports = [{ container = 8080 }]
  }
}

cluster prod {
  service api {
    task      = api
    subnets   = [main.a]
    public_ip = true
    discovery {
      namespace = main.local
      tags      = { team = "platform" }
    }
  }
  service admin {
    task      = api
    subnets   = [main.a]
    public_ip = true
    discovery {
      namespace = main.local
      name      = "admin-api"
      record    = srv
      ttl       = 10s
      container = "app"
      port      = 8080
    }
  }
}
