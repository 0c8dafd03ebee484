// E2009: target tracking on CPU or memory takes a utilization of 1 to 100 percent. AWS refuses
// a target of 0, and a utilization above 100 is never reached, so the service would never scale out.
stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = "10.0.1.0/24"
    zone = "us-east-1a"
  }
  subnet b {
    cidr = "10.0.2.0/24"
    zone = "us-east-1b"
  }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
}

task api {
  cpu    = 256
  memory = 512
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
  }
}

cluster prod {
  service idle_cpu {
    task    = api
    subnets = [main.a, main.b]
    scaling {
      min = 1
      max = 3
      cpu = 0
    }
  }
  service over_memory {
    task    = api
    subnets = [main.a, main.b]
    scaling {
      min    = 1
      max    = 3
      memory = 101
    }
  }
}
