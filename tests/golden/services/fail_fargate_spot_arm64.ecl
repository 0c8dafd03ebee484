// Fargate Spot runs only x86_64 tasks (E3221): an arm64 task on `fargate_spot`, written or the
// cluster's default, is refused; the arm64 task on `fargate` and the x86_64 one on Spot are not.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  internet_gateway igw {}
  route_table rt {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
}

task graviton {
  cpu              = 0.25vcpu
  memory           = 512MiB
  cpu_architecture = arm64
  container app { image = "public.ecr.aws/nginx/nginx:1.27" }
}

task intel {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27" }
}

cluster spot_first {
  capacity = [fargate_spot, fargate]

  service mixed {
    task      = graviton
    capacity  = [{ provider = fargate, base = 1 }, { provider = fargate_spot, weight = 3 }]
    subnets   = [main.a, main.b]
    public_ip = true
  }
  service by_default {
    task      = graviton
    subnets   = [main.a, main.b]
    public_ip = true
  }
  service on_demand {
    task      = graviton
    capacity  = [fargate]
    subnets   = [main.a, main.b]
    public_ip = true
  }
  service cheap {
    task      = intel
    capacity  = [fargate_spot]
    subnets   = [main.a, main.b]
    public_ip = true
  }
}
