// Privileged containers, the host PID namespace, IPC namespaces and host paths are EC2-only.
task api {
  cpu      = 0.25vcpu
  memory   = 512MiB
  pid_mode = host
  ipc_mode = task
  volumes  = [{ name = "docker", host_path = "/var/run/docker.sock" }]
  container app {
    image      = "public.ecr.aws/nginx/nginx:1.27"
    privileged = true
  }
}
