// Custom log routing with FireLens, as AWS's sample task definitions do it: a Fluent Bit log
// router container with ECS metadata and a config file of its image, and an application
// container that logs to it (the `awsfirelens` driver, its options the output plugin's). The
// router logs to CloudWatch itself.
stack shop { region = "us-east-1" }

task api {
  cpu    = 0.5vcpu
  memory = 1GiB
  container log_router {
    image    = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
    memory   = 50MiB
    firelens = {
      type    = fluentbit,
      options = {
        "enable-ecs-log-metadata" = "true",
        "config-file-type"        = "file",
        "config-file-value"       = "/fluent-bit/configs/parse-json.conf",
      },
    }
  }
  container web {
    image      = "public.ecr.aws/nginx/nginx:1.27"
    depends_on = [log_router]
    log {
      driver  = awsfirelens
      options = { Name = "cloudwatch_logs", region = "us-east-1", log_group_name = "/shop/web", auto_create_group = "true", log_stream_prefix = "web-" }
    }
  }
}

// The shorthand: only the router's type.
task worker {
  cpu    = 0.25vcpu
  memory = 512MiB
  container router {
    image    = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
    firelens = fluentbit
  }
  container job {
    image = "public.ecr.aws/docker/library/busybox:1.36"
    log { driver = awsfirelens }
  }
}
