// E3213: a daemon runs one task on each instance: ECS takes no `desired` count for it, and keeps
// its deployments at one task an instance (no `max_percent`). eclc sends neither.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = "10.0.0.0/24"   zone = "us-east-1a"  public = true }
  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }

  internet_gateway igw {}
  nat_gateway nat { subnet = public_a }

  route_table public {
    subnets = [public_a]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table private {
    subnets = [private_a]
    route { destination = "0.0.0.0/0"  target = nat }
  }
}

task agent {
  network_mode    = bridge
  compatibilities = [ec2]
  container app {
    image  = "public.ecr.aws/cloudwatch-agent/cloudwatch-agent:latest"
    memory = 256MiB
  }
}

cluster batch {
  ec2_capacity workers {
    instance_type = "t3.medium"
    max           = 4
    subnets       = [main.private_a]
  }

  service agent {
    task        = agent
    launch_type = ec2
    scheduling  = daemon
    desired     = 3
    deployment { max_percent = 200  min_healthy_percent = 0 }
  }
}
