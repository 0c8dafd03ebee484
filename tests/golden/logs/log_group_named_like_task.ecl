// A log group named like a task that makes its own: the task's is `AppTaskLogGroup` in
// CloudFormation, since `AppLogGroup` is the log group's (both were `AppLogGroup`: E4001).
stack s { region = "us-east-1" }

log_group app { retention = 14 }

task app {
  cpu    = 256
  memory = 512
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}
