// Container dependencies form no cycle: the message names the whole cycle.
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  depends_on = [cache] }
  container cache { image = "redis:7"  depends_on = [{ container = proxy, condition = start }] }
  container proxy { image = "envoyproxy/envoy:v1.30-latest"  depends_on = [app] }
  container init { image = "busybox"  essential = false }
}
