// Fargate supports the awslogs, splunk and awsfirelens log drivers only.
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    log { driver = json_file }
  }
  container sidecar {
    image = "fluent/fluent-bit:3.0"
    log { driver = none }
  }
}
