// CloudWatch Logs keeps events for one of its fixed retention periods only.
task api {
  cpu           = 0.25vcpu
  memory        = 512MiB
  log_retention = 20
  container app { image = "public.ecr.aws/nginx/nginx:1.27" }
}

task audit {
  cpu           = 0.25vcpu
  memory        = 512MiB
  log_retention = 3650
  container app { image = "busybox" }
}
