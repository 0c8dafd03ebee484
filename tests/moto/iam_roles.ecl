// IAM roles written in ECL (issue #18): cfn_deploy deploys this program, apply_moto applies it and
// reads it back, and tests/apply/iam_test.py changes its statements in place:
// - a task role with a managed policy and statements naming another block's `arn`;
// - a role assumed by an account, with a name and a path;
// - extra policies on a task's generated execution role;
// - a service with ECS Exec, whose task role allows the ssmmessages channels.
stack iam { region = "us-east-1" }

role app {
  assumed_by       = ["ecs-tasks.amazonaws.com"]
  managed_policies = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
  statements = [
    { actions = ["s3:PutObject"], resources = ["arn:aws:s3:::iam-assets/*"] },
    {
      actions = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                 "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
      resources = ["*"],
    },
  ]
}

role deployer {
  name       = "iam-deployer"
  path       = "/deploy/"
  assumed_by = ["123456789012"]
  statements = [{
    actions    = ["iam:PassRole"],
    resources  = [app.arn],
    conditions = [{ test = "StringEquals", variable = "iam:PassedToService", values = ["ecs-tasks.amazonaws.com"] }]
  }]
}

task api {
  cpu                  = 0.25vcpu
  memory               = 512MiB
  task_role            = app
  execution_policies   = ["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"]
  execution_statements = [{
    actions   = ["secretsmanager:GetSecretValue"],
    resources = ["arn:aws:secretsmanager:us-east-1:210987654321:secret:iam/db-AbCdEf"],
  }]
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}

vpc main {
  cidr = "10.4.0.0/16"
  subnet a { cidr = "10.4.0.0/24"  zone = "us-east-1a"  public = true }
  internet_gateway igw {}
  route_table public {
    subnets = [a]
    route { destination = "0.0.0.0/0"  target = igw }
  }
}

cluster iam {
  service api {
    task                   = api
    subnets                = [main.a]
    public_ip              = true
    enable_execute_command = true
  }
}

output app_role = app.arn
