// Imported by `eclc import task-definition` from
// fixtures/botocore-examples/register-task-definition.sleep360.output.json
// (describe-task-definition).
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// Task `sleep360` is for EC2 (network mode `bridge`, compatibilities [ec2]): to run it, add
//   an `ec2_capacity` to the cluster and a service.

stack sleep360 {
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
  }
}

// As described: taskDefinitionArn
// arn:aws:ecs:us-east-1:<aws_account_id>:task-definition/sleep360:19, revision 1
task sleep360 {
  family          = "sleep360"
  network_mode    = bridge
  compatibilities = [ec2]
  container sleep {
    command = ["sleep", "360"]
    cpu     = 10
    image   = "busybox"
    memory  = 10MiB
    log {
      driver = none
    }
  }
}

cluster sleep360 {}
