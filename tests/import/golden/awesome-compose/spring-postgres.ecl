// Imported by `eclc import compose` from fixtures/awesome-compose/spring-postgres.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// TODO: the top-level `secrets: {db-password: {file: db/password.txt}}` is not carried over:
//   compose mounts secrets as files under /run/secrets; keep the value in Secrets Manager or
//   SSM Parameter Store and name it in the container's `secrets` (ECS passes it as an
//   environment variable)
// TODO: the top-level `networks: {spring-postgres: ~}` is not carried over: the imported
//   tasks share one VPC and security group; they reach each other by name through Service
//   Connect, where a service declares its port

stack spring_postgres {
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
      port = 5432
      from = tasks
    }
    ingress {
      port = 8080
      from = "0.0.0.0/0"
    }
  }
}

// Service Connect: the services reach each other by name
namespace spring_postgres {}

// compose service `backend`
task backend {
  cpu    = 256
  memory = 512MiB
  container backend {
    ports       = [{ container = 8080, host = 8080, name = "backend" }]
    environment = { POSTGRES_DB = "example" }
    // TODO: `build: backend` is not carried over: ECS runs images from a registry; build and
    //   push the image (to ECR), then set `image`
    // TODO: `networks: [spring-postgres]` is not carried over: the imported tasks share one VPC
    //   and security group; they reach each other by name through Service Connect, where a
    //   service declares its port
  }
}

// compose service `db`
task db {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "db-data" }]
  container db {
    image        = "postgres"
    mount_points = [{ volume = "db-data", path = "/var/lib/postgresql/data" }]
    environment  = { POSTGRES_DB = "example", POSTGRES_PASSWORD_FILE = "/run/secrets/db-password" }
    ports        = [{ container = 5432, name = "db" }]
    // TODO: `secrets: [db-password]` is not carried over: compose mounts secrets as files under
    //   /run/secrets; keep the value in Secrets Manager or SSM Parameter Store and name it in
    //   the container's `secrets` (ECS passes it as an environment variable)
    // TODO: the lasting data of named volume `db-data` is not carried over: an ECS task volume
    //   lives and dies with its task; keep data that must last on EFS or a managed database
    // TODO: `networks: [spring-postgres]` is not carried over: the imported tasks share one VPC
    //   and security group; they reach each other by name through Service Connect, where a
    //   service declares its port
  }
}

cluster spring_postgres {
  service_connect_namespace = spring_postgres
  service backend {
    task            = backend
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [
        { port_name = "backend", client_aliases = [{ port = 8080, dns_name = "backend" }] },
      ]
    }
  }
  service db {
    task            = db
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [{ port_name = "db", client_aliases = [{ port = 5432, dns_name = "db" }] }]
    }
  }
}
