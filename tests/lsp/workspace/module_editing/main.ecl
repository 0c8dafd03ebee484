stack shop {
  region = "us-east-1"
}

vpc net {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = "10.0.1.0/24"
    zone = "us-east-1a"
  }
  subnet b {
    cidr = "10.0.2.0/24"
    zone = "us-east-1b"
  }
}

cluster apps {}

module prod {
  source  = "./modules/web"
  cluster = apps
  subnets = [net.a]

}

output url = prod.service
