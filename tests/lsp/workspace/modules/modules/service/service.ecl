param cluster: cluster
param image:   string
param port:    int = 80

task app {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web {
    image = image
    port  = port
  }
}

service svc {
  cluster   = cluster
  task      = app
  subnets   = []
  public_ip = true
}

output service_arn = svc.arn
