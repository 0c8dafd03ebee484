// Hints for near misses: an attribute of the service written as a block, though a kind has a near
// name (`load_balancers` beside `load_balancer`); a reference to the service around it that meant
// the renamed task (`apu`).
stack shop { region = "us-east-1" }

task apu {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "public.ecr.aws/nginx/nginx:1.27" }
}

cluster prod {
  service api {
    task = api
    load_balancers { container = "app" }
  }
}
