// service.ecl: one Fargate service, its task definition and its container. The cluster, the
// subnets and the security groups are the caller's, passed as params of block kinds.

param cluster:         cluster
param subnets:         list<subnet>
param security_groups: list<security_group>
param image:           string
param port:            int          = 80
param command:         list<string> = []
param cpu:             cpu          = 0.25vcpu
param memory:          memory       = 512MiB
param desired:         int          = 1

// The family is named after the instance: `shop-prod-api-app`.
task app {
  cpu    = cpu
  memory = memory
  container main {
    image   = image
    port    = port
    command = command
  }
}

// A service lives in a cluster; at a module's top level it names the one it goes in.
service svc {
  cluster         = cluster
  task            = app
  desired         = desired
  subnets         = subnets
  security_groups = security_groups
  public_ip       = true
}

output service_arn = svc.arn
output family      = app.family
