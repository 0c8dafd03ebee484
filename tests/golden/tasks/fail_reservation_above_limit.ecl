// A container's soft limit cannot exceed its hard limit.
task api {
  cpu    = 0.5vcpu
  memory = 1GiB
  container app {
    image              = "public.ecr.aws/nginx/nginx:1.27"
    memory             = 256MiB
    memory_reservation = 512MiB
  }
}
