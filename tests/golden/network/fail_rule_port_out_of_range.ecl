// E2009: tcp and udp ports are 1 to 65535 (-1 is only meaningful for icmp), icmp types 0 to 255.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  security_group api {
    ingress { from_port = 0  to_port = 1024  from = "10.0.0.0/16" }
    ingress { protocol = udp  from_port = -1  to_port = -1  from = "10.0.0.0/16" }
    ingress { protocol = icmp  from_port = 300  to_port = -1  from = "10.0.0.0/16" }
    ingress { protocol = icmp  from_port = 8  to_port = 0  from = "10.0.0.0/16" }
  }
}
