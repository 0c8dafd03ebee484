// An access point whose root directory EFS does not create (W0020), and a service with a subnet in
// a zone where its file system has no mount target (W0021).
stack shop {
  region = "us-east-1"
}

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
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
}

file_system data {
  subnets = [main.a]
  access_point app {
    path = "/app"
  }
}

task web {
  cpu     = 0.25vcpu
  memory  = 512MiB
  volumes = [{ name = "data", efs = { file_system = data, access_point = data.app } }]
  container app {
    image        = "public.ecr.aws/nginx/nginx:1.27"
    mount_points = [{ volume = "data", path = "/data" }]
  }
}

cluster prod {
  service web {
    task      = web
    subnets   = [main.a, main.b]
    public_ip = true
  }
}
