// Two instances of one module are kept apart by their names; names given alike still collide.
stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = "10.0.0.0/24"
    zone = "us-east-1a"
  }
  subnet b {
    cidr = "10.0.1.0/24"
    zone = "us-east-1b"
  }
}

cluster prod {}

module one {
  source  = "./modules/svc"
  cluster = prod
  subnets = [main.a, main.b]
  name    = "same"
}

module two {
  source  = "./modules/svc"
  cluster = prod
  subnets = [main.a, main.b]
  name    = "same"
}
