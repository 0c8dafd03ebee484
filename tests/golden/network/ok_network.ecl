// A correct two-VPC network: public and private subnets over two zones (and a Local Zone), an
// internet gateway, NAT gateways, gateway and interface endpoints, and group-to-group rules.
stack webapp {
  region      = "us-east-1"
  description = "Web API and its data VPC"
}

let zones = ["us-east-1a", "us-east-1b"]

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = cidrsubnet(main.cidr, 8, 0)  zone = zones[0]  public = true }
  subnet public_b  { cidr = cidrsubnet(main.cidr, 8, 1)  zone = zones[1]  public = true }
  subnet private_a { cidr = "10.0.10.0/24"  zone = zones[0] }
  subnet private_b { cidr = "10.0.11.0/24"  zone = zones[1] }
  subnet edge      { cidr = "10.0.20.0/28"  zone = "us-east-1-bos-1a" }

  internet_gateway igw {}
  nat_gateway nat_a { subnet = public_a }
  nat_gateway nat_b { subnet = public_b }

  route_table public {
    subnets = [public_a, public_b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table private_a {
    subnets = [private_a, edge]
    route { destination = "0.0.0.0/0"  target = nat_a }
  }
  route_table private_b {
    subnets = [private_b]
    route { destination = "0.0.0.0/0"  target = nat_b }
  }

  security_group lb {
    description = "Load balancer"
    ingress { port = 443  from = "0.0.0.0/0" }
    ingress { port = 80   from = "0.0.0.0/0" }
    ingress { protocol = icmp  from_port = 3  to_port = 4  from = "0.0.0.0/0" }
    egress  { port = 8080  to = api }
  }
  security_group api {
    description = "API tasks"
    ingress { port = 8080  from = lb }
    ingress { from_port = 9000  to_port = 9100  from = api }
    egress  { protocol = all  to = "0.0.0.0/0" }
  }
  security_group endpoints {
    description = "Interface endpoints"
    ingress { port = 443  from = api }
    ingress { protocol = udp  from_port = 5000  to_port = 5010  from = main.cidr }
  }

  endpoint s3       { service = "s3"        route_tables = [private_a, private_b] }
  endpoint dynamodb { service = "dynamodb"  type = gateway  route_tables = [private_a] }
  endpoint s3_interface {
    service         = "s3"
    type            = interface
    subnets         = [private_a, private_b]
    security_groups = [endpoints]
    private_dns     = false
  }
  endpoint ecr_api {
    service         = "ecr.api"
    subnets         = [private_a, private_b]
    security_groups = [endpoints]
  }
  endpoint logs {
    service         = "logs"
    subnets         = [private_a]
    security_groups = [endpoints]
  }
}

vpc data {
  cidr = "172.16.0.0/16"

  subnet db_a { cidr = "172.16.1.0/24"  zone = "us-east-1a" }
  subnet db_b { cidr = "172.16.2.0/24"  zone = "us-east-1b" }

  route_table isolated { subnets = [db_a, db_b] }

  security_group db {
    description = "Database"
    ingress { port = 5432  from = "10.0.0.0/16" }
    ingress { port = 5432  from = db }
    egress  { port = 443   to = "172.16.0.0/16" }
  }

  endpoint dynamodb { service = "dynamodb"  route_tables = [isolated] }
  endpoint secrets {
    service         = "secretsmanager"
    subnets         = [db_a, db_b]
    security_groups = [db]
  }
}
