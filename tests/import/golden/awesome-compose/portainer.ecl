// Imported by `eclc import compose` from fixtures/awesome-compose/portainer.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack portainer {
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
      port = 9000
      from = "0.0.0.0/0"
    }
  }
}

// compose service `portainer`
task portainer {
  cpu     = 256
  memory  = 512MiB
  volumes = [
    { name = "portainer_var_run_docker_sock", host_path = "/var/run/docker.sock" },
    { name = "portainer_data" },
  ]
  container portainer {
    image        = "portainer/portainer-ce:alpine"
    command      = ["-H", "unix:///var/run/docker.sock"]
    ports        = [{ container = 9000, host = 9000 }]
    mount_points = [
      { volume = "portainer_var_run_docker_sock", path = "/var/run/docker.sock" },
      { volume = "portainer_data", path = "/data" },
    ]
    // TODO: `container_name: portainer` is not carried over: the container is named after the
    //   block
    // TODO: the lasting data of named volume `portainer_data` is not carried over: an ECS task
    //   volume lives and dies with its task; keep data that must last on EFS or a managed
    //   database
  }
}

cluster portainer {
  service portainer {
    task            = portainer
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
