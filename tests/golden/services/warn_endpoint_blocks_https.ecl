// Tasks without a NAT route reach ECR, CloudWatch Logs and Secrets Manager through interface
// endpoints, on TCP 443 (W0024): the ECR endpoints' group admits port 80 only, and the Secrets
// Manager endpoint names no group (the VPC's default one, which `api`'s tasks are not in). The
// logs endpoint lets `api`'s group in, and `worker`'s tasks, in no group, share the default group
// with the Secrets Manager endpoint: neither is reported for them. No ingress of the other
// endpoints admits an address range holding `worker`'s subnets.
stack m { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet private_a { cidr = "10.0.2.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = "10.0.3.0/24"  zone = "us-east-1b" }
  route_table private { subnets = [private_a, private_b] }

  security_group vpce { ingress { port = 80  from = app } }
  security_group logs_in { ingress { port = 443  from = app } }
  security_group app { ingress { port = 8080  from = "10.0.0.0/16" } }

  endpoint ecr_api { service = "ecr.api"  subnets = [private_a, private_b]  security_groups = [vpce] }
  endpoint ecr_dkr { service = "ecr.dkr"  subnets = [private_a, private_b]  security_groups = [vpce] }
  endpoint logs { service = "logs"  subnets = [private_a, private_b]  security_groups = [logs_in] }
  endpoint secrets { service = "secretsmanager"  subnets = [private_a, private_b] }
  endpoint s3 { service = "s3"  route_tables = [private] }
}

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image   = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0"
    port    = 8080
    secrets = { DB_PASS = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" }
  }
}

cluster prod {
  service api {
    task            = api
    desired         = 2
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.app]
  }
  service worker {
    task    = api
    subnets = [main.private_a, main.private_b]
  }
}
