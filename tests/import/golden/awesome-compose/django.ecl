// Imported by `eclc import compose` from fixtures/awesome-compose/django.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack django {
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
      port = 8000
      from = "0.0.0.0/0"
    }
  }
}

// compose service `web`
task web {
  cpu    = 256
  memory = 512MiB
  container web {
    ports = [{ container = 8000, host = 8000 }]
    // TODO: `build: {context: app, target: builder}` is not carried over: ECS runs images from a
    //   registry; build and push the image (to ECR), then set `image`
  }
}

cluster django {
  service web {
    task            = web
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
