// A Fargate task that uses every container feature correctly: the app waits for its sidecar to be
// healthy, ports, secrets, ulimits, a shared volume, and a log driver Fargate supports.
stack shop { region = "eu-west-1" }

task web {
  cpu           = 0.5vcpu
  memory        = 1GiB
  log_retention = 14
  volumes       = [{ name = "cache" }]

  container app {
    image       = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:2024.06.1"
    cpu         = 256
    memory      = 512MiB
    ports       = [{ container = 8080 }, { container = 9090, host = 9090, protocol = udp }]
    environment = { LOG_LEVEL = "info", KEYCLOAK_URL = "https://auth.example.com", MONKEY = "1" }
    secrets     = { DB_PASSWORD = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db" }
    depends_on  = [{ container = proxy, condition = healthy }, { container = migrate, condition = success }]
    ulimits     = [{ name = nofile, soft = 65536, hard = 65536 }]
    mount_points = [{ volume = "cache", path = "/var/cache/app" }]
    health_check { command = ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"] }
  }

  container proxy {
    image              = "public.ecr.aws/nginx/nginx:1.27"
    cpu                = 128
    memory_reservation = 256MiB
    port               = 80
    mount_points       = [{ volume = "cache", path = "/cache", read_only = true }]
    health_check { command = ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]  interval = 10s }
    log { driver = awslogs  stream_prefix = "proxy" }
  }

  container migrate {
    image     = "ghcr.io/acme/migrate@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    essential = false
    memory    = 128MiB
    memory_reservation = 64MiB
    command   = ["migrate", "up"]
  }
}
