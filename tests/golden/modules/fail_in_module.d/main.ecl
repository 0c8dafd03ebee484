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

// A second instance: the mistakes of the module's own text are said once, naming both instances.
module public {
  source = "./modules/net"
  vpc    = main
  cidr   = "10.0.9.0/24"
}
