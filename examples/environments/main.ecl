// main.ecl: two environments, staging and prod, of a shop of three services (web, api, worker),
// in one program made of two modules:
//
//   modules/service      one Fargate service: its task definition and its service, in the
//                        cluster, subnets and security groups its caller passes
//   modules/environment  one environment: a cluster, a security group in the shared VPC, and
//                        three instances of modules/service
//
// Each environment is `module NAME { source = "…" … }` below: its blocks are named after the
// instance (`staging.web.app`, the cluster `shop-prod-apps`, the service `prod-api-svc`), so
// the two never collide, and what the program reads of one is its outputs (`prod.api_service`).
//
// The other way to keep environments apart is one program per environment, with a parameter
// file each: examples/environments_params does that with the same service module.
//
//   eclc check examples/environments
//   eclc plan examples/environments

stack shop {
  region = "us-east-1"
  tags   = { team = "commerce" }
}

// ---- The network both environments share ------------------------------------------------------

vpc net {
  cidr = "10.50.0.0/16"

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

// ---- The environments ---------------------------------------------------------------------------

// Arguments are the module's params: a value, or a block of the kind the param names (`vpc = net`
// for `param vpc: vpc`).
module staging {
  source  = "./modules/environment"
  env     = "staging"
  vpc     = net
  subnets = [net.a, net.b]
  version = "1.9.0-rc.2"
}

module prod {
  source  = "./modules/environment"
  env     = "prod"
  vpc     = net
  subnets = [net.a, net.b]
  version = "1.8.0"
  desired = 2
}

// ---- Outputs: what each environment reports ------------------------------------------------------

output staging_cluster = staging.cluster_arn
output prod_cluster    = prod.cluster_arn
output prod_api        = prod.api_service
output prod_families   = prod.families
