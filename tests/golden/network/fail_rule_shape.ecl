// E3012: rules whose ports contradict their protocol or each other.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  security_group api {
    ingress { port = 8080  from_port = 8080  to_port = 8081  from = "10.0.0.0/16" }
    ingress { protocol = tcp  from = "10.0.0.0/16" }
    ingress { to_port = 9090  from = "10.0.0.0/16" }
    ingress { protocol = icmp  port = 8  from = "10.0.0.0/16" }
    ingress { protocol = icmp  from_port = -1  to_port = 4  from = "10.0.0.0/16" }
    egress  { protocol = all  port = 443  to = "0.0.0.0/0" }
  }
}
