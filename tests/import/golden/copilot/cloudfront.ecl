// Imported by `eclc import copilot` from the Copilot application `app`, environment `test`.
// Copilot's region comes from the AWS profile it ran with: set the stack's `region`.
// TODO: the load balancer's `http.public.security_groups: {ingress: {restrict_to: {cdn:
//   true}}}` is not carried over: it is not a key eclc import reads; set it on
//   `load_balancer public`
// TODO: the environment's `cdn: {terminate_tls: true, static_assets: {location:
//   "${BUCKETNAME}.s3.eu-central-1.amazonaws.com", al...` is not carried over: ECL has no
//   CloudFront distributions

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
  target_group frontend {
    port                 = 80
    deregistration_delay = 60s
    health_check         = { interval = 10s }
    // TODO: `frontend`'s `http.redirect_to_https: false` is not carried over: it is not a key
    //   eclc import reads; set it on the listener or rule
    // TODO: `frontend`'s `http.alias: ["frontend-${TIMENOW}.${DOMAINNAME}"]` is not carried
    //   over: ECL makes no Route 53 records; point the name at the load balancer's `dns_name`
    //   (the rule routes it by host)
  }
  load_balancer public {
    subnets         = [public_a, public_b]
    security_groups = [lb]
    listener http {
      port           = 80
      fixed_response = 404
      rule frontend {
        priority = 1
        hosts    = ["frontend-\${TIMENOW}.\${DOMAINNAME}"]
        forward  = frontend
        // TODO: `http.alias[0]: frontend-${TIMENOW}.${DOMAINNAME}` is not carried over: Copilot
        //   fills in `${TIMENOW}` from the shell that deploys; write its value over the text kept
      }
    }
  }
}

// Copilot Load Balanced Web Service `frontend`
task frontend {
  cpu    = 256
  memory = 512MiB
  container frontend {
    port = 80
    // TODO: `frontend`'s `image.build: {dockerfile: src/Dockerfile, context: src}` is not
    //   carried over: ECS runs images from a registry; build and push the image (to ECR), then
    //   set `image`
  }
}

cluster app_test {
  service frontend {
    task                      = frontend
    desired                   = 1
    health_check_grace_period = 60s
    load_balancers            = [{ target_group = main.frontend, container = "frontend", port = 80 }]
    subnets                   = [main.public_a, main.public_b]
    security_groups           = [main.tasks]
    public_ip                 = true
  }
}
