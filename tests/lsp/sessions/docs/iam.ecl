role app {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [{ actions = ["s3:GetObject"], resources = ["*"] }]
  
}

task api {
  cpu       = 0.25vcpu
  memory    = 512MiB
  task_role = app
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}
