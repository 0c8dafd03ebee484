// Imported by `eclc import compose` from fixtures/awesome-compose/flask-redis.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack flask_redis {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet public_a {
    cidr   = cidrsubnet(main.cidr, 8, 0)
    zone   = "us-east-1a"
    public = true
  }
  subnet public_b {
    cidr   = cidrsubnet(main.cidr, 8, 1)
    zone   = "us-east-1b"
    public = true
  }
  internet_gateway igw {}
  route_table public {
    subnets = [public_a, public_b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  security_group tasks {
    description = "Imported tasks"
    ingress {
      port = 6379
      from = "0.0.0.0/0"
    }
    ingress {
      port = 8000
      from = "0.0.0.0/0"
    }
  }
}

// Service Connect: the services reach each other by name
namespace flask_redis {}

// compose service `redis`
task redis {
  cpu    = 256
  memory = 512MiB
  container redis {
    image = "redislabs/redismod"
    ports = [{ container = 6379, host = 6379, name = "redis" }]
  }
}

// compose service `web`
task web {
  cpu    = 256
  memory = 512MiB
  container web {
    ports = [{ container = 8000, host = 8000, name = "web" }]
    // TODO: `build: {context: ., target: builder}` is not carried over: ECS runs images from a
    //   registry; build and push the image (to ECR), then set `image`
    // TODO: `stop_signal: SIGINT` is not carried over: ECS stops a container with the image's
    //   STOPSIGNAL, else SIGTERM; set STOPSIGNAL in its Dockerfile
    // TODO: the bind mount `.:/code` is not carried over: it reads files of the machine running
    //   compose; bake them into the image or use EFS
  }
}

cluster flask_redis {
  service_connect_namespace = flask_redis
  service redis {
    task            = redis
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [{ port_name = "redis", client_aliases = [{ port = 6379, dns_name = "redis" }] }]
    }
  }
  service web {
    task            = web
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: [redis]` is not carried over: each compose service is an ECS service of
    //   its own, and ECS starts services independently; make the application retry until what it
    //   needs is up
    service_connect {
      services = [{ port_name = "web", client_aliases = [{ port = 8000, dns_name = "web" }] }]
    }
  }
}
