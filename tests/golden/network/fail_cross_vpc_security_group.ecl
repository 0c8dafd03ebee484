// E3007: a rule's peer group lives in another VPC (reference peered VPCs by CIDR).
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  security_group api {
    ingress { port = 8080  from = "10.0.0.0/16" }
    egress  { port = 5432  to = data.db }
  }
}

vpc data {
  cidr = "10.1.0.0/16"

  security_group db {
    ingress { port = 5432  from = main.api }
    ingress { port = 5432  from = "10.0.0.0/16" }
  }
}
