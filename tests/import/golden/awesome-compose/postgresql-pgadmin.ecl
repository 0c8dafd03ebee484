// Imported by `eclc import compose` from fixtures/awesome-compose/postgresql-pgadmin.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack postgresql_pgadmin {
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
      port = 5432
      from = "0.0.0.0/0"
    }
  }
}

// Service Connect: the services reach each other by name
namespace postgresql_pgadmin {}

// compose service `postgres`
task postgres {
  cpu    = 256
  memory = 512MiB
  container postgres {
    image = "postgres:latest"
    ports = [{ container = 5432, host = 5432, name = "postgres" }]
    // TODO: `container_name: postgres` is not carried over: the container is named after the
    //   block
    // TODO: `POSTGRES_USER=${POSTGRES_USER}` is not carried over: compose fills in
    //   `$POSTGRES_USER` from the shell or `.env`; set the value here or in `secrets`
    // TODO: `POSTGRES_PASSWORD=${POSTGRES_PW}` is not carried over: compose fills in
    //   `$POSTGRES_PW` from the shell or `.env`; set the value here or in `secrets`
    // TODO: `POSTGRES_DB=${POSTGRES_DB}` is not carried over: compose fills in `$POSTGRES_DB`
    //   from the shell or `.env`; set the value here or in `secrets`
  }
}

// compose service `pgadmin`
task pgadmin {
  cpu    = 256
  memory = 512MiB
  container pgadmin {
    image = "dpage/pgadmin4:latest"
    ports = [{ container = 80, host = 5050, name = "pgadmin" }]
    // TODO: `container_name: pgadmin` is not carried over: the container is named after the
    //   block
    // TODO: `PGADMIN_DEFAULT_EMAIL=${PGADMIN_MAIL}` is not carried over: compose fills in
    //   `$PGADMIN_MAIL` from the shell or `.env`; set the value here or in `secrets`
    // TODO: `PGADMIN_DEFAULT_PASSWORD=${PGADMIN_PW}` is not carried over: compose fills in
    //   `$PGADMIN_PW` from the shell or `.env`; set the value here or in `secrets`
  }
}

cluster postgresql_pgadmin {
  service_connect_namespace = postgresql_pgadmin
  service postgres {
    task            = postgres
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [
        { port_name = "postgres", client_aliases = [{ port = 5432, dns_name = "postgres" }] },
      ]
    }
  }
  service pgadmin {
    task            = pgadmin
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [{ port_name = "pgadmin", client_aliases = [{ port = 80, dns_name = "pgadmin" }] }]
    }
  }
}
