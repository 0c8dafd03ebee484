// The Linux parameters of an EC2 task's container (linuxParameters): tmpfs mounts, a host device,
// the size of /dev/shm, swap and how readily it is used.
stack shop {
  region = "us-east-1"
}

task cache {
  compatibilities = [ec2]
  network_mode    = bridge
  container redis {
    image  = "public.ecr.aws/docker/library/redis:7"
    memory = 512MiB
    tmpfs  = [
      { path = "/run", size = 64MiB, options = ["noexec", "nosuid"] },
      { path = "/tmp", size = 128MiB },
    ]
    devices = [
      { host_path = "/dev/fuse", container_path = "/dev/fuse", permissions = [read, write, mknod] },
    ]
    shared_memory = 256MiB
    swap          = 1GiB
    swappiness    = 10
  }
}
