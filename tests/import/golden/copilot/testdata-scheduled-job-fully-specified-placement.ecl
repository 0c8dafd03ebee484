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
  security_group tasks {
    description = "Copilot environment test, application app"
    ingress {
      protocol = all
      from     = tasks
    }
  }
}

// Copilot Scheduled Job `cuteness-aggregator`
task cuteness_aggregator {
  cpu    = 256
  memory = 512MiB
  container cuteness_aggregator {
    name = "cuteness-aggregator"
    // TODO: `cuteness-aggregator`'s `image.build: ./cuteness-aggregator/Dockerfile` is not
    //   carried over: ECS runs images from a registry; build and push the image (to ECR), then
    //   set `image`
  }
}

cluster app_test {
  job cuteness_aggregator {
    task            = cuteness_aggregator
    schedule        = "cron(0 */2 * * ? *)"
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `cuteness-aggregator`'s `retries: 3` is not carried over: EventBridge Scheduler's
    //   RunTask target neither retries a failed task nor stops a late one
    // TODO: `cuteness-aggregator`'s `timeout: 1h30m` is not carried over: EventBridge
    //   Scheduler's RunTask target neither retries a failed task nor stops a late one
  }
}
