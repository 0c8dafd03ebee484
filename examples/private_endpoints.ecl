// private_endpoints.ecl: Fargate tasks with no path to the internet at all.
//
// The VPC has no internet gateway and no NAT gateway. To start, a Fargate task must still pull
// its image from ECR and send its logs to CloudWatch Logs; VPC endpoints give it a private path
// to exactly those services:
//   - ecr.api  (interface): the ECR API (authentication, image manifests);
//   - ecr.dkr  (interface): the Docker registry protocol;
//   - s3       (gateway):   ECR keeps image layers in S3;
//   - logs     (interface): the awslogs log driver.
//
// Check it with:   eclc check examples/private_endpoints.ecl

stack ledger {
  region      = "eu-central-1"
  description = "Internal ledger workers, reachable only from inside the VPC"
  tags        = { team = "payments", data_class = "confidential" }
}

let vpc_cidr = "10.20.0.0/16"

vpc isolated {
  cidr = vpc_cidr

  // Interface endpoints answer on the services' usual names only when the VPC resolves DNS and
  // assigns DNS hostnames; both are on by default and spelled out here because they matter.
  dns_support   = true
  dns_hostnames = true

  subnet private_a {
    cidr = cidrsubnet(vpc_cidr, 4, 0) // 10.20.0.0/20
    zone = "eu-central-1a"
  }
  subnet private_b {
    cidr = cidrsubnet(vpc_cidr, 4, 1) // 10.20.16.0/20
    zone = "eu-central-1b"
  }

  // A route table with no routes of its own: only the VPC-local route, plus the routes the S3
  // gateway endpoint adds to it.
  route_table private {
    subnets = [private_a, private_b]
  }

  // The endpoints' network interfaces accept HTTPS from anywhere in the VPC.
  security_group endpoints {
    description = "VPC endpoints: HTTPS from the VPC"
    ingress {
      protocol = tcp
      port     = 443
      from     = vpc_cidr
    }
  }

  // The tasks accept traffic only from each other, and may only speak HTTPS outwards (to the
  // endpoints, and to S3 through the gateway endpoint).
  security_group tasks {
    description = "Ledger tasks"
    ingress {
      protocol    = tcp
      port        = 8080
      from        = tasks // a security group as the source: members of this same group
      description = "Internal API"
    }
    egress {
      protocol    = tcp
      port        = 443
      to          = "0.0.0.0/0"
      description = "HTTPS to AWS services through the endpoints"
    }
  }

  // Interface endpoints: one network interface in each listed subnet. `type = interface` is
  // derived from the service name and could be omitted.
  endpoint ecr_api {
    service         = "ecr.api"
    type            = interface
    subnets         = [private_a, private_b]
    security_groups = [endpoints]
    private_dns     = true
  }
  endpoint ecr_dkr {
    service         = "ecr.dkr"
    subnets         = [private_a, private_b]
    security_groups = [endpoints]
  }
  endpoint logs {
    service         = "logs"
    subnets         = [private_a, private_b]
    security_groups = [endpoints]
  }

  // The gateway endpoint for S3 attaches to route tables instead of subnets.
  endpoint s3 {
    service      = "s3"
    type         = gateway
    route_tables = [private]
  }
}

// The image comes from the account's own ECR registry in the stack's region: public registries
// are out of reach without internet access.
task ledger_worker {
  cpu    = 256 // CPU units: 0.25 vCPU
  memory = 512MiB

  container worker {
    image       = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/ledger/worker:3.2.0"
    port        = 8080
    environment = { AWS_REGION = "eu-central-1", LISTEN_PORT = "8080" }

    health_check {
      command = ["CMD", "/app/healthcheck"]
    }
    // No `log` block: the container logs with awslogs to the task's generated log group,
    // through the `logs` endpoint.
  }
}

cluster internal {
  // `capacity` defaults to [fargate].
  service workers {
    task            = ledger_worker
    desired         = 2
    subnets         = [isolated.private_a, isolated.private_b]
    security_groups = [isolated.tasks]
    public_ip       = false // the default; a private subnet cannot use one anyway
  }
}

output cluster_arn = internal.arn
output subnet_ids  = [isolated.private_a.id, isolated.private_b.id]
