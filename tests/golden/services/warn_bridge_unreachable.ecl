// W0009: a bridge service with dynamic host ports whose instances let the load balancer in on 8001 only.
stack s { region = "us-east-1" }
vpc main {
  cidr = "10.0.0.0/16"
  internet_gateway igw {}
  subnet a { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet b { cidr = "10.0.1.0/24"  zone = "us-east-1b"  public = true }
  route_table rt {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  security_group lb    { ingress { port = 80  from = "0.0.0.0/0" } }
  security_group hosts { ingress { port = 8001  from = lb } }   // dynamic host ports are 32768-65535
  target_group tg { port = 80 }
  load_balancer alb {
    subnets = [a, b]  security_groups = [lb]
    listener http { port = 80  forward = tg }
  }
}
task api {
  compatibilities = [ec2]
  network_mode    = bridge
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  memory = 128MiB  port = 8001 }
}
cluster ecs {
  capacity = [hosts]
  ec2_capacity hosts {
    instance_type = "t3.small"  min = 1  max = 2
    subnets = [main.a, main.b]  security_groups = [main.hosts]
  }
  service api {
    task = api
    load_balancers = [{ target_group = main.tg, container = "app", port = 8001 }]
  }
}
