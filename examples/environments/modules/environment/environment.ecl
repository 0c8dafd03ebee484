// environment.ecl: one environment of the shop: its cluster, the security group of its tasks
// in the VPC the program passes, and three services made by one module.

param env:     string
param vpc:     vpc // a block of the caller's: `vpc = net`
param subnets: list<subnet>
param version: string
param desired: int = 1

// Named after the instance: `shop-staging-apps`, `shop-prod-apps`.
cluster apps {
  capacity = [fargate]
}

// A block that lives inside a parent, written at a module's top level, names its parent with
// an attribute called as the parent's kind: this group is made in the caller's VPC.
security_group tasks {
  vpc         = vpc
  description = "shop ${env} tasks"
  ingress {
    protocol = tcp
    port     = 8080
    from     = vpc.cidr
  }
}

module web {
  source          = "../service"
  cluster         = apps
  subnets         = subnets
  security_groups = [tasks]
  image           = "public.ecr.aws/nginx/nginx:1.27"
  desired         = desired
}

module api {
  source          = "../service"
  cluster         = apps
  subnets         = subnets
  security_groups = [tasks]
  image           = "public.ecr.aws/docker/library/httpd:${version == "1.8.0" ? "2.4" : "2.4-alpine"}"
  port            = 8080
  memory          = 1GiB
  desired         = desired
}

module worker {
  source          = "../service"
  cluster         = apps
  subnets         = subnets
  security_groups = [tasks]
  image           = "public.ecr.aws/docker/library/busybox:1.36"
  command         = ["sh", "-c", "while true; do sleep 60; done"]
}

output cluster_arn = apps.arn
output api_service = api.service_arn
output families    = [web.family, api.family, worker.family]
