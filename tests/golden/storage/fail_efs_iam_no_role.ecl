// E3132: an EFS volume mounted with IAM authorization in a task without a task role.
stack s { region = "eu-west-1" }

file_system data {}

role backend_task {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [{
    actions   = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
    resources = [data.arn],
  }]
}

task backend {
  cpu     = 0.5vcpu
  memory  = 1GiB
  volumes = [{ name = "data", efs = { file_system = data, iam = true } }]
  container api {
    image        = "public.ecr.aws/aws-containers/ecsdemo-nodejs:c3e96da"
    mount_points = [{ volume = "data", path = "/data" }]
  }
}

task with_role {
  cpu       = 0.5vcpu
  memory    = 1GiB
  task_role = backend_task
  volumes   = [{ name = "data", efs = { file_system = data, iam = true } }]
  container api {
    image        = "public.ecr.aws/aws-containers/ecsdemo-nodejs:c3e96da"
    mount_points = [{ volume = "data", path = "/data" }]
  }
}
