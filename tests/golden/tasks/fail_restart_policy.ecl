// Restart policies ECS refuses: more than 50 ignored exit codes (E3127), and an attempt period
// out of its 60s to 1800s (E2009).
stack shop { region = "us-east-1" }

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web {
    image   = "public.ecr.aws/nginx/nginx:1.27"
    restart = {
      enabled            = true,
      ignored_exit_codes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51],
    }
  }
  container sidecar {
    image     = "public.ecr.aws/docker/library/busybox:1.36"
    essential = false
    restart   = { enabled = true, attempt_period = 30s }
  }
}
