// E3225: `t3.mediun` is no EC2 instance type (`t3.medium` is near), and `zz1.huge` none near;
// E3226: a task needing 4096 CPU units (4 vCPUs) or 16 GiB never fits one `t3.large` (2 vCPUs,
// 8 GiB), whether the EC2 launch type or a strategy places it. The capacity of unknown type is not
// judged against.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = "10.0.0.0/24"   zone = "us-east-1a"  public = true }
  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = "10.0.11.0/24"  zone = "us-east-1b" }

  internet_gateway igw {}
  nat_gateway nat { subnet = public_a }

  route_table public {
    subnets = [public_a]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table private {
    subnets = [private_a, private_b]
    route { destination = "0.0.0.0/0"  target = nat }
  }

  security_group api {
    description = "API tasks"
    ingress { protocol = tcp  port = 8080  from = "10.0.0.0/16" }
  }
}

task web {
  network_mode    = bridge
  compatibilities = [ec2]
  container app {
    image  = "public.ecr.aws/nginx/nginx:1.27"
    cpu    = 4096
    memory = 512MiB
    port   = 8080
  }
}

task big {
  network_mode    = bridge
  compatibilities = [ec2]
  memory          = 16GiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
  }
}

cluster batch {
  capacity = [workers]

  ec2_capacity workers {
    instance_type = "t3.large"
    max           = 4
    subnets       = [main.private_a, main.private_b]
  }

  service web {
    task = web
  }

  service big {
    task        = big
    launch_type = ec2
  }
}

cluster typos {
  capacity = [small]

  ec2_capacity small {
    instance_type = "t3.mediun"
    max           = 4
    subnets       = [main.private_a]
  }
  ec2_capacity odd {
    instance_type = "zz1.huge"
    max           = 4
    subnets       = [main.private_a]
  }
  ec2_capacity junk {
    instance_type = "large"
    max           = 4
    subnets       = [main.private_a]
  }
}
