// The program the plan view's golden tests (tests/plan/view_test.cpp) start from; each case edits
// it and compares what `eclc plan` shows with NAME.txt.
stack shop {
  region = "us-east-1"
  tags   = { team = "web" }
}

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet public_b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  subnet public_c { cidr = "10.0.2.0/24"  zone = "us-east-1c"  public = true }

  internet_gateway igw {}
  route_table public {
    subnets = [public_a, public_b, public_c]
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

output vpc_id      = main.id
output service_arn = prod.api.arn
output subnet_cidr = main.public_b.cidr
