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
  target_group front_end {
    port                 = 80
    deregistration_delay = 60s
    health_check         = { interval = 10s }
  }
  load_balancer public {
    subnets         = [public_a, public_b]
    security_groups = [lb]
    listener http {
      port    = 80
      forward = front_end
    }
  }
  namespace local {
    name = "test.app.local"
  }
}

// Copilot Load Balanced Web Service `front-end`
task front_end {
  cpu               = 256
  memory            = 512MiB
  ephemeral_storage = 30GiB
  // TODO: `front-end`'s `storage.volumes: {efsTestVolume: {path: /var/www, read_only: false,
  //   efs: true}}` is not carried over: Copilot makes its EFS volumes; declare a `file_system`
  //   and the task's `volumes`
  container front_end {
    name        = "front-end"
    environment = { TEST_JSON_ENV_VAR = "{}", TEST_BOOL_ENV_VAR = "on", TEST_JOB_CHECK_VAR = "no" }
    port        = { container = 80, name = "front-end" }
    // TODO: `front-end`'s `image.build: {dockerfile: front-end/Dockerfile, context: front-end,
    //   args: {MAGIC_VERB_ARG: open}}` is not carried over: ECS runs images from a registry;
    //   build and push the image (to ECR), then set `image`
    // TODO: `front-end`'s `env_file: magic.env` is not carried over: ECL has no environment
    //   files (from S3); set `environment` or `secrets`
  }
}

cluster app_test {
  service_connect_namespace = main.local
  service front_end {
    name                      = "front-end"
    task                      = front_end
    desired                   = 2
    health_check_grace_period = 60s
    load_balancers            = [{ target_group = main.front_end, container = "front-end", port = 80 }]
    subnets                   = [main.public_a, main.public_b]
    security_groups           = [main.tasks]
    public_ip                 = true
    // TODO: `front-end`'s `nlb: {port: 8080/udp, healthcheck: {port: 80}}` is not carried over:
    //   network load balancers are not imported; add a `load_balancer` of `type = network`
    scaling {
      min                = 2
      max                = 5
      cpu                = 70
      memory             = 80
      scale_in_cooldown  = 120s
      scale_out_cooldown = 60s
    }
    service_connect {
      services = [
        { port_name = "front-end", client_aliases = [{ port = 80, dns_name = "front-end" }] },
      ]
    }
  }
}
