// Imported by `eclc import compose` from fixtures/awesome-compose/prometheus-grafana.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack prometheus_grafana {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet public_a {
    cidr   = cidrsubnet(main.cidr, 8, 0)
    zone   = "us-east-1a"
    public = true
  }
  subnet public_b {
    cidr   = cidrsubnet(main.cidr, 8, 1)
    zone   = "us-east-1b"
    public = true
  }
  internet_gateway igw {}
  route_table public {
    subnets = [public_a, public_b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  security_group tasks {
    description = "Imported tasks"
    ingress {
      port = 3000
      from = "0.0.0.0/0"
    }
    ingress {
      port = 9090
      from = "0.0.0.0/0"
    }
  }
}

// Service Connect: the services reach each other by name
namespace prometheus_grafana {}

// compose service `prometheus`
task prometheus {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "prom_data" }]
  container prometheus {
    image        = "prom/prometheus"
    command      = ["--config.file=/etc/prometheus/prometheus.yml"]
    ports        = [{ container = 9090, host = 9090, name = "prometheus" }]
    mount_points = [{ volume = "prom_data", path = "/prometheus" }]
    // TODO: `container_name: prometheus` is not carried over: the container is named after the
    //   block
    // TODO: the bind mount `./prometheus:/etc/prometheus` is not carried over: it reads files of
    //   the machine running compose; bake them into the image or use EFS
    // TODO: the lasting data of named volume `prom_data` is not carried over: an ECS task volume
    //   lives and dies with its task; keep data that must last on EFS or a managed database
  }
}

// compose service `grafana`
task grafana {
  cpu    = 256
  memory = 512MiB
  container grafana {
    image       = "grafana/grafana"
    ports       = [{ container = 3000, host = 3000, name = "grafana" }]
    environment = { GF_SECURITY_ADMIN_USER = "admin", GF_SECURITY_ADMIN_PASSWORD = "grafana" }
    // TODO: `container_name: grafana` is not carried over: the container is named after the
    //   block
    // TODO: the bind mount `./grafana:/etc/grafana/provisioning/datasources` is not carried
    //   over: it reads files of the machine running compose; bake them into the image or use EFS
  }
}

cluster prometheus_grafana {
  service_connect_namespace = prometheus_grafana
  service prometheus {
    task            = prometheus
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [
        { port_name = "prometheus", client_aliases = [{ port = 9090, dns_name = "prometheus" }] },
      ]
    }
  }
  service grafana {
    task            = grafana
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [
        { port_name = "grafana", client_aliases = [{ port = 3000, dns_name = "grafana" }] },
      ]
    }
  }
}
