// Imported by `eclc import task-definition` from
// fixtures/aws-containers-task-definitions/nginx_ec2.json.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// Task `nginx` is for EC2 (network mode `bridge`, compatibilities [ec2]): to run it, add an
//   `ec2_capacity` to the cluster and a service.

stack nginx {
  region = "us-east-2"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet public_a {
    cidr   = cidrsubnet(main.cidr, 8, 0)
    zone   = "us-east-2a"
    public = true
  }
  subnet public_b {
    cidr   = cidrsubnet(main.cidr, 8, 1)
    zone   = "us-east-2b"
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
  network_mode    = bridge
  compatibilities = [ec2]
  container nginx {
    cpu    = 256
    image  = "nginx:latest"
    memory = 256MiB
    ports  = [{ container = 80 }]
    log {
      group         = awslogs_nginx_ecs
      stream_prefix = "nginx"
    }
  }
}

cluster nginx {}
