// Service Connect on moto: an HTTP namespace the services join, a private DNS namespace of the
// VPC, a service that serves its named port under a client alias, one that only calls it, and one
// found by DNS (an A record a task, its `discovery`)
// (tests/apply/service_connect_test.py also changes them in place, kills eclc after a namespace's
// create call and destroys everything). moto accepts serviceConnectConfiguration and drops it. Not
// in tests/moto: moto's CloudFormation skips the AWS::ServiceDiscovery resources, and the services'
// Fn::GetAtt of a namespace's ARN fails its stack (cfn_deploy).
stack connect {
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
  namespace local {
    name        = "connect.local"
    description = "private names"
  }
}

namespace internal {
  name        = "connect-internal"
  description = "Service Connect"
  tags        = { team = "platform" }
}

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    ports = [{ container = 8080, name = "http", app_protocol = http }]
  }
}

cluster prod {
  service api {
    task      = api
    subnets   = [main.a]
    public_ip = true
    service_connect {
      namespace = internal
      services  = [{ port_name = "http", discovery_name = "api", client_aliases = [{ port = 80 }] }]
    }
  }
  service caller {
    task      = api
    subnets   = [main.a]
    public_ip = true
    service_connect {
      namespace = main.local
    }
  }
  service finder {
    task      = api
    subnets   = [main.a]
    public_ip = true
    discovery {
      namespace = main.local
      ttl       = 60s
    }
  }
}
