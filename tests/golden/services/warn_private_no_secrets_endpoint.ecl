// W0004: private subnets without NAT whose endpoints serve the images (ECR, S3) but not the logs
// of awslogs nor the secrets of Secrets Manager and Parameter Store: ECS cannot start the tasks.
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
    secrets = {
      DB_PASSWORD = "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop/db-AbCdEf",
      API_KEY     = "arn:aws:ssm:us-east-1:123456789012:parameter/shop/api-key",
    }
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
