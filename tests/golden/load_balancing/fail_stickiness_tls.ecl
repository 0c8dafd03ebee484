// E3313: no sticky sessions on a TLS target group; TCP (by source address) and HTTP (a cookie)
// are fine.
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet public_a  { cidr = "10.0.0.0/24"   zone = "us-east-1a"  public = true }
  subnet public_b  { cidr = "10.0.1.0/24"   zone = "us-east-1b"  public = true }

  internet_gateway igw {}

  route_table public {
    subnets = [public_a, public_b]
    route { destination = "0.0.0.0/0"  target = igw }
  }

  security_group lb {
    ingress { port = 80  from = "0.0.0.0/0" }
  }

  target_group tls_group {
    port       = 8443
    protocol   = tls
    stickiness = 1h
  }
  target_group tcp_group {
    port       = 9000
    protocol   = tcp
    stickiness = 1h
  }
  target_group http_group {
    port       = 8080
    stickiness = 168h
  }
  target_group too_long {
    port       = 8081
    stickiness = 169h
  }
}
