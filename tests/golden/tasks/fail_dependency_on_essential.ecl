// `complete` and `success` dependencies need a non-essential container.
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image      = "public.ecr.aws/nginx/nginx:1.27"
    depends_on = [{ container = migrate, condition = success }, { container = seed, condition = complete }]
  }
  container migrate { image = "flyway/flyway:10" }
  container seed { image = "busybox"  essential = true }
}
