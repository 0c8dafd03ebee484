// Container settings of AWS's sample task definitions: a restart policy (the shorthand and the
// full form), a container mounting the volumes of another (read-only and not), and Linux
// capabilities (Fargate adds only `sys_ptrace`; dropping any is allowed) beside `init_process`.
stack shop { region = "us-east-1" }

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
