// Imported by `eclc import compose` from fixtures/awesome-compose/gitea-postgres.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack gitea_postgres {
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
      from = "0.0.0.0/0"
    }
    ingress {
      port = 5432
      from = tasks
    }
  }
}

// Service Connect: the services reach each other by name
namespace gitea_postgres {}

// compose service `gitea`
task gitea {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "git_data" }]
  container gitea {
    image       = "gitea/gitea:latest"
    environment = {
      DB_TYPE   = "postgres",
      DB_HOST   = "db:5432",
      DB_NAME   = "gitea",
      DB_USER   = "gitea",
      DB_PASSWD = "gitea",
    }
    mount_points = [{ volume = "git_data", path = "/data" }]
    ports        = [{ container = 3000, host = 3000, name = "gitea" }]
    // TODO: the lasting data of named volume `git_data` is not carried over: an ECS task volume
    //   lives and dies with its task; keep data that must last on EFS or a managed database
  }
}

// compose service `db`
task db {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "db_data" }]
  container db {
    image        = "postgres:alpine"
    environment  = { POSTGRES_USER = "gitea", POSTGRES_PASSWORD = "gitea", POSTGRES_DB = "gitea" }
    mount_points = [{ volume = "db_data", path = "/var/lib/postgresql/data" }]
    ports        = [{ container = 5432, name = "db" }]
    // TODO: the lasting data of named volume `db_data` is not carried over: an ECS task volume
    //   lives and dies with its task; keep data that must last on EFS or a managed database
  }
}

cluster gitea_postgres {
  service_connect_namespace = gitea_postgres
  service gitea {
    task            = gitea
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [{ port_name = "gitea", client_aliases = [{ port = 3000, dns_name = "gitea" }] }]
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
