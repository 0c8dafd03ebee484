// Names AWS refuses, each against its own resource's rule (E3410): characters, length, reserved
// prefixes, hyphens at the edges, and a default made from a block's name.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }

  security_group reserved { name = "sg-web" }
  security_group accented { name = "café" }

  target_group long { name = "a-target-group-name-of-33-letters"  port = 80 }
  target_group edge { name = "-web"  port = 80 }

  load_balancer inner {
    name    = "internal-api"
    subnets = [a, b]
    listener http {
      port    = 80
      forward = long
    }
  }
}

task api {
  family = "api/v2"
  cpu    = 256
  memory = 512
  container web {
    name  = "web server"
    image = "public.ecr.aws/nginx/nginx:1.27"
  }
}

cluster prod {
  name = "prod.cluster"
  service api {
    name      = ""
    task      = api
    subnets   = [main.a]
    public_ip = true
  }
}
