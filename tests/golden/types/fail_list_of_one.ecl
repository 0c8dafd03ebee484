// One item where a list is wanted: the hint and the quick fix write it in brackets. A comma after
// an attribute's value says the same.
vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = "10.0.1.0/24"
    zone = "us-east-1a"
  }
  subnet b {
    cidr = "10.0.2.0/24"
    zone = "us-east-1b"
  }
  route_table r {
    subnets = a
  }
  route_table s {
    subnets = a, b
  }
}

task t {
  cpu    = 256
  memory = 512MiB
  container web {
    image   = "nginx"
    command = "nginx"
  }
}
