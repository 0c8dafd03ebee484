// A daemon service runs one task per instance: ECS refuses a capacity provider strategy with it
// (without one it runs with the EC2 launch type on the cluster's instances).
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
    memory = 256MiB
    port   = 8080
  }
}

cluster batch {
  capacity = [workers]

  ec2_capacity workers {
    instance_type   = "t3.medium"
    min             = 1
    max             = 4
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.api]
  }

  service agent {
    task       = web
    scheduling = daemon
    capacity   = [workers]
  }
}
