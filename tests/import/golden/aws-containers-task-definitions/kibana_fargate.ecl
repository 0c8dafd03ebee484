// Imported by `eclc import task-definition` from
// fixtures/aws-containers-task-definitions/kibana_fargate.json.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack kibana {
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
      port = 5601
      from = tasks
    }
  }
}

log_group ecs_kibana {
  name = "/ecs/kibana"
}

task kibana {
  family          = "kibana"
  cpu             = 1024
  memory          = 2GiB
  network_mode    = awsvpc
  compatibilities = [fargate]
  container kibana {
    cpu         = 1024
    environment = { ELASTICSEARCH_URL = "<ES-URL>" }
    image       = "docker.elastic.co/kibana/kibana:6.0.0"
    memory      = 2GiB
    ports       = [{ container = 5601, host = 5601 }]
    log {
      group         = ecs_kibana
      stream_prefix = "ecs"
    }
  }
}

cluster kibana {
  service kibana {
    task            = kibana
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
