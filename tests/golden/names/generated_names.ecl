// Names the plan makes for a stack whose name has `_`: load balancer and target group names are
// letters, digits and `-` only, so the stack's `_` becomes `-` as the path's does.
stack my_shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  security_group lb {
    ingress { port = 80  from = "0.0.0.0/0" }
  }
  target_group api_v2 { port = 8080 }
  target_group very_long_target_group_name_for_api { port = 8080 }
  load_balancer edge {
    subnets         = [a, b]
    security_groups = [lb]
    listener http {
      port    = 80
      forward = api_v2
      rule long {
        priority = 1
        paths    = ["/long/*"]
        forward  = very_long_target_group_name_for_api
      }
    }
  }
}
