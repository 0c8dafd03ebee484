// Imported by `eclc import copilot` from the Copilot application `app`, environment `test`.
// Copilot's region comes from the AWS profile it ran with: set the stack's `region`.

stack app_test {
  region = "us-east-1"
}

vpc main {
  cidr = "mock-cidr-0"
  subnet public_a {
    cidr   = "mock-cidr-1"
    zone   = "mock-az-1"
    public = true
  }
  subnet public_b {
    cidr   = "mock-cidr-2"
    zone   = "mock-az-2"
    public = true
  }
  subnet private_a {
    cidr = "mock-cidr-3"
    zone = "mock-az-1"
  }
  subnet private_b {
    cidr = "mock-cidr-4"
    zone = "mock-az-2"
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
