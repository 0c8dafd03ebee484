// A daemon in a cluster whose first capacity provider is Fargate's: without a launch type it still
// goes with the EC2 launch type on the cluster's instances (no E3213), and the EC2 service names
// its capacity.
stack ec2web {
  region = "us-east-1"
}

vpc main {
  cidr = "10.50.0.0/16"
  subnet public_a  { cidr = "10.50.0.0/24"  zone = "us-east-1a"  public = true }
  subnet public_b  { cidr = "10.50.1.0/24"  zone = "us-east-1b"  public = true }
  subnet private_a { cidr = "10.50.10.0/24" zone = "us-east-1a" }
  subnet private_b { cidr = "10.50.11.0/24" zone = "us-east-1b" }

  internet_gateway igw {}
  nat_gateway nat { subnet = public_a }

  route_table public {
    subnets = [public_a, public_b]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table private {
    subnets = [private_a, private_b]
    route { destination = "0.0.0.0/0"  target = nat }
  }

  security_group alb {
    ingress { port = 80  from = "0.0.0.0/0" }
  }
  security_group instances {
    description = "ECS container instances: dynamic host ports from the ALB"
    ingress { from_port = 32768  to_port = 65535  from = alb }
  }

  target_group web {
    port         = 80
    health_check = { path = "/", interval = 15s, matcher = "200-399" }
    deregistration_delay = 30s
  }

  load_balancer edge {
    subnets         = [public_a, public_b]
    security_groups = [alb]
    listener http {
      port    = 80
      forward = web
    }
  }
}

task agent {
  network_mode    = bridge
  compatibilities = [ec2]
  volumes = [
    { name = "docker_sock", host_path = "/var/run/docker.sock" },
    { name = "proc", host_path = "/proc" },
  ]
  container cwagent {
    image  = "public.ecr.aws/cloudwatch-agent/cloudwatch-agent:latest"
    cpu    = 128
    memory = 256MiB
    mount_points = [
      { volume = "docker_sock", path = "/var/run/docker.sock", read_only = true },
      { volume = "proc", path = "/rootfs/proc", read_only = true },
    ]
  }
}

task web {
  network_mode    = bridge
  compatibilities = [ec2]
  container nginx {
    image              = "public.ecr.aws/nginx/nginx:1.27"
    memory_reservation = 128MiB
    memory             = 512MiB
    cpu                = 256
    port               = { container = 80, host = 0 }
  }
}

cluster apps {
  capacity = [fargate, workers]
  ec2_capacity workers {
    instance_type   = "t3.large"
    min             = 1
    max             = 6
    desired         = 2
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.instances]
    managed_scaling = true
    target_capacity = 80
  }

  service agent {
    task       = agent
    scheduling = daemon
  }

  service web {
    task           = web
    desired        = 4
    capacity       = [{ provider = workers }]
    load_balancers = [{ target_group = main.web, container = "nginx", port = 80 }]
    health_check_grace_period = 30s
    placement {
      strategy   = [
        { type = spread, field = "attribute:ecs.availability-zone" },
        { type = binpack, field = "memory" },
      ]
      constraint = [{ type = member_of, expression = "attribute:ecs.instance-type =~ t3.*" }]
    }
  }
}

output url = main.edge.dns_name
output asg = apps.workers.auto_scaling_group
