// At least one container of a task must be essential.
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  essential = false }
  container log_router { image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"  essential = false }
}
