param cluster: cluster
param subnets: list<subnet>
param image:   string
param desired: int = 1

task app {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web {
    image = image
  }
}

service svc {
  cluster = cluster
  task    = app
  desired = desired
  subnets = subnets
}
