// A job's schedule EventBridge Scheduler refuses (E3217), a time zone and a pause without a
// schedule (E3218), a schedule name with a character it refuses (E3410), two jobs of one
// schedule name (E3411), an awsvpc job without subnets (E3202), a job with both a launch type
// and a capacity (E3207), too many copies (E2009), the ARN of a job without a schedule (E3219), a
// public IP for tasks on EC2 (E3220, and W0007: no EC2 capacity), and cron fields out of range.
stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = "10.0.1.0/24"
    zone = "us-east-1a"
  }
}

task report {
  cpu    = 0.25vcpu
  memory = 512MiB
  container main {
    image = "public.ecr.aws/docker/library/busybox:1.36"
  }
}

task on_instances {
  compatibilities = [ec2]
  container main {
    image  = "public.ecr.aws/docker/library/busybox:1.36"
    memory = 128MiB
  }
}

cluster batch {
  job nightly {
    task     = report
    schedule = "cron(0 3 * * *)"
    subnets  = [main.a]
  }
  job late {
    task     = report
    schedule = "cron(0 25 * * ? *)"
    subnets  = [main.a]
  }
  job sunday {
    task     = report
    schedule = "cron(0 3 ? * 0 *)"
    subnets  = [main.a]
  }
  job leap {
    task     = report
    schedule = "at(2026-02-29T12:00:00)"
    subnets  = [main.a]
  }
  job weekly {
    task     = report
    schedule = "rate(1 weeks)"
    subnets  = [main.a]
  }
  job adhoc {
    task     = report
    timezone = "Europe/Paris"
    enabled  = false
    subnets  = [main.a]
  }
  job named {
    task     = report
    name     = "report job"
    schedule = "rate(1 day)"
    subnets  = [main.a]
  }
  job first {
    task     = report
    name     = "report"
    schedule = "rate(2 days)"
    subnets  = [main.a]
  }
  job second {
    task     = report
    name     = "report"
    schedule = "rate(3 days)"
    subnets  = [main.a]
  }
  job nowhere {
    task = report
  }
  job both {
    task        = report
    launch_type = fargate
    capacity    = [fargate_spot]
    subnets     = [main.a]
  }
  job on_ec2 {
    task        = on_instances
    launch_type = ec2
    subnets     = [main.a]
    public_ip   = true
  }
  job many {
    task    = report
    count   = 11
    subnets = [main.a]
  }
}

// A job without a schedule makes nothing: it has no `arn` (E3219).
output adhoc_schedule = batch.adhoc.arn
