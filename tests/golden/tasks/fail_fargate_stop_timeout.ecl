// E3131: a stop timeout over 120 seconds in a Fargate task; an EC2 task may wait longer.
stack s { region = "us-east-1" }

task web {
  cpu    = 256
  memory = 512
  container app {
    image        = "public.ecr.aws/nginx/nginx:1.27"
    stop_timeout = 5m
  }
}

task both {
  compatibilities = [ec2, fargate]
  cpu             = 256
  memory          = 512
  container app {
    image        = "public.ecr.aws/nginx/nginx:1.27"
    stop_timeout = 121s
  }
}

task batch {
  compatibilities = [ec2]
  network_mode    = bridge
  container app {
    image        = "public.ecr.aws/nginx/nginx:1.27"
    memory       = 128MiB
    stop_timeout = 10m
  }
}
