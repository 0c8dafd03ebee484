// Unresolved, ambiguous and wrong-kind references, and duplicates.
vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = "10.0.1.0/24"
    zone = "us-east-1a"
  }
  subnet a {
    cidr = "10.0.2.0/24"
    zone = "us-east-1b"
  }
  security_group web {}
  route_table rt {
    subnets = [a, web, b]
  }
}

vpc api {
  cidr = "10.1.0.0/16"
}

task api {
  cpu    = 256
  memory = 512
  container app { image = "nginx" }
}

let which = api
let zone  = mian.a.zone
