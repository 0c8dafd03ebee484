param vpc:  vpc
param cidr: cidr

subnet one {
  vpc  = vpc
  cidr = cidr
  zone = "us-east-1a"
}

// Outside the VPC: the error points here, with a note at the instance.
subnet two {
  vpc  = vpc
  cidr = "10.1.0.0/24"
  zone = "us-east-1b"
}

task t {
  cpu    = 0.25vcpu
  memory = 512MiB
  contaner web {
    image = "nginx"
  }
}
