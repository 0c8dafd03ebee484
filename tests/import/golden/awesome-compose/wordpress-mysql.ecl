// Imported by `eclc import compose` from fixtures/awesome-compose/wordpress-mysql.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack wordpress_mysql {
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
      port = 33060
      from = tasks
    }
  }
}

// Service Connect: the services reach each other by name
namespace wordpress_mysql {}

// compose service `db`
task db {
  cpu     = 256
  memory  = 512MiB
  volumes = [{ name = "db_data" }]
  container db {
    image        = "mariadb:10.6.4-focal"
    command      = ["--default-authentication-plugin=mysql_native_password"]
    mount_points = [{ volume = "db_data", path = "/var/lib/mysql" }]
    environment  = {
      MYSQL_ROOT_PASSWORD = "somewordpress",
      MYSQL_DATABASE      = "wordpress",
      MYSQL_USER          = "wordpress",
      MYSQL_PASSWORD      = "wordpress",
    }
    ports = [{ container = 3306, name = "db" }, { container = 33060 }]
    // TODO: the lasting data of named volume `db_data` is not carried over: an ECS task volume
    //   lives and dies with its task; keep data that must last on EFS or a managed database
  }
}

// compose service `wordpress`
task wordpress {
  cpu    = 256
  memory = 512MiB
  container wordpress {
    image       = "wordpress:latest"
    ports       = [{ container = 80, host = 80, name = "wordpress" }]
    environment = {
      WORDPRESS_DB_HOST     = "db",
      WORDPRESS_DB_USER     = "wordpress",
      WORDPRESS_DB_PASSWORD = "wordpress",
      WORDPRESS_DB_NAME     = "wordpress",
    }
  }
}

cluster wordpress_mysql {
  service_connect_namespace = wordpress_mysql
  service db {
    task            = db
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [{ port_name = "db", client_aliases = [{ port = 3306, dns_name = "db" }] }]
    }
  }
  service wordpress {
    task            = wordpress
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [
        { port_name = "wordpress", client_aliases = [{ port = 80, dns_name = "wordpress" }] },
      ]
    }
  }
}
