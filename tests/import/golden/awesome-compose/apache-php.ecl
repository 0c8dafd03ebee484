// Imported by `eclc import compose` from fixtures/awesome-compose/apache-php.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack apache_php {
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

// compose service `web`
task web {
  cpu    = 256
  memory = 512MiB
  container web {
    ports = [{ container = 80, host = 80 }]
    // TODO: `build: {context: app, target: builder}` is not carried over: ECS runs images from a
    //   registry; build and push the image (to ECR), then set `image`
    // TODO: the bind mount `./app:/var/www/html/` is not carried over: it reads files of the
    //   machine running compose; bake them into the image or use EFS
  }
}

cluster apache_php {
  service web {
    task            = web
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
