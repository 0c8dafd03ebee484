// Imported by `eclc import task-definition` from
// fixtures/botocore-examples/describe-task-definition.hello_world.json
// (describe-task-definition).
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// Task `hello_world` is for EC2 (network mode `bridge`, compatibilities [ec2]): to run it,
//   add an `ec2_capacity` to the cluster and a service.

stack hello_world {
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

// As described: taskDefinitionArn
// arn:aws:ecs:us-east-1:<aws_account_id>:task-definition/hello_world:8, revision 8
task hello_world {
  family          = "hello_world"
  network_mode    = bridge
  compatibilities = [ec2]
  container wordpress {
    cpu    = 10
    image  = "wordpress"
    memory = 500MiB
    ports  = [{ container = 80, host = 80 }]
    // TODO: `links: ["mysql"]` is not carried over: ECL has no `links`; the containers of a task
    //   reach each other on localhost under `awsvpc`, and through their host ports under
    //   `bridge`
    log {
      driver = none
    }
  }
  container mysql {
    cpu         = 10
    environment = { MYSQL_ROOT_PASSWORD = "password" }
    image       = "mysql"
    memory      = 500MiB
    log {
      driver = none
    }
  }
}

cluster hello_world {}
