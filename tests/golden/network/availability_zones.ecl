// Zones chosen at deployment: the region's first two availability zones, whatever the region.
// Public and private subnets in each, a NAT gateway per zone, a load balancer over both zones and
// a service spread over them; a zone named in a tag.
stack shop {
  region = "eu-west-1"
}

let zones = availability_zones(2)

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a {
    cidr   = "10.0.0.0/24"
    zone   = zones[0]
    public = true
  }
  subnet public_b {
    cidr   = "10.0.1.0/24"
    zone   = zones[1]
    public = true
  }
  subnet private_a {
    cidr = "10.0.10.0/24"
    zone = zones[0]
    tags = { where = "private in ${zones[0]}" }
  }
  subnet private_b {
    cidr = "10.0.11.0/24"
    zone = zones[1]
  }

  internet_gateway igw {}
  nat_gateway nat_a {
    subnet = public_a
  }
  nat_gateway nat_b {
    subnet = public_b
  }

  route_table public {
    subnets = [public_a, public_b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  route_table private_a {
    subnets = [private_a]
    route {
      destination = "0.0.0.0/0"
      target      = nat_a
    }
  }
  route_table private_b {
    subnets = [private_b]
    route {
      destination = "0.0.0.0/0"
      target      = nat_b
    }
  }

  security_group lb {
    ingress {
      port = 80
      from = "0.0.0.0/0"
    }
  }
  security_group app {
    ingress {
      port = 8080
      from = lb
    }
  }

  target_group api {
    port         = 8080
    health_check = "/healthz"
  }

  load_balancer edge {
    subnets         = [public_a, public_b]
    security_groups = [lb]

    listener http {
      port    = 80
      forward = api
    }
  }
}

task api {
  cpu    = 256
  memory = 512MiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    ports = [8080]
  }
}

cluster prod {
  service api {
    task            = api
    desired         = 2
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.app]
    load_balancers  = [{ target_group = main.api, container = "app", port = 8080 }]
  }
}
