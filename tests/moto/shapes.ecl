// Shapes that moto once refused in our output (issue #18's compatibility bugs); cfn_deploy deploys
// this program and apply_moto applies it, as they do the examples:
// - an ingress of every protocol from a CIDR (create-stack failed on the missing FromPort);
// - a Fargate service without `security_groups` (CreateService answered 500): it gets the VPC's
//   default group;
// - two tasks of one family (revisions): one log group `/ecs/web`, created once.
stack shapes { region = "us-east-1" }

vpc main {
  cidr = "10.3.0.0/16"
  subnet a { cidr = cidrsubnet(main.cidr, 8, 0)  zone = "us-east-1a"  public = true }
  subnet b { cidr = cidrsubnet(main.cidr, 8, 1)  zone = "us-east-1b"  public = true }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route { destination = "0.0.0.0/0"  target = igw }
  }

  security_group internal {
    description = "Everything from inside the VPC"
    ingress { protocol = all  from = main.cidr }
  }
}

task web_fargate {
  family        = "web"
  cpu           = 0.25vcpu
  memory        = 512MiB
  log_retention = 14
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  port = 80 }
}

task web_ec2 {
  family          = "web"
  compatibilities = [ec2]
  network_mode    = bridge
  container app {
    image  = "public.ecr.aws/nginx/nginx:1.27"
    memory = 256MiB
    ports  = [{ container = 80 }]
  }
}

cluster shapes {
  service web {
    task      = web_fargate
    subnets   = [main.a, main.b]
    public_ip = true
  }
}
