stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
}

module private {
  source = "./modules/net"
  vpc    = main
  cidr   = "10.0.8.0/24"
}
