stack demo {
  region = "us-east-1"
}

/* The network:
   one VPC, two subnets. */
vpc net {
  cidr = "10.0.0.0/16"
  subnet web { cidr = cidrsubnet(net.cidr, 8, 1)  zone = "us-east-1a"  public = true }
  subnet app { cidr = "10.0.2.0/24"  zone = "us-east-1b" }
  internet_gateway igw {}
  route_table public {
    subnets = [web]
  }
  security_group api {
    description = "API tasks"
    ingress { protocol = tcp  to_port = 8080  from = "10.0.0.0/16" }
  }
}

task api {
  cpu    = 0.25vcpu
  memory = 3GiB
  container app { image = "nginx:1.27"  port = 8080 }
}

cluster prod {
  service api {
    task            = api
    subnets         = [net.app]
    security_groups = [net.api]
    launch_type     = fargat
  }
}
