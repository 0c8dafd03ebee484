param cluster: cluster
param subnets: list<subnet>
param name:    string

cluster own {
  name = "shop-${name}"
}

task app {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web {
    image = "nginx"
  }
}

service svc {
  cluster = cluster
  name    = name
  task    = app
  subnets = subnets
}
