// W0008: private subnets without NAT, behind every endpoint a private ECR image needs, but the
// tasks' image is on Docker Hub (and the other service's on ECR Public): endpoints do not serve
// them. The third service pulls from private ECR and is fine.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = "10.0.11.0/24"  zone = "us-east-1b" }

  route_table private { subnets = [private_a, private_b] }

  security_group endpoints {
    description = "Interface endpoints"
    ingress { protocol = tcp  port = 443  from = "10.0.0.0/16" }
  }

  endpoint ecr_api { service = "ecr.api"  subnets = [private_a, private_b]  security_groups = [endpoints] }
  endpoint ecr_dkr { service = "ecr.dkr"  subnets = [private_a, private_b]  security_groups = [endpoints] }
  endpoint logs { service = "logs"  subnets = [private_a, private_b]  security_groups = [endpoints] }
  endpoint s3 { service = "s3"  route_tables = [private] }
}

task hub {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "nginx:1.27"  port = 80 }
}

task public_ecr {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  port = 80 }
}

task private_ecr {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0"  port = 80 }
}

cluster prod {
  service hub {
    task    = hub
    subnets = [main.private_a]
  }
  service public_ecr {
    task    = public_ecr
    subnets = [main.private_b]
  }
  service private_ecr {
    task    = private_ecr
    subnets = [main.private_a, main.private_b]
  }
}
