// E3320: `idle_timeout` is an application load balancer's; a network load balancer's TCP
// listeners keep idle flows 350s (`tcp.idle_timeout.seconds`, which ECL does not set).
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = "10.0.11.0/24"  zone = "us-east-1b" }

  target_group api {
    port     = 8080
    protocol = tcp
  }

  load_balancer inner {
    type         = network
    scheme       = internal
    idle_timeout = 120s
    subnets      = [private_a, private_b]
    listener tcp80 {
      port    = 80
      forward = api
    }
  }
}
