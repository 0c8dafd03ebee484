// Privileged containers, the host PID namespace and IPC namespaces are EC2-only.
task api {
  cpu      = 0.25vcpu
  memory   = 512MiB
  pid_mode = host
  ipc_mode = task
  container app {
    image      = "public.ecr.aws/nginx/nginx:1.27"
    privileged = true
  }
}
