param cluster:         cluster
param vpc:             vpc
param subnets:         list<subnet>
param security_groups: list<security_group>
param image:           string
param port:            int = 80
param desired:         int = 1

let family_suffix = "app"

task app {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web {
    image = image
    port  = port
  }
}

module edge {
  source = "../edge"
  vpc    = vpc
  port   = port
}

service svc {
  cluster         = cluster
  task            = app
  desired         = desired
  subnets         = subnets
  security_groups = security_groups
  public_ip       = true
  load_balancers  = [{ target_group = edge.group, container = "web", port = port }]
}

output service          = svc
output service_arn      = svc.arn
output family           = "${app.family} (${family_suffix})"
output target_group_arn = edge.group.arn
output group            = edge.group
