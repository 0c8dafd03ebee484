// Tasks that cannot reach their file system's mount targets over NFS (E3144): a group that lets
// them in on another port, mount targets in the VPC's default group while the tasks have their
// own, tasks without security groups that no address range lets in (a range holding the
// service's subnets is enough), and tasks whose group lets them out on HTTPS only.
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
  security_group app {}
  security_group nfs {
    ingress {
      port = 111
      from = app
    }
  }
  security_group locked {
    egress {
      port = 443
      to   = "0.0.0.0/0"
    }
  }
  security_group by_range {
    ingress {
      port = 2049
      from = "10.0.0.0/16"
    }
  }
}

file_system guarded {
  subnets         = [main.a]
  security_groups = [main.nfs]
}

file_system open {
  subnets = [main.a]
}

file_system ranged {
  subnets         = [main.a]
  security_groups = [main.by_range]
}

task web {
  cpu     = 0.25vcpu
  memory  = 512MiB
  volumes = [{ name = "g", efs = guarded }, { name = "o", efs = open }]
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
  }
}

task worker {
  cpu     = 0.25vcpu
  memory  = 512MiB
  volumes = [{ name = "g", efs = guarded }, { name = "r", efs = ranged }]
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
  }
}

cluster prod {
  service web {
    task            = web
    subnets         = [main.a]
    public_ip       = true
    security_groups = [main.app]
  }
  service worker {
    task      = worker
    subnets   = [main.a]
    public_ip = true
  }
  service batch {
    task            = worker
    subnets         = [main.a]
    public_ip       = true
    security_groups = [main.locked]
  }
}
