// Imported by `eclc import task-definition` from
// fixtures/aws-containers-task-definitions/ConsulServer.json.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// Task `consulServer` is for EC2 (network mode `host`, compatibilities [ec2]): to run it,
//   add an `ec2_capacity` to the cluster and a service.

stack consulServer {
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
  }
}

log_group consul {
  name = "consul"
}

task consulServer {
  family          = "consulServer"
  network_mode    = host
  compatibilities = [ec2]
  container consulServer {
    command            = ["agent", "-client=0.0.0.0", "-server", "-data-dir=/consul/data", "-bootstrap", "-ui"]
    cpu                = 128
    docker_labels      = { Name = "consulServer" }
    entrypoint         = ["/usr/local/bin/docker-entrypoint.sh"]
    environment        = { CONSUL_BIND_INTERFACE = "eth0", enable_debug = "true" }
    image              = "consul"
    memory             = 256MiB
    memory_reservation = 64MiB
    log {
      group         = consul
      stream_prefix = "consulServer"
    }
  }
}

cluster consulServer {}
