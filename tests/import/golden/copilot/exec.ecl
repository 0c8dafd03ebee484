// Imported by `eclc import copilot` from the Copilot application `app`, environment `test`
// (Copilot's default network).
// Copilot's region comes from the AWS profile it ran with: set the stack's `region`.

stack app_test {
  region = "us-east-1"
}

let zones = availability_zones(2)

vpc main {
  cidr = "10.0.0.0/16"
  subnet public_a {
    cidr   = cidrsubnet(main.cidr, 8, 0)
    zone   = zones[0]
    public = true
  }
  subnet public_b {
    cidr   = cidrsubnet(main.cidr, 8, 1)
    zone   = zones[1]
    public = true
  }
  subnet private_a {
    cidr = cidrsubnet(main.cidr, 8, 2)
    zone = zones[0]
  }
  subnet private_b {
    cidr = cidrsubnet(main.cidr, 8, 3)
    zone = zones[1]
  }
  internet_gateway igw {}
  route_table public_routes {
    subnets = [public_a, public_b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  security_group lb {
    description = "Public load balancer of the environment"
    ingress {
      port = 80
      from = "0.0.0.0/0"
    }
  }
  security_group tasks {
    description = "Copilot environment test, application app"
    ingress {
      protocol = all
      from     = tasks
    }
    ingress {
      port = 80
      from = lb
    }
  }
  target_group hello {
    port                 = 80
    deregistration_delay = 60s
    health_check         = { interval = 10s }
  }
  load_balancer public {
    subnets         = [public_a, public_b]
    security_groups = [lb]
    listener http {
      port    = 80
      forward = hello
    }
  }
}

// The role `hello`'s containers run as: ECS Exec's channels, as Copilot's task role allows
// them
role hello_task {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [
    {
      actions = [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
      ],
      resources = ["*"],
    },
  ]
}

// Copilot Load Balanced Web Service `hello`
task hello {
  cpu       = 256
  memory    = 512MiB
  task_role = hello_task
  container hello {
    port = 80
    // TODO: `hello`'s `image.build: {dockerfile: hello/Dockerfile, context: hello}` is not
    //   carried over: ECS runs images from a registry; build and push the image (to ECR), then
    //   set `image`
  }
}

cluster app_test {
  service hello {
    task                      = hello
    desired                   = 2
    enable_execute_command    = true
    health_check_grace_period = 60s
    load_balancers            = [{ target_group = main.hello, container = "hello", port = 80 }]
    subnets                   = [main.public_a, main.public_b]
    security_groups           = [main.tasks]
    public_ip                 = true
  }
}
