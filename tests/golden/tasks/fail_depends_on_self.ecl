// A container cannot depend on itself.
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  depends_on = [app] }
}
