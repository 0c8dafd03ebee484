// The containers' memory (limit, else reservation) and cpu add up to more than the task's.
task api {
  cpu    = 0.25vcpu
  memory = 1GiB
  container app {
    image  = "public.ecr.aws/nginx/nginx:1.27"
    cpu    = 256
    memory = 768MiB
  }
  container sidecar {
    image              = "busybox"
    cpu                = 64
    memory_reservation = 512MiB
  }
}
