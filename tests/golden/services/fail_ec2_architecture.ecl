// An instance boots only an image of its architecture (E3222) and runs only tasks of it (E3223).
// `graviton` and `intel` take the default image of their type and run tasks of their
// architecture; an AMI ID is not judged.
stack e { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet pub_a  { cidr = "10.0.0.0/24"  zone = "us-east-1a"  public = true }
  subnet priv_a { cidr = "10.0.2.0/24"  zone = "us-east-1a" }
  subnet priv_b { cidr = "10.0.3.0/24"  zone = "us-east-1b" }
  internet_gateway igw {}
  nat_gateway nat { subnet = pub_a }
  route_table pub {
    subnets = [pub_a]
    route { destination = "0.0.0.0/0"  target = igw }
  }
  route_table priv {
    subnets = [priv_a, priv_b]
    route { destination = "0.0.0.0/0"  target = nat }
  }
}

task arm {
  compatibilities  = [ec2]
  network_mode     = bridge
  cpu_architecture = arm64
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  memory = 256MiB }
}

task x86 {
  compatibilities = [ec2]
  network_mode    = bridge
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  memory = 256MiB }
}

cluster mixed {
  capacity = [graviton, intel]

  ec2_capacity graviton {
    instance_type = "c7g.large"
    max           = 2
    subnets       = [main.priv_a, main.priv_b]
  }
  ec2_capacity intel {
    instance_type = "t3.medium"
    max           = 2
    subnets       = [main.priv_a, main.priv_b]
  }
  ec2_capacity wrong_image {
    instance_type = "m6g.large"
    ami           = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"
    max           = 2
    subnets       = [main.priv_a, main.priv_b]
  }
  ec2_capacity wrong_arm_image {
    instance_type = "m5.large"
    ami           = "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id"
    max           = 2
    subnets       = [main.priv_a, main.priv_b]
  }
  ec2_capacity own_image {
    instance_type = "r8g.large"
    ami           = "ami-0123456789abcdef0"
    max           = 2
    subnets       = [main.priv_a, main.priv_b]
  }

  service arm_on_graviton { task = arm }
  service arm_on_intel {
    task     = arm
    capacity = [intel]
  }
  service x86_on_intel {
    task     = x86
    capacity = [intel]
  }
}

cluster intel_only {
  capacity = [workers]
  ec2_capacity workers {
    instance_type = "t3.medium"
    max           = 2
    subnets       = [main.priv_a, main.priv_b]
  }
  service x86_by_default { task = x86 }
  service arm_by_launch_type {
    task        = arm
    launch_type = ec2
  }
}
