// E3214: scaling with min above max, a desired count outside the bounds, no target, and on a
// daemon service.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.1.0/24"  zone = "us-east-1a" }
  subnet b { cidr = "10.0.2.0/24"  zone = "us-east-1b" }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
}

task api {
  cpu    = 256
  memory = 512
  container app { image = "public.ecr.aws/nginx/nginx:1.27" }
}

task agent {
  compatibilities = [ec2]
  network_mode    = bridge
  memory          = 256
  container agent { image = "public.ecr.aws/nginx/nginx:1.27" }
}

cluster prod {
  service reversed {
    task    = api
    subnets   = [main.a, main.b]
    public_ip = true
    scaling {
      min = 4
      max = 2
      cpu = 60
    }
  }
  service outside {
    task    = api
    desired = 10
    subnets   = [main.a, main.b]
    public_ip = true
    scaling {
      min    = 1
      max    = 4
      memory = 70
    }
  }
  service idle {
    task    = api
    subnets   = [main.a, main.b]
    public_ip = true
    scaling {
      min = 1
      max = 4
    }
  }
  service everywhere {
    task        = agent
    launch_type = ec2
    scheduling  = daemon
    scaling {
      min = 1
      max = 4
      cpu = 50
    }
  }
  // One task: the message says "1 task", not "1 tasks".
  service single {
    task      = api
    desired   = 1
    subnets   = [main.a, main.b]
    public_ip = true
    scaling {
      min = 2
      max = 4
      cpu = 50
    }
  }
}
