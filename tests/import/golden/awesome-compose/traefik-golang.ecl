// Imported by `eclc import compose` from fixtures/awesome-compose/traefik-golang.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// TODO: compose's default network (services reach each other by name) is not carried over:
//   the imported tasks share one VPC and security group, and a service's name is a host name
//   in ECS only through Service Connect: give the cluster a `service_connect_namespace` (a
//   `namespace` block), name the port (`{ container = 5432, name = "db" }`), serve it
//   (`service_connect { services = [{ port_name = "db", client_aliases = [{ port = 5432,
//   dns_name = "db" }] }] }`) and let its callers use it (`service_connect {}`)

stack traefik_golang {
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
      port = 80
      from = "0.0.0.0/0"
    }
  }
}

// compose service `frontend`
task frontend {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "frontend_var_run_docker_sock", host_path = "/var/run/docker.sock" }]
  container frontend {
    image   = "traefik:2.6"
    command = [
      "--providers.docker",
      "--entrypoints.web.address=:80",
      "--providers.docker.exposedbydefault=false",
    ]
    ports        = [{ container = 80, host = 80 }]
    mount_points = [{ volume = "frontend_var_run_docker_sock", path = "/var/run/docker.sock" }]
  }
}

// compose service `backend`
task backend {
  cpu    = 256
  memory = 512MiB
  container backend {
    docker_labels = {
      "traefik.enable"                                    = "true",
      "traefik.http.routers.go.rule"                      = "Path(`/`)",
      "traefik.http.services.go.loadbalancer.server.port" = "80",
    }
    // TODO: `build: backend` is not carried over: ECS runs images from a registry; build and
    //   push the image (to ECR), then set `image`
  }
}

cluster traefik_golang {
  service frontend {
    task            = frontend
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: [backend]` is not carried over: each compose service is an ECS service
    //   of its own, and ECS starts services independently; make the application retry until what
    //   it needs is up
  }
  service backend {
    task            = backend
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
