// tasks.ecl: the task definitions. Sizes come from params and lets (params.ecl).

task api {
  cpu           = api_cpu
  memory        = api_memory
  log_retention = is_prod ? 90 : 7

  container app {
    image = "123456789012.dkr.ecr.us-west-2.amazonaws.com/shop/api:${api_version}"
    // The app gets what the sidecar leaves: arithmetic on memory stays in MiB.
    memory = api_memory - 128MiB
    port   = 8080

    environment = {
      APP_ENV       = upper(env),        // "STAGING"
      ALLOWED_ZONES = join(",", zones),  // "us-west-2a,us-west-2b"
      WORKERS       = "${worker_count}", // numbers interpolate as text
      CACHE_MB      = "${(api_memory - 128MiB) / 4}",
    }

    health_check {
      command  = ["CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1"]
      interval = 30s
      retries  = is_prod ? 3 : 5
    }

    log {
      group         = "/ecs/${prefix}/api"
      stream_prefix = "app"
    }
  }

  // An X-Ray daemon beside the app.
  container xray {
    image     = "public.ecr.aws/xray/aws-xray-daemon:3.3.12"
    essential = false
    cpu       = 32
    memory    = 128MiB
    ports     = [{ container = 2000, protocol = udp }]
  }
}

task worker {
  cpu    = 0.25vcpu
  memory = 512MiB

  container worker {
    image   = "123456789012.dkr.ecr.us-west-2.amazonaws.com/shop/worker:1.8.0"
    command = ["worker", "--queue", "${prefix}-jobs", "--concurrency", "${is_prod ? 8 : 2}"]

    log {
      group = "/ecs/${prefix}/worker"
    }
  }
}
