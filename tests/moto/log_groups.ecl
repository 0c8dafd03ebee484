// Log groups the program owns: one shared by two tasks (with a retention and a KMS key), one with
// a default name and no retention; a task that still logs to its generated `/ecs/<family>` group.
stack logs { region = "us-east-1" }

log_group app {
  name      = "/logs/app"
  retention = 14
  kms_key   = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  tags      = { team = "shop" }
}

log_group audit {}

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web {
    image = "public.ecr.aws/nginx/nginx:1.27"
    log {
      group         = app
      stream_prefix = "api"
    }
  }
  container auditor {
    image     = "public.ecr.aws/docker/library/busybox:1.36"
    essential = false
    log { group = audit }
  }
}

task worker {
  cpu    = 0.25vcpu
  memory = 512MiB
  container main {
    image = "public.ecr.aws/docker/library/busybox:1.36"
    log {
      group         = app
      stream_prefix = "worker"
    }
  }
  container sidecar {
    image     = "public.ecr.aws/docker/library/busybox:1.36"
    essential = false
    log {}
  }
}
