stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = "10.0.0.0/24"
    zone = "us-east-1a"
  }
}

cluster prod {}

module api {
  source  = "./modules/service"
  cluster = main.a
  subnets = [main.a]
  desired = "two"
  image   = 42
}
