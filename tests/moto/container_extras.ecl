// Applied on moto (apply_moto_examples, cfn_deploy). Container settings of AWS's sample task
// definitions: a restart policy (the shorthand and the full form), a container mounting the
// volumes of another (read-only and not), and Linux capabilities (Fargate adds only
// `sys_ptrace`; dropping any is allowed) beside `init_process`; and on EC2, the Linux parameters
// Fargate does not take: tmpfs mounts, a host device, the size of /dev/shm, swap.
stack extras { region = "us-east-1" }

task api {
  cpu    = 0.5vcpu
  memory = 1GiB
  volumes = [{ name = "content" }]
  container content {
    image        = "public.ecr.aws/docker/library/busybox:1.36"
    essential    = false
    command      = ["sh", "-c", "echo hello > /content/index.html"]
    mount_points = [{ volume = "content", path = "/content" }]
  }
  container web {
    image        = "public.ecr.aws/nginx/nginx:1.27"
    volumes_from = [{ container = content, read_only = true }]
    restart      = { enabled = true, ignored_exit_codes = [0], attempt_period = 2m }
  }
  container sidecar {
    image        = "public.ecr.aws/docker/library/busybox:1.36"
    command      = ["sleep", "3600"]
    volumes_from = [content]
    restart      = true
    init_process = true
    capabilities = { add = [sys_ptrace], drop = [net_raw, mknod] }
  }
}

task cache {
  compatibilities = [ec2]
  network_mode    = bridge
  container redis {
    image         = "public.ecr.aws/docker/library/redis:7"
    memory        = 512MiB
    tmpfs         = [{ path = "/run", size = 64MiB, options = ["noexec", "nosuid"] }, { path = "/tmp", size = 128MiB }]
    devices       = [{ host_path = "/dev/fuse", permissions = [read, write] }]
    shared_memory = 256MiB
    swap          = 1GiB
    swappiness    = 10
  }
}
