// Extra execution policies on a task that names its own execution role would be lost (E3407).
role exec {
  assumed_by       = ["ecs-tasks.amazonaws.com"]
  managed_policies = ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"]
}

task api {
  cpu                  = 0.25vcpu
  memory               = 512MiB
  execution_role       = exec
  execution_policies   = ["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"]
  execution_statements = [{ actions = ["kms:Decrypt"], resources = ["*"] }]
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}

// A role ECS tasks may not assume, as a task role (E3409).
role pipeline {
  assumed_by = ["codebuild.amazonaws.com"]
}

task job {
  cpu       = 0.25vcpu
  memory    = 512MiB
  task_role = pipeline
  container run { image = "public.ecr.aws/docker/library/busybox:1.36" }
}
