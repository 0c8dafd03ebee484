// E3429: a task's own execution role misses what ECS needs before the containers start.
stack s {
  region = "us-east-1"
}

// Only S3: no secret, log or ECR action.
role s3_only {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [{ actions = ["s3:GetObject"], resources = ["arn:aws:s3:::b/*"] }]
}

// Secrets and SSM parameters, with wildcards.
role secrets {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [{ actions = ["secretsmanager:Get*", "ssm:GetParameters"], resources = ["*"] }]
}

// What a task reading one secret and logging (every container logs with awslogs by default)
// needs.
role full {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [
    {
      actions   = ["secretsmanager:GetSecretValue", "logs:CreateLogStream", "logs:PutLogEvents"],
      resources = ["*"],
    },
  ]
}

// The AWS managed policy may allow anything: not read, not reported.
role managed {
  assumed_by       = ["ecs-tasks.amazonaws.com"]
  managed_policies = ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"]
}

// Reads a Secrets Manager secret: E3429 on `secretsmanager:GetSecretValue`.
task reads_secret {
  cpu            = 256
  memory         = 512
  execution_role = s3_only
  container app {
    image   = "public.ecr.aws/nginx/nginx:1.27"
    secrets = { DB = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" }
  }
}

// Secrets allowed, but awslogs (also the default without `log`) is not: E3429 on
// `logs:CreateLogStream`.
task logs {
  cpu            = 256
  memory         = 512
  execution_role = secrets
  container app {
    image   = "public.ecr.aws/nginx/nginx:1.27"
    secrets = { KEY = "/app/key" }
    log {}
  }
}

// A private ECR image: E3429 on `ecr:GetAuthorizationToken`.
task pulls {
  cpu            = 256
  memory         = 512
  execution_role = secrets
  container app {
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
  }
}

// Not reported: a managed policy, a role given by ARN, a role that allows everything needed.
task managed_role {
  cpu            = 256
  memory         = 512
  execution_role = managed
  container app {
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
    log {}
  }
}

task by_arn {
  cpu            = 256
  memory         = 512
  execution_role = "arn:aws:iam::123456789012:role/exec"
  container app {
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"
  }
}

task allowed {
  cpu            = 256
  memory         = 512
  execution_role = full
  container app {
    image   = "public.ecr.aws/nginx/nginx:1.27"
    secrets = { DB = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" }
  }
}
