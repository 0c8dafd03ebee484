stack demo {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"

  subnet private_a {
    cidr = "10.1.10.0/24"
    zone = "us-east-1a"
  }
  subnet private_b {
    cidr = "10.0.11.0/24"
    zone = "us-east-1b"
  }

  security_group api {
    description = "API tasks"
  }
}

task api {
  cpu    = 256
  memory = 512MiB
  container app {
    image = "nginx:1.27"
    port  = 8080
  }
}

cluster prod {
  service api {
    task            = api
    desired         = 2
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.api]
    launch_type     = fargate
  }
}

output first_cidr = main.private_a.cidr
