// Fargate tasks with public IPs in public subnets pull through the internet gateway.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet public_b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }

  internet_gateway igw {}
  route_table public {
    subnets = [public_a, public_b]
    route { destination = "0.0.0.0/0"  target = igw }
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
    task      = api
    desired   = 2
    subnets   = [main.public_a, main.public_b]
    public_ip = true
  }
}
