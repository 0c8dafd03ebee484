// A mount point names a volume the task does not have (E3128): a misspelt one (with the
// suggestion), and one in a task without volumes.
stack shop {
  region = "us-east-1"
}

task web {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "uploads" }]
  container app {
    image        = "public.ecr.aws/nginx/nginx:1.27"
    mount_points = [{ volume = "upload", path = "/uploads" }]
  }
}

task worker {
  cpu    = 256
  memory = 512MiB
  container main {
    image        = "public.ecr.aws/docker/library/busybox:1.36"
    mount_points = [{ volume = "data", path = "/data" }]
  }
}
