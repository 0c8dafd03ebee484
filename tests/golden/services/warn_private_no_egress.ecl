// Private subnets without NAT: ECR and S3 endpoints exist, but the awslogs driver needs `logs` too.
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
  security_group api {
    description = "API tasks"
    ingress { protocol = tcp  port = 8080  from = "10.0.0.0/16" }
  }

  // ECR and S3, but no CloudWatch Logs endpoint.
  endpoint ecr_api { service = "ecr.api"  subnets = [private_a, private_b]  security_groups = [endpoints] }
  endpoint ecr_dkr { service = "ecr.dkr"  subnets = [private_a, private_b]  security_groups = [endpoints] }
  endpoint s3 { service = "s3"  route_tables = [private] }
}

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0"
    port  = 8080
  }
}

cluster prod {
  service api {
    task            = api
    desired         = 2
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.api]
  }
}
