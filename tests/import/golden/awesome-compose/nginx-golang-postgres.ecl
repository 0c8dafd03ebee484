// Imported by `eclc import compose` from
// fixtures/awesome-compose/nginx-golang-postgres.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// TODO: the top-level `secrets: {db-password: {file: db/password.txt}}` is not carried over:
//   compose mounts secrets as files under /run/secrets; keep the value in Secrets Manager or
//   SSM Parameter Store and name it in the container's `secrets` (ECS passes it as an
//   environment variable)
// TODO: compose's default network for `backend`, which declares no port, is not carried
//   over: Service Connect serves a service by name on a port it declares; if others call it,
//   add that port under `expose` (or to its container, with a `name`, and to its
//   `service_connect`)

stack nginx_golang_postgres {
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
      from = tasks
    }
  }
}

// Service Connect: the services reach each other by name
namespace nginx_golang_postgres {}

// compose service `backend`
task backend {
  cpu    = 256
  memory = 512MiB
  container backend {
    // TODO: `build: {context: backend, target: builder}` is not carried over: ECS runs images
    //   from a registry; build and push the image (to ECR), then set `image`
    // TODO: `secrets: [db-password]` is not carried over: compose mounts secrets as files under
    //   /run/secrets; keep the value in Secrets Manager or SSM Parameter Store and name it in
    //   the container's `secrets` (ECS passes it as an environment variable)
  }
}

// compose service `db`
task db {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "db-data" }]
  container db {
    image        = "postgres"
    user         = "postgres"
    mount_points = [{ volume = "db-data", path = "/var/lib/postgresql/data" }]
    environment  = { POSTGRES_DB = "example", POSTGRES_PASSWORD_FILE = "/run/secrets/db-password" }
    ports        = [{ container = 5432, name = "db" }]
    // TODO: `secrets: [db-password]` is not carried over: compose mounts secrets as files under
    //   /run/secrets; keep the value in Secrets Manager or SSM Parameter Store and name it in
    //   the container's `secrets` (ECS passes it as an environment variable)
    // TODO: the lasting data of named volume `db-data` is not carried over: an ECS task volume
    //   lives and dies with its task; keep data that must last on EFS or a managed database
    health_check {
      command  = ["CMD", "pg_isready"]
      interval = 10s
      timeout  = 5s
      retries  = 5
    }
  }
}

// compose service `proxy`
task proxy {
  cpu    = 256
  memory = 512MiB
  container proxy {
    image = "nginx"
    ports = [{ container = 80, host = 80, name = "proxy" }]
    // TODO: the bind mount `{type: bind, source: ./proxy/nginx.conf, target:
    //   /etc/nginx/conf.d/default.conf, read_only: true}` is not carried over: it reads files of
    //   the machine running compose; bake them into the image or use EFS
  }
}

cluster nginx_golang_postgres {
  service_connect_namespace = nginx_golang_postgres
  service backend {
    task            = backend
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: {db: {condition: service_healthy}}` is not carried over: each compose
    //   service is an ECS service of its own, and ECS starts services independently; make the
    //   application retry until what it needs is up
    service_connect {}
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
