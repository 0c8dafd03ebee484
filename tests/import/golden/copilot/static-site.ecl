// Imported by `eclc import copilot` from the Copilot application `app`, environment `test`
// (Copilot's default network).
// Copilot's region comes from the AWS profile it ran with: set the stack's `region`.
// TODO: `foo` (`type: Static Site`) is not carried over: it is an S3 bucket behind
//   CloudFront
// TODO: `svc` (`type: Static Site`) is not carried over: it is an S3 bucket behind
//   CloudFront

stack app_test {
  region = "us-east-1"
}

let zones = availability_zones(2)

vpc main {
  cidr = "10.0.0.0/16"
  subnet public_a {
    cidr   = cidrsubnet(main.cidr, 8, 0)
    zone   = zones[0]
    public = true
  }
  subnet public_b {
    cidr   = cidrsubnet(main.cidr, 8, 1)
    zone   = zones[1]
    public = true
  }
  subnet private_a {
    cidr = cidrsubnet(main.cidr, 8, 2)
    zone = zones[0]
  }
  subnet private_b {
    cidr = cidrsubnet(main.cidr, 8, 3)
    zone = zones[1]
  }
  internet_gateway igw {}
  route_table public_routes {
    subnets = [public_a, public_b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  security_group tasks {
    description = "Copilot environment test, application app"
    ingress {
      protocol = all
      from     = tasks
    }
  }
}

cluster app_test {}
