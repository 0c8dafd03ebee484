// Imported by `eclc import compose` from fixtures/awesome-compose/nginx-flask-mysql.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// TODO: the top-level `secrets: {db-password: {file: db/password.txt}}` is not carried over:
//   compose mounts secrets as files under /run/secrets; keep the value in Secrets Manager or
//   SSM Parameter Store and name it in the container's `secrets` (ECS passes it as an
//   environment variable)
// TODO: the top-level `networks: {backnet: ~, frontnet: ~}` is not carried over: the
//   imported tasks share one VPC and security group; they reach each other by name through
//   Service Connect, where a service declares its port

stack nginx_flask_mysql {
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
      port = 80
      from = "0.0.0.0/0"
    }
    ingress {
      port = 3306
      from = tasks
    }
    ingress {
      port = 8000
      from = "0.0.0.0/0"
    }
    ingress {
      port = 33060
      from = tasks
    }
  }
}

// Service Connect: the services reach each other by name
namespace nginx_flask_mysql {}

// compose service `db`
task db {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "db-data" }]
  container db {
    image        = "mariadb:10-focal"
    command      = ["--default-authentication-plugin=mysql_native_password"]
    mount_points = [{ volume = "db-data", path = "/var/lib/mysql" }]
    environment  = {
      MYSQL_DATABASE           = "example",
      MYSQL_ROOT_PASSWORD_FILE = "/run/secrets/db-password",
    }
    ports = [{ container = 3306, name = "db" }, { container = 33060 }]
    // TODO: `secrets: [db-password]` is not carried over: compose mounts secrets as files under
    //   /run/secrets; keep the value in Secrets Manager or SSM Parameter Store and name it in
    //   the container's `secrets` (ECS passes it as an environment variable)
    // TODO: the lasting data of named volume `db-data` is not carried over: an ECS task volume
    //   lives and dies with its task; keep data that must last on EFS or a managed database
    // TODO: `networks: [backnet]` is not carried over: the imported tasks share one VPC and
    //   security group; they reach each other by name through Service Connect, where a service
    //   declares its port
    health_check {
      command = [
        "CMD-SHELL",
        "mysqladmin ping -h 127.0.0.1 --password=\"$(cat /run/secrets/db-password)\" --silent",
      ]
      interval     = 5s
      retries      = 5
      start_period = 30s
    }
  }
}

// compose service `backend`
task backend {
  cpu    = 256
  memory = 512MiB
  container backend {
    ports = [{ container = 8000, host = 8000, name = "backend" }]
    // TODO: `build: {context: backend, target: builder}` is not carried over: ECS runs images
    //   from a registry; build and push the image (to ECR), then set `image`
    // TODO: `secrets: [db-password]` is not carried over: compose mounts secrets as files under
    //   /run/secrets; keep the value in Secrets Manager or SSM Parameter Store and name it in
    //   the container's `secrets` (ECS passes it as an environment variable)
    // TODO: `networks: [backnet, frontnet]` is not carried over: the imported tasks share one
    //   VPC and security group; they reach each other by name through Service Connect, where a
    //   service declares its port
  }
}

// compose service `proxy`
task proxy {
  cpu    = 256
  memory = 512MiB
  container proxy {
    ports = [{ container = 80, host = 80, name = "proxy" }]
    // TODO: `build: proxy` is not carried over: ECS runs images from a registry; build and push
    //   the image (to ECR), then set `image`
    // TODO: `networks: [frontnet]` is not carried over: the imported tasks share one VPC and
    //   security group; they reach each other by name through Service Connect, where a service
    //   declares its port
  }
}

cluster nginx_flask_mysql {
  service_connect_namespace = nginx_flask_mysql
  service db {
    task            = db
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [{ port_name = "db", client_aliases = [{ port = 3306, dns_name = "db" }] }]
    }
  }
  service backend {
    task            = backend
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: {db: {condition: service_healthy}}` is not carried over: each compose
    //   service is an ECS service of its own, and ECS starts services independently; make the
    //   application retry until what it needs is up
    service_connect {
      services = [
        { port_name = "backend", client_aliases = [{ port = 8000, dns_name = "backend" }] },
      ]
    }
  }
  service proxy {
    task            = proxy
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: [backend]` is not carried over: each compose service is an ECS service
    //   of its own, and ECS starts services independently; make the application retry until what
    //   it needs is up
    service_connect {
      services = [{ port_name = "proxy", client_aliases = [{ port = 80, dns_name = "proxy" }] }]
    }
  }
}
