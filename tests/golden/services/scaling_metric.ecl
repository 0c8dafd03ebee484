// A queue worker scaled on its SQS backlog (a `metric` of its scaling: a customized metric
// specification), beside CPU tracking: one policy a target, named after the service and the block.
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
}

task worker {
  cpu    = 256
  memory = 512
  container app {
    image = "public.ecr.aws/docker/library/busybox:1.36"
  }
}

cluster prod {
  service worker {
    task      = worker
    subnets   = [main.a, main.b]
    public_ip = true
    scaling {
      min                = 1
      max                = 20
      cpu                = 70
      scale_out_cooldown = 1m
      metric backlog {
        namespace  = "AWS/SQS"
        name       = "ApproximateNumberOfMessagesVisible"
        dimensions = { QueueName = "jobs" }
        target     = 100
      }
      // The statistic, unit and a fractional target: `SampleCount`, `Count/Second`, 2.5.
      metric throughput {
        namespace = "Jobs/Worker"
        name      = "Processed"
        statistic = sample_count
        unit      = count_per_second
        target    = 2.5
      }
    }
  }
}
