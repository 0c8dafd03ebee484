// Imported by `eclc import task-definition` from
// fixtures/aws-containers-task-definitions/gunicorn_fargate.json.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack gunicorn {
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
      port = 5000
      from = tasks
    }
  }
}

log_group ecs_gunicorn {
  name = "/ecs/gunicorn"
}

task gunicorn {
  family          = "gunicorn"
  cpu             = 512
  memory          = 1GiB
  network_mode    = awsvpc
  compatibilities = [fargate]
  container gunicorn {
    image              = "danriti/gunicorn-flask"
    memory_reservation = 1GiB
    ports              = [{ container = 5000, host = 5000 }]
    log {
      group         = ecs_gunicorn
      stream_prefix = "ecs"
    }
  }
}

cluster gunicorn {
  service gunicorn {
    task            = gunicorn
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
