// E3130: container secrets that are ARNs ECS cannot read; a bare SSM parameter name is allowed.
stack s { region = "us-east-1" }

task web {
  cpu    = 256
  memory = 512
  container app {
    image   = "public.ecr.aws/nginx/nginx:1.27"
    secrets = {
      NO_ACCOUNT  = "arn:aws:ssm:us-east-1:parameter/app/key",
      NO_REGION   = "arn:aws:secretsmanager::123456789012:secret:db-AbCdEf",
      NOT_SECRET  = "arn:aws:s3:::my-bucket/key",
      BY_NAME     = "/app/key",
      PARAMETER   = "arn:aws:ssm:us-east-1:123456789012:parameter/app/key",
      SECRET      = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
      SECRET_KEY  = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:username::",
    }
  }
}
