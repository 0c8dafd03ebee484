// Imported by `eclc import task-definition` from
// fixtures/aws-containers-task-definitions/wildfly_fargate.json.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack wildfly {
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
      port = 8080
      from = tasks
    }
    ingress {
      port = 9990
      from = tasks
    }
  }
}

log_group ecs_wildfly {
  name = "/ecs/wildfly"
}

task wildfly {
  family          = "wildfly"
  cpu             = 512
  memory          = 1GiB
  network_mode    = awsvpc
  compatibilities = [fargate]
  container wildfly {
    command = ["/opt/jboss/wildfly/bin/standalone.sh", "-bmanagement", "0.0.0.0", "-b", "0.0.0.0"]
    cpu     = 512
    image   = "jboss/wildfly"
    memory  = 1GiB
    ports   = [{ container = 8080, host = 8080 }, { container = 9990, host = 9990 }]
    log {
      group         = ecs_wildfly
      stream_prefix = "ecs"
    }
  }
}

cluster wildfly {
  service wildfly {
    task            = wildfly
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
