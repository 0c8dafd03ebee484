// availability_zones() takes 1 to 6 zones; the zones it gives are compared with each other as the
// rules compare written ones: one subnet per zone in a load balancer and in an interface endpoint,
// a service of several tasks in more than one zone. A zone it gives is not known at compile time.
stack shop {
  region = "us-east-1"
}

let none  = availability_zones(0)
let many  = availability_zones(7)
let text  = availability_zones("two")
let zones = availability_zones(2)
let cidr  = cidrsubnet(zones[0], 8, 1)

vpc main {
  cidr = "10.0.0.0/16"

  subnet a {
    cidr   = "10.0.0.0/24"
    zone   = zones[0]
    public = true
  }
  subnet b {
    cidr   = "10.0.1.0/24"
    zone   = zones[0]
    public = true
  }
  subnet c {
    cidr = "10.0.2.0/24"
    zone = zones[1]
  }
  subnet d {
    cidr = "10.0.3.0/24"
    zone = zones[1]
  }

  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }

  security_group endpoints {
    ingress {
      port = 443
      from = "10.0.0.0/16"
    }
  }
  endpoint logs {
    service         = "logs"
    subnets         = [c, d]
    security_groups = [endpoints]
  }

  load_balancer edge {
    subnets = [a, b]
  }
}

task web {
  cpu    = 256
  memory = 512MiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
  }
}

cluster prod {
  service web {
    task    = web
    desired = 3
    subnets = [main.c, main.d]
  }
}

// A chosen zone in an AWS name (E2015); two mount targets in one chosen zone (E3142); a service
// in a chosen zone without a mount target (W0021).
task named {
  family = "web-${zones[0]}"
  cpu    = 256
  memory = 512MiB
  container app {
    name  = "app-${zones[1]}"
    image = "public.ecr.aws/nginx/nginx:1.27"
  }
}

file_system twice {
  subnets = [main.a, main.b]
}

file_system one {
  subnets = [main.c]
}

task mounts {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "data", efs = one }]
  container app {
    image        = "public.ecr.aws/nginx/nginx:1.27"
    mount_points = [{ volume = "data", path = "/data" }]
  }
}

cluster other {
  service mounts {
    task    = mounts
    desired = 2
    subnets = [main.a, main.c]
  }
}
