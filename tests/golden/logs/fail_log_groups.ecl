// Log groups CloudWatch Logs would refuse: a retention it does not offer, names of characters it
// does not take or reserved for AWS, a KMS key that is not a key ARN, two groups of one name, and
// a group named like a task's generated one.
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
