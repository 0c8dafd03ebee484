// A job's schedule EventBridge Scheduler refuses (E3217), a time zone and a pause without a
// schedule (E3218), a schedule name with a character it refuses (E3410), two jobs of one
// schedule name (E3411), an awsvpc job without subnets (E3202), a job with both a launch type
// and a capacity (E3207), and too many copies (E2011 range).
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

cluster batch {
  job nightly {
    task     = report
    schedule = "cron(0 3 * * *)"
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
  job many {
    task    = report
    count   = 11
    subnets = [main.a]
  }
}
