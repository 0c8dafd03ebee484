// Services that cannot mount their file system: a Fargate platform version before 1.4.0 (E3145),
// a file system without any mount target (E3149).
stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr   = "10.0.1.0/24"
    zone   = "us-east-1a"
    public = true
  }
  internet_gateway igw {}
  route_table public {
    subnets = [a]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
}

file_system data {
  subnets = [main.a]
}

file_system nowhere {}

task web {
  cpu     = 0.25vcpu
  memory  = 512MiB
  volumes = [{ name = "data", efs = data }]
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
  }
}

task batch {
  cpu     = 0.25vcpu
  memory  = 512MiB
  volumes = [{ name = "data", efs = nowhere }]
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
  }
}

cluster prod {
  service web {
    task             = web
    subnets          = [main.a]
    public_ip        = true
    platform_version = "1.3.0"
  }
  service batch {
    task      = batch
    subnets   = [main.a]
    public_ip = true
  }
}
