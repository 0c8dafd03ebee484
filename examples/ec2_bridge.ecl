// ec2_bridge.ecl: services on EC2 instances that the cluster manages itself.
//
// Instead of Fargate, an Auto Scaling group of EC2 instances joins the cluster (the ECS container
// agent on the ECS-optimized AMI registers each instance). Tasks use `bridge` networking: they
// share the instance's network interface, and each container port is mapped to a dynamic host
// port, so several copies of a task fit on one instance. Placement strategies and constraints
// decide which instance runs which task.
//
// Check it with:   eclc check examples/ec2_bridge.ecl

stack shop {
  region      = "eu-west-1"
  description = "Shop front and order workers on EC2 capacity"
  tags        = { team = "commerce" }
}

let zones = ["eu-west-1a", "eu-west-1b"]

// ---- Network ----------------------------------------------------------------------------------

vpc main {
  cidr = "10.1.0.0/16"

  // Public subnets hold the NAT gateway; the instances live in the private ones.
  subnet public_a {
    cidr   = "10.1.0.0/24"
    zone   = zones[0]
    public = true
  }
  subnet public_b {
    cidr   = "10.1.1.0/24"
    zone   = zones[1]
    public = true
  }
  subnet private_a {
    cidr = "10.1.16.0/20"
    zone = zones[0]
  }
  subnet private_b {
    cidr = "10.1.32.0/20"
    zone = zones[1]
  }

  internet_gateway igw {}
  nat_gateway nat {
    subnet = public_a
  }

  route_table public {
    subnets = [public_a, public_b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  // The instances reach the ECS and ECR APIs through the NAT gateway.
  route_table private {
    subnets = [private_a, private_b]
    route {
      destination = "0.0.0.0/0"
      target      = nat
    }
  }

  // The instances' firewall. Under `bridge` networking a dynamic host port is picked from the
  // ephemeral range 32768-65535, so that range is open, but only to the VPC (a load balancer in
  // the public subnets would be its client).
  security_group instances {
    description = "ECS container instances"
    ingress {
      protocol    = tcp
      from_port   = 32768
      to_port     = 65535
      from        = main.cidr // "10.1.0.0/16", read from the vpc
      description = "Dynamic host ports, from inside the VPC"
    }
  }

  // The shop front is reached through an internet-facing load balancer in the public subnets.
  security_group lb {
    description = "Load balancer: HTTP from anywhere"
    ingress {
      protocol = tcp
      port     = 80
      from     = "0.0.0.0/0"
    }
  }

  // Bridge-mode tasks have no address of their own: ELB registers their instances, each on the
  // host port ECS picked (target type `instance`, derived from the task's network mode).
  target_group web {
    port         = 80
    health_check = "/"
  }

  load_balancer front {
    subnets         = [public_a, public_b]
    security_groups = [lb]
    listener http {
      port    = 80
      forward = web
    }
  }
}

// ---- Cluster and capacity ---------------------------------------------------------------------

cluster apps {
  // An `ec2_capacity` block becomes a launch template, an Auto Scaling group and a capacity
  // provider. Naming it in `capacity` associates it with the cluster; being first, it is the
  // default for services that choose nothing.
  capacity           = [workers]
  container_insights = true

  ec2_capacity workers {
    instance_type   = "m6i.large" // 2 vCPU, 8 GiB
    min             = 2
    max             = 6
    desired         = 3 // min <= desired <= max
    subnets         = [main.private_a, main.private_b]
    security_groups = [main.instances]
    volume_size     = 50 // GiB
    // `ami` defaults to the ECS-optimized Amazon Linux 2023 image, read from its public SSM
    // parameter; managed scaling lets ECS grow the group to fit the tasks.
    managed_scaling = true
    target_capacity = 90
  }

  // The shop front: four copies, one per instance at most, spread over the zones first and
  // then packed onto the instances with the least free memory.
  service web {
    task    = web
    desired = 4

    // ECS registers each task's instance and dynamic host port with the target group.
    load_balancers = [{ target_group = main.web, container = "nginx", port = 80 }]

    placement {
      strategy = [
        { type = spread, field = "attribute:ecs.availability-zone" },
        { type = binpack, field = "memory" },
      ]
      constraint = [{ type = distinct_instance }]
    }

    deployment {
      min_healthy_percent = 50  // replace two at a time
      max_percent         = 100 // never more than `desired`: each copy needs its own instance
    }
  }

  // Order workers: spread over instances, only on m6i instances.
  service orders {
    task    = orders
    desired = 2

    placement {
      strategy   = [{ type = spread, field = "instanceId" }]
      constraint = [{ type = member_of, expression = "attribute:ecs.instance-type =~ m6i.*" }]
    }

    // Scaled on the backlog of the queue it reads (a CloudWatch metric of SQS): more workers
    // while more than 500 orders wait, fewer below. The capacity's managed scaling then adds
    // instances for them.
    scaling {
      min = 2
      max = 10
      metric backlog {
        namespace  = "AWS/SQS"
        name       = "ApproximateNumberOfMessagesVisible"
        dimensions = { QueueName = "orders" }
        target     = 500
      }
    }
  }
}

// ---- Tasks ------------------------------------------------------------------------------------

// An EC2 task: `compatibilities = [ec2]` and `bridge` networking. It sets no task-level cpu or
// memory; each container then needs `memory` or `memory_reservation`.
task web {
  compatibilities = [ec2]
  network_mode    = bridge

  container nginx {
    image = "public.ecr.aws/nginx/nginx:1.27"
    cpu   = 256 // CPU units; 1024 = one vCPU

    // The soft limit is what placement counts; the container may grow to the hard limit when
    // the instance has memory to spare.
    memory_reservation = 256MiB
    memory             = 512MiB

    // Only the container port: ECS picks a free host port (a dynamic port mapping).
    ports = [{ container = 80 }]

    health_check {
      command = ["CMD-SHELL", "curl -fsS http://localhost/ || exit 1"]
    }
  }

  // A sidecar that exports metrics. It is not essential: if it stops, the task keeps running.
  container exporter {
    image              = "public.ecr.aws/nginx/nginx-prometheus-exporter:1.3"
    essential          = false
    memory_reservation = 64MiB
    ports              = [{ container = 9113 }]
    command            = ["--nginx.scrape-uri=http://localhost/stub_status"]
    depends_on         = [nginx] // short for `{ container = nginx, condition = start }`
  }
}

task orders {
  compatibilities = [ec2]
  network_mode    = bridge
  memory          = 1GiB // a task-level limit; the container's reservation fits in it

  container worker {
    image              = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/orders:7.0.3"
    memory_reservation = 768MiB
    environment        = { QUEUE_NAME = "orders", BATCH_SIZE = "25" }
    ulimits            = [{ name = nofile, soft = 65536, hard = 65536 }]
  }
}

output cluster_arn = apps.arn
output asg_name    = apps.workers.auto_scaling_group
output url         = main.front.dns_name
