// ECS Exec needs a task role allowing the ssmmessages channel actions: no task role, and a role
// that misses one, are errors; a role with a managed policy, or an ARN, cannot be judged.
stack exec { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a" }
}

role partial {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [{
    actions   = ["ssmmessages:Create*", "ssmmessages:OpenControlChannel"],
    resources = ["*"],
  }]
}

role managed {
  assumed_by       = ["ecs-tasks.amazonaws.com"]
  managed_policies = ["arn:aws:iam::123456789012:policy/ecs-exec"]
}

role full {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [{ actions = ["ssmmessages:*"], resources = ["*"] }]
}

task none {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}
task missing {
  cpu       = 0.25vcpu
  memory    = 512MiB
  task_role = partial
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}
task unknown {
  cpu       = 0.25vcpu
  memory    = 512MiB
  task_role = managed
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}
task ok {
  cpu       = 0.25vcpu
  memory    = 512MiB
  task_role = full
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}

cluster c {
  service a { task = none     subnets = [main.a]  enable_execute_command = true }
  service b { task = missing  subnets = [main.a]  enable_execute_command = true }
  service d { task = unknown  subnets = [main.a]  enable_execute_command = true }
  service e { task = ok       subnets = [main.a]  enable_execute_command = true }
}
