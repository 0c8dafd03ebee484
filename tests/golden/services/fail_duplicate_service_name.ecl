// ECS service names are unique in a cluster: `web` and `web_v2` both say `name = "web"`.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.1.0/24"  zone = "us-east-1a" }
  internet_gateway igw {}
  route_table public {
    subnets = [a]
    route { destination = "0.0.0.0/0"  target = igw }
  }
}

task api {
  cpu    = 256
  memory = 512MiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  port = 80 }
}

cluster prod {
  service web { task = api  subnets = [main.a]  public_ip = true }
  service web_v2 {
    name    = "web"
    task    = api
    subnets   = [main.a]
    public_ip = true
  }
}

cluster staging {
  service web { task = api  subnets = [main.a]  public_ip = true }
}
