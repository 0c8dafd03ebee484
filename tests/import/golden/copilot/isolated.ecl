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
  nat_gateway nat_a {
    subnet = public_a
  }
  route_table private_a_routes {
    subnets = [private_a]
    route {
      destination = "0.0.0.0/0"
      target      = nat_a
    }
  }
  nat_gateway nat_b {
    subnet = public_b
  }
  route_table private_b_routes {
    subnets = [private_b]
    route {
      destination = "0.0.0.0/0"
      target      = nat_b
    }
  }
  security_group tasks {
    description = "Copilot environment test, application app"
    ingress {
      protocol = all
      from     = tasks
    }
  }
}

// The role `backend`'s containers run as: ECS Exec's channels, as Copilot's task role allows
// them
role backend_task {
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

// Copilot Backend Service `backend`
task backend {
  cpu       = 256
  memory    = 512MiB
  task_role = backend_task
  container backend {
    port = 80
    // TODO: `backend`'s `image.build: backend/Dockerfile` is not carried over: ECS runs images
    //   from a registry; build and push the image (to ECR), then set `image`
  }
}

cluster app_test {
  service backend {
    task                   = backend
    desired                = 1
    enable_execute_command = true
    subnets                = [main.private_a, main.private_b]
    security_groups        = [main.tasks]
    // TODO: `backend`'s `http: {path: /}` is not carried over: it is not a key eclc import reads
  }
}
