// The Linux parameters Fargate does not take (E3115), and a swappiness without its swap, which
// ECS ignores (W0019).
stack shop {
  region = "us-east-1"
}

task web {
  cpu    = 256
  memory = 512MiB
  container app {
    image         = "public.ecr.aws/nginx/nginx:1.27"
    tmpfs         = [{ path = "/run", size = 64MiB }]
    devices       = [{ host_path = "/dev/fuse" }]
    shared_memory = 128MiB
    swap          = 0MiB
    swappiness    = 60
  }
}

task worker {
  compatibilities = [ec2]
  network_mode    = bridge
  container main {
    image      = "public.ecr.aws/docker/library/busybox:1.36"
    memory     = 128MiB
    swappiness = 10
  }
}
