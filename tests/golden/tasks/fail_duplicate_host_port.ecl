// No two port mappings of a task take the same host port and protocol.
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  port = 8080 }
  container metrics {
    image = "prom/statsd-exporter"
    ports = [{ container = 8080 }, { container = 9125, protocol = udp }, { container = 9125 }]
  }
}

task worker {
  compatibilities = [ec2]
  network_mode    = bridge
  memory          = 512MiB
  container a { image = "nginx"  ports = [{ container = 80, host = 8000 }] }
  container b { image = "nginx"  ports = [{ container = 8080, host = 8000 }, { container = 80 }] }
}
