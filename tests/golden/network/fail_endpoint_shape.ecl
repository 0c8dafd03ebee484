// E3010: a gateway endpoint given subnets and no route table; interface endpoints given route
// tables, no subnet, or two subnets in one zone.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = "10.0.11.0/24"  zone = "us-east-1a" }

  route_table private { subnets = [private_a, private_b] }

  security_group endpoints {
    ingress { port = 443  from = main.cidr }
  }

  endpoint dynamodb { service = "dynamodb"  subnets = [private_a] }
  endpoint logs {
    service         = "logs"
    route_tables    = [private]
    subnets         = [private_a]
    security_groups = [endpoints]
  }
  endpoint ecr_api { service = "ecr.api"  security_groups = [endpoints] }
  endpoint ecr_dkr {
    service         = "ecr.dkr"
    subnets         = [private_a, private_b]
    security_groups = [endpoints]
  }
}
