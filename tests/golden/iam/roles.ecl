// IAM roles written in ECL: a task role with least-privilege statements naming other blocks, a
// role assumed by an account, and extra policies on a task's generated execution role.
stack shop { region = "us-east-1" }

let bucket = "arn:aws:s3:::shop-assets"

role app {
  assumed_by       = ["ecs-tasks.amazonaws.com"]
  managed_policies = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
  path             = "/shop/"
  description      = "The shop's containers"
  statements = [
    { actions = ["s3:GetObject", "s3:PutObject"], resources = ["${bucket}/*"] },
    { effect = deny, actions = ["s3:DeleteObject"], resources = ["${bucket}/*"] },
    {
      actions    = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                    "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
      resources  = ["*"],
      conditions = [{ test = "StringEquals", variable = "aws:SourceAccount", values = ["123456789012"] }]
    },
  ]
  tags = { team = "shop" }
}

// Another account's deploy pipeline may pass the app role on.
role deployer {
  name       = "shop-deployer"
  assumed_by = ["123456789012", "arn:aws:iam::123456789012:role/pipeline"]
  statements = [{ actions = ["iam:PassRole"], resources = [app.arn] }]
}

role runner {
  assumed_by       = ["ecs-tasks.amazonaws.com"]
  managed_policies = ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"]
}

task api {
  cpu       = 0.25vcpu
  memory    = 512MiB
  task_role = app
  // Secrets and images of the shared-services account.
  execution_policies   = ["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"]
  execution_statements = [{
    actions   = ["secretsmanager:GetSecretValue"],
    resources = ["arn:aws:secretsmanager:us-east-1:210987654321:secret:shop/db-*"],
  }]
  container web { image = "public.ecr.aws/nginx/nginx:1.27"  port = 80 }
}

// A literal ARN still works.
task worker {
  cpu            = 0.25vcpu
  memory         = 512MiB
  task_role      = "arn:aws:iam::123456789012:role/worker"
  execution_role = runner
  container job { image = "public.ecr.aws/docker/library/busybox:1.36" }
}

output app_role = app.arn
