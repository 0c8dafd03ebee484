// Jobs applied on moto (tests/apply/jobs_test.py): a nightly Fargate report on a schedule, an
// hourly cleanup on EC2, and a migration that only `eclc run` starts (EC2 too: moto's RunTask
// fails for awsvpc tasks).
stack jobs {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr   = "10.0.1.0/24"
    zone   = "us-east-1a"
    public = true
  }
  internet_gateway igw {}
  route_table public {
    subnets = [a]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
}

task report {
  cpu    = 0.25vcpu
  memory = 512MiB
  container main {
    image   = "public.ecr.aws/docker/library/busybox:1.36"
    command = ["sh", "-c", "echo report"]
  }
}

task tool {
  network_mode    = bridge
  compatibilities = [ec2]
  container main {
    image   = "public.ecr.aws/docker/library/busybox:1.36"
    memory  = 128MiB
    command = ["sh", "-c", "echo tool"]
  }
}

cluster batch {
  job nightly {
    task      = report
    schedule  = "cron(0 3 * * ? *)"
    timezone  = "Europe/Paris"
    subnets   = [main.a]
    public_ip = true
  }

  job cleanup {
    task        = tool
    launch_type = ec2
    schedule    = "rate(1 hour)"
    count       = 2
  }

  job migrate {
    task        = tool
    launch_type = ec2
  }
}
