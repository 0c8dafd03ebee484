// A `healthy` dependency needs a health check on the container it waits for.
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image      = "public.ecr.aws/nginx/nginx:1.27"
    depends_on = [{ container = db, condition = healthy }]
  }
  container db { image = "postgres:16" }
}
