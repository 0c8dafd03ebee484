// Service Connect mistakes: a port name no port mapping has (with the nearest name), a task in
// host network mode, a discovery name and a client alias taken twice in one namespace, names ECS
// refuses, two client aliases, and one with no namespace in a cluster without a default, or in a
// cluster made elsewhere (whose default is not written here).
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
}

namespace internal {}

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    ports = [{ container = 8080, name = "http" }, { container = 9090, name = "Admin" }]
  }
}

task host {
  network_mode    = host
  compatibilities = [ec2]
  container app {
    image  = "public.ecr.aws/nginx/nginx:1.27"
    memory = 256MiB
    ports  = [{ container = 8080, name = "http" }]
  }
}

cluster prod {
  service api {
    task    = api
    subnets = [main.a]
    service_connect {
      namespace = internal
      services  = [
        { port_name = "htp" },
        { port_name = "http", discovery_name = "-api" },
        {
          port_name      = "http",
          discovery_name = "web",
          client_aliases = [{ port = 80, dns_name = "Web" }, { port = 81 }],
        },
      ]
    }
  }
  service copy {
    task    = api
    subnets = [main.a]
    service_connect {
      namespace = internal
      services  = [
        { port_name = "http", client_aliases = [{ port = 80, dns_name = "Web" }] },
        { port_name = "http", discovery_name = "web" },
      ]
    }
  }
}

cluster hosts {
  capacity = []
  service host {
    task        = host
    launch_type = ec2
    service_connect {}
  }
}

// A cluster made elsewhere: the namespace can only be the service's own.
cluster shared {
  existing = "arn:aws:ecs:us-east-1:123456789012:cluster/shared"
  service joiner {
    task    = api
    subnets = [main.a]
    service_connect {}
  }
}
