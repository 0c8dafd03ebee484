// A subnet routed to an internet gateway is public in AWS whether or not it says `public = true`:
// a public IP there is reachable and pulls images through the gateway (no W0003, no W0004).
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a" }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b" }

  internet_gateway igw {}

  route_table public {
    subnets = [a, b]
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
    subnets   = [main.a, main.b]
    public_ip = true
  }
}
