// FireLens as ECS refuses it: containers logging with `awsfirelens` in a task without a log
// router (E3124), a log router no container logs to (E3125), and router options ECS does not
// take or Fargate cannot read (E3126).
stack shop { region = "us-east-1" }

task no_router {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web {
    image = "public.ecr.aws/nginx/nginx:1.27"
    log { driver = awsfirelens }
  }
}

task unused_router {
  cpu    = 0.25vcpu
  memory = 512MiB
  container router {
    image    = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
    firelens = fluentd
  }
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}

task bad_options {
  cpu    = 0.25vcpu
  memory = 512MiB
  container router {
    image    = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
    firelens = {
      type    = fluentbit,
      options = { "config-file-type" = "s3", "enable-ecs-log-metadata" = "yes", "buffer" = "1" },
    }
  }
  container web {
    image = "public.ecr.aws/nginx/nginx:1.27"
    log { driver = awsfirelens }
  }
}
