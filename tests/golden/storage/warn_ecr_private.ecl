// A Fargate service in a private subnet without a NAT route or endpoints, whose image is in a
// repository of the program: private ECR, reached through the ECR and S3 endpoints (W0004 names
// them), not an internet image (W0008); its task, which does not log with awslogs, still gets the
// generated execution role, which pulls the image.
stack shop {
  region = "us-east-1"
}

repository api {
  name = "shop/api"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = "10.0.1.0/24"
    zone = "us-east-1a"
  }
}

task web {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "${api.uri}:1.4"
    log {
      driver = none
    }
  }
}

cluster prod {
  service web {
    task    = web
    subnets = [main.a]
  }
}
