// `depends_on` names containers of the same task.
task db {
  cpu    = 0.25vcpu
  memory = 512MiB
  container postgres { image = "postgres:16" }
}

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  depends_on = [db.postgres] }
}
