// E3007: endpoints of `main` name a route table, a subnet and a security group of `tools`.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }
  route_table private { subnets = [private_a] }
  security_group endpoints {
    ingress { port = 443  from = "10.0.0.0/16" }
  }

  endpoint s3 { service = "s3"  route_tables = [private, tools.private] }
  endpoint logs {
    service         = "logs"
    subnets         = [tools.private_a]
    security_groups = [tools.endpoints]
  }
}

vpc tools {
  cidr = "10.1.0.0/16"

  subnet private_a { cidr = "10.1.10.0/24"  zone = "us-east-1a" }
  route_table private { subnets = [private_a] }
  security_group endpoints {
    ingress { port = 443  from = "10.1.0.0/16" }
  }
}
