// E3315: an HTTP path and matcher on the health check of a TCP target group (the shorthand is a
// path too).
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet private_a { cidr = "10.0.10.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = "10.0.11.0/24"  zone = "us-east-1b" }

  target_group grpc {
    port         = 9090
    protocol     = tcp
    health_check = { path = "/healthz", matcher = "200", interval = 10s }
  }
  target_group metrics {
    port         = 9100
    protocol     = tcp
    health_check = "/metrics"
  }
  target_group ok {
    port         = 9200
    protocol     = tcp
    health_check = { interval = 10s, healthy_threshold = 3 }
  }

  load_balancer internal {
    type    = network
    scheme  = internal
    subnets = [private_a, private_b]
    listener grpc {
      port    = 9090
      forward = grpc
    }
    listener metrics {
      port    = 9100
      forward = metrics
    }
    listener ok {
      port    = 9200
      forward = ok
    }
  }
}
