// E3307: attachments naming a container the task lacks, and a port the container does not map.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = "10.0.0.0/24"   zone = "us-east-1a"  public = true }
  subnet public_b  { cidr = "10.0.1.0/24"   zone = "us-east-1b"  public = true }
  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = "10.0.11.0/24"  zone = "us-east-1b" }

  internet_gateway igw {}
  nat_gateway nat { subnet = public_a }

  route_table public {
    subnets = [public_a, public_b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table private {
    subnets = [private_a, private_b]
    route { destination = "0.0.0.0/0"  target = nat }
  }

  security_group lb {
    ingress { port = 80  from = "0.0.0.0/0" }
  }
  security_group app {
    ingress { port = 8080  from = lb }
  }

  target_group api { port = 8080 }

  load_balancer web {
    subnets         = [public_a, public_b]
    security_groups = [lb]
    listener http {
      port    = 80
      forward = api
    }
  }
}

task api {
  cpu    = 256
  memory = 512
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    port  = 8080
  }
}

cluster prod {
  service api {
    task            = api
    desired         = 2
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.app]
    load_balancers  = [
      { target_group = main.api, container = "web", port = 8080 },
      { target_group = main.api, container = "app", port = 9090 },
      { target_group = main.api, container = "ap", port = 8080 },
    ]
  }
}
