stack fixes {
  region = "us-east-1"
}

vpc net {
  cidr = "10.0.0.0/16"
  subnet app {
    cidr = cidrsubnt(net.cidr, 8, 2)
    zone = "us-east-1a"
  }
  subnet spare {
    zone = "us-east-1b"
  }
  internet_gatway igw {}
  security_group api {
    descripton = "API tasks"
  }
}

task api {
  cpu    = 256
  memory = 512MiB
  container app {
    image = "nginx:1.27"
  }
}

cluster prod {
  service api {
    task    = api
    subnets = [net.ap]
  }
}
