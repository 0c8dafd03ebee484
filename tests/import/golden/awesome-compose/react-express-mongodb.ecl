// Imported by `eclc import compose` from
// fixtures/awesome-compose/react-express-mongodb.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// TODO: the top-level `networks: {react-express: ~, express-mongo: ~}` is not carried over:
//   the imported tasks share one VPC and security group; they reach each other by name
//   through Service Connect, where a service declares its port

stack react_express_mongodb {
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
      port = 3000
      from = tasks
    }
    ingress {
      port = 3000
      from = "0.0.0.0/0"
    }
    ingress {
      port = 27017
      from = tasks
    }
  }
}

// Service Connect: the services reach each other by name
namespace react_express_mongodb {}

// compose service `frontend`
task frontend {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "frontend_usr_src_app_node_modules" }]
  container frontend {
    ports        = [{ container = 3000, host = 3000, name = "frontend" }]
    interactive  = true
    mount_points = [
      { volume = "frontend_usr_src_app_node_modules", path = "/usr/src/app/node_modules" },
    ]
    // TODO: `build: {context: frontend, target: development}` is not carried over: ECS runs
    //   images from a registry; build and push the image (to ECR), then set `image`
    // TODO: the bind mount `./frontend:/usr/src/app` is not carried over: it reads files of the
    //   machine running compose; bake them into the image or use EFS
    // TODO: `networks: [react-express]` is not carried over: the imported tasks share one VPC
    //   and security group; they reach each other by name through Service Connect, where a
    //   service declares its port
  }
}

// compose service `backend`
task backend {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "backend_usr_src_app_node_modules" }]
  container backend {
    mount_points = [
      { volume = "backend_usr_src_app_node_modules", path = "/usr/src/app/node_modules" },
    ]
    ports = [{ container = 3000, name = "backend" }]
    // TODO: `build: {context: backend, target: development}` is not carried over: ECS runs
    //   images from a registry; build and push the image (to ECR), then set `image`
    // TODO: the bind mount `./backend:/usr/src/app` is not carried over: it reads files of the
    //   machine running compose; bake them into the image or use EFS
    // TODO: `networks: [express-mongo, react-express]` is not carried over: the imported tasks
    //   share one VPC and security group; they reach each other by name through Service Connect,
    //   where a service declares its port
  }
}

// compose service `mongo`
task mongo {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "mongo_data" }]
  container mongo {
    image        = "mongo:4.2.0"
    mount_points = [{ volume = "mongo_data", path = "/data/db" }]
    ports        = [{ container = 27017, name = "mongo" }]
    // TODO: the lasting data of named volume `mongo_data` is not carried over: an ECS task
    //   volume lives and dies with its task; keep data that must last on EFS or a managed
    //   database
    // TODO: `networks: [express-mongo]` is not carried over: the imported tasks share one VPC
    //   and security group; they reach each other by name through Service Connect, where a
    //   service declares its port
  }
}

cluster react_express_mongodb {
  service_connect_namespace = react_express_mongodb
  service frontend {
    task            = frontend
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: [backend]` is not carried over: each compose service is an ECS service
    //   of its own, and ECS starts services independently; make the application retry until what
    //   it needs is up
    service_connect {
      services = [
        { port_name = "frontend", client_aliases = [{ port = 3000, dns_name = "frontend" }] },
      ]
    }
  }
  service backend {
    task            = backend
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: [mongo]` is not carried over: each compose service is an ECS service of
    //   its own, and ECS starts services independently; make the application retry until what it
    //   needs is up
    service_connect {
      services = [
        { port_name = "backend", client_aliases = [{ port = 3000, dns_name = "backend" }] },
      ]
    }
  }
  service mongo {
    task            = mongo
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [{ port_name = "mongo", client_aliases = [{ port = 27017, dns_name = "mongo" }] }]
    }
  }
}
