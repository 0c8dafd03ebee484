// Log groups CloudWatch Logs would refuse: a retention it does not offer, names of characters it
// does not take or reserved for AWS, a KMS key that is not a key ARN, two groups of one name, and
// a group named like a task's generated one; a container's group named as text that CloudWatch
// Logs refuses; awslogs settings another driver ignores, and awslogs options that override the
// log block's own settings (E3123).
stack shop { region = "us-east-1" }

log_group weekly { retention = 8 }

log_group spaced { name = "/shop/my logs" }

log_group reserved { name = "aws/shop" }

log_group aliased { kms_key = "alias/logs" }

log_group first { name = "/shop/app" }

log_group second { name = "/shop/app" }

log_group clash { name = "/ecs/shop-api" }

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web {
    image = "public.ecr.aws/nginx/nginx:1.27"
    log {}
  }
}

task worker {
  cpu    = 0.25vcpu
  memory = 512MiB
  container empty_group {
    image = "public.ecr.aws/nginx/nginx:1.27"
    log { group = "" }
  }
  container spaced_group {
    image     = "public.ecr.aws/nginx/nginx:1.27"
    essential = false
    log { group = "aws/bad name" }
  }
  container splunk {
    image     = "public.ecr.aws/nginx/nginx:1.27"
    essential = false
    log {
      driver        = splunk
      group         = "/shop/worker"
      stream_prefix = "worker"
      options       = { "splunk-url" = "https://splunk.example.com:8088" }
    }
  }
  container overridden {
    image     = "public.ecr.aws/nginx/nginx:1.27"
    essential = false
    log {
      group   = first
      options = { "awslogs-group" = "/other", "awslogs-region" = "eu-west-1" }
    }
  }
}
