// Container names are unique within their task (the same name in another task is fine).
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27" }
  container app { image = "busybox" }
}

task worker {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "busybox" }
}
