// Under awsvpc and host networking a host port, if given, equals the container port.
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    port  = { container = 8080, host = 80 }
    ports = [{ container = 9090, host = 9090 }]
  }
}

task edge {
  compatibilities = [ec2]
  network_mode    = host
  memory          = 512MiB
  container proxy { image = "haproxy:2.9"  ports = [{ container = 443, host = 8443 }] }
}
