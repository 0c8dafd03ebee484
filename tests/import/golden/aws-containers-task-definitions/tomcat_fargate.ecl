// Imported by `eclc import task-definition` from
// fixtures/aws-containers-task-definitions/tomcat_fargate.json.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack tomcat_webserver {
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
  }
}

log_group ecs_tomcat_container_logs {
  name = "/ecs/tomcat-container-logs"
}

task tomcat_webserver {
  family          = "tomcat-webserver"
  cpu             = 1024
  memory          = 2GiB
  network_mode    = awsvpc
  compatibilities = [fargate]
  container tomcat_webserver {
    name   = "tomcat-webserver"
    cpu    = 1024
    image  = "tomcat"
    memory = 256MiB
    ports  = [{ container = 8080 }]
    log {
      group         = ecs_tomcat_container_logs
      stream_prefix = "ecs"
    }
  }
}

cluster tomcat_webserver {
  service tomcat_webserver {
    task            = tomcat_webserver
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
