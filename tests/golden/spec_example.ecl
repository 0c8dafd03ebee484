// webapp.ecl
stack webapp {
  region      = "us-east-1"
  description = "Public web API on Fargate"
  tags        = { team = "platform", env = env }
}

param env: string = "prod"
param api_image: string = "public.ecr.aws/nginx/nginx:1.27"
let   zones = ["us-east-1a", "us-east-1b"]

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = cidrsubnet(main.cidr, 8, 0)  zone = zones[0]  public = true }
  subnet public_b  { cidr = cidrsubnet(main.cidr, 8, 1)  zone = zones[1]  public = true }
  subnet private_a { cidr = "10.0.10.0/24"  zone = zones[0] }
  subnet private_b { cidr = "10.0.11.0/24"  zone = zones[1] }

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

  endpoint s3 { service = "s3"  route_tables = [private] }   // gateway endpoint

  security_group api {
    description = "API tasks"
    ingress { protocol = tcp  port = 8080  from = "10.0.0.0/16" }
  }
}

task api {
  cpu    = 0.25vcpu          // = 256 CPU units
  memory = 512MiB
  container app {
    image       = api_image
    port        = 8080
    environment = { LOG_LEVEL = env == "prod" ? "warn" : "debug" }
    health_check { command = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]  interval = 30s }
  }
}

cluster prod {
  capacity = [fargate, fargate_spot]
  service api {
    task            = api      // resolves to `task api`: references are typed
    desired         = env == "prod" ? 3 : 1
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.api]
  }
}

output cluster_arn = prod.arn
