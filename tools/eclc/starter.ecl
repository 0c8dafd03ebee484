// main.ecl: a web service on AWS Fargate, written by `eclc init`. Change it, then
//   eclc check .         report what AWS would refuse, before deploying
//   eclc plan .          show what `eclc apply` would create
// docs/language.md describes every kind and attribute.

param env: string = "dev"

let region = "us-east-1"

stack app {
  region = region
  tags   = { env = env }
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet public_a {
    cidr   = cidrsubnet(main.cidr, 8, 0)
    zone   = "${region}a"
    public = true
  }
  subnet public_b {
    cidr   = cidrsubnet(main.cidr, 8, 1)
    zone   = "${region}b"
    public = true
  }
  internet_gateway igw {}
  route_table public {
    subnets = [public_a, public_b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  security_group web {
    ingress {
      port = 80
      from = "0.0.0.0/0"
    }
  }
}

task web {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    port  = 80
  }
}

cluster app {
  service web {
    task            = web
    desired         = 2
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.web]
    public_ip       = true
  }
}

output cluster = app.arn
