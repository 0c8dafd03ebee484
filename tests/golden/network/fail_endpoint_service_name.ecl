// E3013: `ecr_dkr` and `s4` are no AWS service's names; the nearest is suggested, and neither the
// shape of the type that would follow from them (E3010) nor the endpoints private tasks miss
// (W0004) is judged until they are fixed. A full name is taken as written.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = "10.0.11.0/24"  zone = "us-east-1b" }

  route_table private { subnets = [private_a, private_b] }

  security_group endpoints {
    ingress { port = 443  from = "10.0.0.0/16" }
  }

  endpoint s3      { service = "s4"  route_tables = [private] }
  endpoint ecr_api { service = "com.amazonaws.us-east-1.ecr.api"  subnets = [private_a, private_b]  security_groups = [endpoints] }
  endpoint ecr_dkr { service = "ecr_dkr"  subnets = [private_a, private_b]  security_groups = [endpoints] }
  endpoint other   { service = "nothing-like-it"  subnets = [private_a, private_b]  security_groups = [endpoints] }
}

repository api { name = "shop/api" }

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "${api.uri}:1"
    port  = 8080
  }
}

cluster prod {
  service api {
    task    = api
    subnets = [main.private_a, main.private_b]
  }
}
