// W0001: ingress from the whole internet beyond ports 80 and 443. HTTP, HTTPS, ICMP echo and
// internal ranges do not warn.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  security_group web {
    ingress { port = 443  from = "0.0.0.0/0" }
    ingress { from_port = 80  to_port = 80  from = "0.0.0.0/0" }
    ingress { protocol = icmp  from_port = 8  to_port = 0  from = "0.0.0.0/0" }
    ingress { port = 22  from = "0.0.0.0/0" }
    ingress { from_port = 80  to_port = 443  from = "0.0.0.0/0" }
    ingress { protocol = all  from = "0.0.0.0/0" }
    ingress { protocol = udp  port = 53  from = "0.0.0.0/0" }
    ingress { from_port = 1  to_port = 65535  from = "10.0.0.0/8" }
    egress  { protocol = all  to = "0.0.0.0/0" }
  }
}
