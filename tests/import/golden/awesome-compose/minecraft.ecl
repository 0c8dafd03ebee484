// Imported by `eclc import compose` from fixtures/awesome-compose/minecraft.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack minecraft {
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
      port = 25565
      from = "0.0.0.0/0"
    }
  }
}

// compose service `minecraft`
task minecraft {
  cpu    = 256
  memory = 2GiB
  container minecraft {
    image       = "itzg/minecraft-server"
    ports       = [{ container = 25565, host = 25565 }]
    environment = { EULA = "TRUE" }
    memory      = 1536MiB
    // TODO: the bind mount `~/minecraft_data:/data` is not carried over: it reads files of the
    //   machine running compose; bake them into the image or use EFS
  }
}

cluster minecraft {
  service minecraft {
    task            = minecraft
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
