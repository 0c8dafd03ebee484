// Imported by `eclc import compose` from fixtures/awesome-compose/plex.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack plex {
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
  }
}

// compose service `plex`
task plex {
  cpu    = 256
  memory = 512MiB
  container plex {
    image       = "linuxserver/plex"
    environment = { VERSION = "docker" }
    // TODO: `container_name: plex` is not carried over: the container is named after the block
    // TODO: `network_mode: host` is not carried over: every imported task has its own network
    //   interface (`awsvpc`), as Fargate needs
    // TODO: the bind mount `${PLEX_MEDIA_PATH}:/media/` is not carried over: it reads files of
    //   the machine running compose; bake them into the image or use EFS
  }
}

cluster plex {
  service plex {
    task            = plex
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
