// E3312: a condition compares at most three values, a rule at most five in all; E3311: headers
// count as a condition.
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

  target_group api { port = 8080 }

  load_balancer web {
    subnets         = [public_a, public_b]
    security_groups = [lb]
    listener http {
      port    = 80
      forward = api
      rule four_paths {
        priority = 1
        paths    = ["/a", "/b", "/c", "/d"]
        forward  = api
      }
      rule six_in_all {
        priority = 2
        paths    = ["/a", "/b", "/c"]
        hosts    = ["a.example.com", "b.example.com"]
        headers  = [{ name = "X-Env", values = ["beta"] }]
        forward  = api
      }
      rule header_values {
        priority = 3
        headers  = [{ name = "X-Env", values = ["a", "b", "c", "d"] }]
        forward  = api
      }
      rule header_only {
        priority = 4
        headers  = [{ name = "X-Canary", values = ["on"] }]
        forward  = api
      }
      rule none {
        priority = 5
        headers  = []
        forward  = api
      }
    }
  }
}
