// W0025: instances in private subnets without a NAT route, with the `ecs` endpoint but not
// `ecs-agent` nor `ecs-telemetry`, never join the cluster. Those in the public subnet (an internet
// gateway route and `public = true`) or in a subnet routed to the NAT gateway do.
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
  subnet nat_c { cidr = "10.0.12.0/24"  zone = "us-east-1c" }

  route_table private { subnets = [private_a, private_b] }
  route_table natted {
    subnets = [nat_c]
    route { destination = "0.0.0.0/0"  target = nat }
  }

  security_group endpoints {
    ingress { port = 443  from = "10.0.0.0/16" }
  }
  endpoint ecs { service = "ecs"  subnets = [private_a, private_b]  security_groups = [endpoints] }

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
    memory = 256MiB
  }
}

cluster batch {
  capacity = [workers]

  ec2_capacity workers {
    instance_type = "t3.medium"
    max           = 4
    subnets       = [main.private_a, main.public_a, main.nat_c]
  }

  service web {
    task = web
  }
}
