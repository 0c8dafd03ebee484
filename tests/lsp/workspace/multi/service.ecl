// The service half of a two-file program: the subnets come from network.ecl.
task web {
  cpu    = 256
  memory = 512MiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    port  = 80
  }
}

cluster prod {
  service web {
    task            = web
    desired         = 2
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.web]
    public_ip       = true
  }
}
