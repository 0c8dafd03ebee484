stack shop {
  region = "us-east-1"
}

cluster prod {}

module api {
  source  = "./modules/service"
  cluster = prod
  image   = "nginx"
  
}

output url = api.service_arn
vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = "10.0.0.0/24"
    zone = "us-east-1a"
  }
}
