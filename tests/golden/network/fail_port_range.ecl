// E3011: a reversed port range.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  security_group workers {
    ingress { from_port = 9000  to_port = 9010  from = "10.0.0.0/16" }
    ingress { protocol = udp  from_port = 8125  to_port = 8000  from = "10.0.0.0/16" }
  }
}
