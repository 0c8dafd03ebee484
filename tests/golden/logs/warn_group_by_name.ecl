// A container names a group as text that a log_group block creates (W0011): named as text, the
// group is not a dependency of the task definition, which may then be registered first.
stack shop { region = "us-east-1" }

log_group app { name = "/shop/app" }

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web {
    image = "public.ecr.aws/nginx/nginx:1.27"
    log { group = "/shop/app" }
  }
}
