// Imported by `eclc import compose` from fixtures/awesome-compose/angular.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack angular {
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
      port = 4200
      from = "0.0.0.0/0"
    }
  }
}

// compose service `web`
task web {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "web_project_node_modules" }]
  container web {
    ports        = [{ container = 4200, host = 4200 }]
    mount_points = [{ volume = "web_project_node_modules", path = "/project/node_modules" }]
    // TODO: `build: {context: angular, target: builder}` is not carried over: ECS runs images
    //   from a registry; build and push the image (to ECR), then set `image`
    // TODO: the bind mount `./angular:/project` is not carried over: it reads files of the
    //   machine running compose; bake them into the image or use EFS
  }
}

cluster angular {
  service web {
    task            = web
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
