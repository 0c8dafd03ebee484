// main.ecl: the shop of examples/environments, one environment at a time. The program is the
// same for every environment; a parameter file gives each its values:
//
//   eclc plan examples/environments_params                                   # staging (defaults)
//   eclc plan examples/environments_params --params examples/environments_params/prod.json
//
// Each environment is then a deployment of its own, with its own state file (`--state`), usually
// in an account of its own: the names eclc makes are the same in both. To hold both environments
// in one program and one state instead, instantiate the environment module twice, as
// examples/environments does.

param env:     string = "staging"
param version: string = "1.9.0-rc.2"
param desired: int    = 1

stack shop {
  region = "us-east-1"
  tags   = { team = "commerce", env = env }
}

vpc net {
  cidr = "10.60.0.0/16"

  subnet a {
    cidr   = cidrsubnet(net.cidr, 8, 0)
    zone   = "us-east-1a"
    public = true
  }
  subnet b {
    cidr   = cidrsubnet(net.cidr, 8, 1)
    zone   = "us-east-1b"
    public = true
  }

  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
}

// The same module as examples/environments, once: its blocks are `store.apps`, `store.api.svc`, …
module store {
  source  = "../environments/modules/environment"
  env     = env
  vpc     = net
  subnets = [net.a, net.b]
  version = version
  desired = desired
}

output cluster_arn = store.cluster_arn
output families    = store.families
