// Three tasks, one zone: a zone outage stops the service.
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

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    port  = 8080
  }
}

cluster prod {
  service api {
    task    = api
    desired = 3
    subnets = [main.private_a]
  }
}
