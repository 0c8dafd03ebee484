// Jobs: a nightly report on Fargate (an EventBridge Scheduler schedule, its role), a paused
// hourly one on Fargate Spot with its own group, and a migration that only `eclc run` starts.
stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr   = "10.0.1.0/24"
    zone   = "us-east-1a"
    public = true
  }
  subnet b {
    cidr   = "10.0.2.0/24"
    zone   = "us-east-1b"
    public = true
  }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  security_group jobs {
    egress {
      protocol = all
      to       = "0.0.0.0/0"
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

task migrate {
  cpu    = 0.5vcpu
  memory = 1GiB
  container main {
    image   = "public.ecr.aws/docker/library/busybox:1.36"
    command = ["sh", "-c", "echo migrate"]
  }
}

cluster batch {
  capacity = [fargate, fargate_spot]

  job nightly {
    task             = report
    schedule         = "cron(0 3 * * ? *)"
    timezone         = "Europe/Paris"
    subnets          = [main.a, main.b]
    public_ip        = true
    launch_type      = fargate
    platform_version = "1.4.0"
    tags             = { team = "data" }
  }

  job hourly {
    task            = report
    name            = "shop.hourly-report"
    schedule        = "rate(1 hour)"
    enabled         = false
    count           = 2
    capacity        = [{ provider = fargate_spot, weight = 1 }]
    subnets         = [main.a]
    security_groups = [main.jobs]
    public_ip       = true
  }

  job migrate {
    task      = migrate
    subnets   = [main.a]
    public_ip = true
  }
}

output nightly_schedule = batch.nightly.arn
