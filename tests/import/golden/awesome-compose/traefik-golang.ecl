// Imported by `eclc import compose` from fixtures/awesome-compose/traefik-golang.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// TODO: compose's default network for `backend`, which declares no port, is not carried
//   over: Service Connect serves a service by name on a port it declares; if others call it,
//   add that port under `expose` (or to its container, with a `name`, and to its
//   `service_connect`)

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

// Service Connect: the services reach each other by name
namespace traefik_golang {}

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
    ports        = [{ container = 80, host = 80, name = "frontend" }]
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
  service_connect_namespace = traefik_golang
  service frontend {
    task            = frontend
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: [backend]` is not carried over: each compose service is an ECS service
    //   of its own, and ECS starts services independently; make the application retry until what
    //   it needs is up
    service_connect {
      services = [
        { port_name = "frontend", client_aliases = [{ port = 80, dns_name = "frontend" }] },
      ]
    }
  }
  service backend {
    task            = backend
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {}
  }
}
