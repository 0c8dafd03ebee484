// Type errors, bad CIDRs, ranges, units and enum members.
vpc main {
  cidr         = "10.0.0.1/16"
  dns_support  = "yes"
  subnet a {
    cidr = "10.0.1.0/33"
    zone = "us-east-1a"
  }
}

task api {
  cpu          = 0.1vcpu
  memory       = 512MiB
  network_mode = awsvcp
  container app {
    image = "nginx"
    port  = 70000
    health_check {
      command  = ["CMD", "true"]
      retries  = 11
    }
  }
}
