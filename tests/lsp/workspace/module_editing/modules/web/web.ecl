// web.ecl: one Fargate service in the caller's cluster and subnets.

// The cluster the service runs in.
param cluster: cluster
param subnets: list<subnet> // where its tasks run
param image:   string = "nginx:1.27"
param memory:  memory = 512MiB

task app {
  cpu    = 0.25vcpu
  memory = memory
  container web {
    image = image
  }
}

service svc {
  cluster = cluster
  task    = app
  subnets = subnets
}

// The service's ARN, for dashboards.
output service = svc.arn
