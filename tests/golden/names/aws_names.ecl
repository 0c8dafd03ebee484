// AWS names that ECL identifiers cannot spell: containers, a task family, a cluster, a service,
// a security group, a load balancer and a target group named explicitly. One load balancer
// attachment names its container by its ECS name, the other by its block's name.
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
    name = "shop-lb (public)"
    ingress { port = 80  from = "0.0.0.0/0" }
  }
  security_group app {
    name = "shop-app"
    ingress { port = 8080  from = lb }
    ingress { port = 9090  from = lb }
  }

  target_group web {
    name = "tomcat-web-8080"
    port = 8080
  }
  target_group admin {
    name = "tomcat-admin"
    port = 9090
  }

  load_balancer edge {
    name            = "shop-edge"
    subnets         = [public_a, public_b]
    security_groups = [lb]
    listener http {
      port    = 80
      forward = web
      rule admin {
        priority = 10
        paths    = ["/admin/*"]
        forward  = admin
      }
    }
  }
}

task web {
  family = "tomcat-webserver"
  cpu    = 256
  memory = 512
  container tomcat {
    name       = "tomcat-webserver"
    image      = "public.ecr.aws/docker/library/tomcat:10"
    ports      = [8080, 9090]
    depends_on = [{ container = init, condition = complete }]
  }
  container init {
    name      = "1-init"
    image     = "public.ecr.aws/docker/library/busybox:1.36"
    essential = false
    command   = ["true"]
  }
}

cluster prod {
  name = "shop-prod-2026"
  service web {
    name            = "tomcat-webserver-svc"
    task            = web
    desired         = 2
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.app]
    public_ip       = true
    load_balancers = [
      { target_group = main.web, container = "tomcat-webserver", port = 8080 },
      { target_group = main.admin, container = "tomcat", port = 9090 },
    ]
  }
}
