// Imported by `eclc import task-definition` from
// fixtures/aws-containers-task-definitions/nginx_fargate.json.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack nginx {
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
      from = tasks
    }
  }
}

log_group awslogs_nginx_ecs {
  name = "awslogs-nginx-ecs"
}

task nginx {
  family          = "nginx"
  cpu             = 256
  memory          = 512MiB
  network_mode    = awsvpc
  compatibilities = [fargate]
  container nginx {
    cpu    = 256
    image  = "nginx:latest"
    memory = 256MiB
    ports  = [{ container = 80 }]
    log {
      group         = awslogs_nginx_ecs
      stream_prefix = "ecs"
    }
  }
}

cluster nginx {
  service nginx {
    task            = nginx
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
