// Service discovery mistakes: an HTTP namespace (no DNS), A records of a bridge task, SRV records
// without a port, of a container the task does not have and of a port it does not map, and an A
// record naming a container; a name another service of the namespace registers; a name that is
// not a DNS label (E3334); one that differs from another only in case (E3333).
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
  namespace local {}
}

namespace internal {}

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    ports = [{ container = 8080 }]
  }
}

task bridged {
  network_mode    = bridge
  compatibilities = [ec2]
  container app {
    image  = "public.ecr.aws/nginx/nginx:1.27"
    memory = 256MiB
    ports  = [{ container = 8080 }]
  }
}

cluster prod {
  service http {
    task      = api
    subnets   = [main.a]
    public_ip = true
    discovery {
      namespace = internal
    }
  }
  service no_port {
    task      = api
    subnets   = [main.a]
    public_ip = true
    discovery {
      namespace = main.local
      record    = srv
      container = "app"
    }
  }
  service other {
    task      = api
    subnets   = [main.a]
    public_ip = true
    discovery {
      namespace = main.local
      record    = srv
      container = "web"
      port      = 8080
    }
  }
  service unmapped {
    task      = api
    subnets   = [main.a]
    public_ip = true
    discovery {
      namespace = main.local
      record    = srv
      name      = "other"
      container = "app"
      port      = 9090
    }
  }
  service named {
    task      = api
    subnets   = [main.a]
    public_ip = true
    discovery {
      namespace = main.local
      container = "app"
    }
  }
  service upper {
    task      = api
    subnets   = [main.a]
    public_ip = true
    discovery {
      namespace = main.local
      name      = "OTHER"
    }
  }
  service spaced {
    task      = api
    subnets   = [main.a]
    public_ip = true
    discovery {
      namespace = main.local
      name      = "My API!"
    }
  }
}

cluster hosts {
  capacity = []
  service bridged {
    task        = bridged
    launch_type = ec2
    discovery {
      namespace = main.local
    }
  }
}
