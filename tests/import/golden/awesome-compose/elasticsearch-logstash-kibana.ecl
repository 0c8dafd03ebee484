// Imported by `eclc import compose` from
// fixtures/awesome-compose/elasticsearch-logstash-kibana.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// TODO: the top-level `networks: {elastic: {driver: bridge}}` is not carried over: the
//   imported tasks share one VPC and security group, and a service's name is a host name in
//   ECS only through Service Connect: give the cluster a `service_connect_namespace` (a
//   `namespace` block), name the port (`{ container = 5432, name = "db" }`), serve it
//   (`service_connect { services = [{ port_name = "db", client_aliases = [{ port = 5432,
//   dns_name = "db" }] }] }`) and let its callers use it (`service_connect {}`)

stack elasticsearch_logstash_kibana {
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
      port = 5000
      from = "0.0.0.0/0"
    }
    ingress {
      protocol = udp
      port     = 5000
      from     = "0.0.0.0/0"
    }
    ingress {
      port = 5044
      from = "0.0.0.0/0"
    }
    ingress {
      port = 5601
      from = "0.0.0.0/0"
    }
    ingress {
      port = 9200
      from = "0.0.0.0/0"
    }
    ingress {
      port = 9300
      from = "0.0.0.0/0"
    }
    ingress {
      port = 9600
      from = "0.0.0.0/0"
    }
  }
}

// compose service `elasticsearch`
task elasticsearch {
  cpu    = 256
  memory = 512MiB
  container elasticsearch {
    image       = "elasticsearch:7.16.1"
    environment = { "discovery.type" = "single-node", ES_JAVA_OPTS = "-Xms512m -Xmx512m" }
    ports       = [{ container = 9200, host = 9200 }, { container = 9300, host = 9300 }]
    // TODO: `container_name: es` is not carried over: the container is named after the block
    // TODO: `networks: [elastic]` is not carried over: the imported tasks share one VPC and
    //   security group, and a service's name is a host name in ECS only through Service Connect:
    //   give the cluster a `service_connect_namespace` (a `namespace` block), name the port (`{
    //   container = 5432, name = "db" }`), serve it (`service_connect { services = [{ port_name
    //   = "db", client_aliases = [{ port = 5432, dns_name = "db" }] }] }`) and let its callers
    //   use it (`service_connect {}`)
    health_check {
      command  = ["CMD-SHELL", "curl --silent --fail localhost:9200/_cluster/health || exit 1"]
      interval = 10s
      timeout  = 10s
      retries  = 3
    }
  }
}

// compose service `logstash`
task logstash {
  cpu    = 256
  memory = 512MiB
  container logstash {
    image       = "logstash:7.16.1"
    environment = { "discovery.seed_hosts" = "logstash", LS_JAVA_OPTS = "-Xms512m -Xmx512m" }
    ports       = [
      { container = 5000, host = 5000 },
      { container = 5000, host = 5000, protocol = udp },
      { container = 5044, host = 5044 },
      { container = 9600, host = 9600 },
    ]
    command = ["logstash", "-f", "/usr/share/logstash/pipeline/logstash-nginx.config"]
    // TODO: `container_name: log` is not carried over: the container is named after the block
    // TODO: the bind mount
    //   `./logstash/pipeline/logstash-nginx.config:/usr/share/logstash/pipeline/logstash-nginx.config`
    //   is not carried over: it reads files of the machine running compose; bake them into the
    //   image or use EFS
    // TODO: the bind mount `./logstash/nginx.log:/home/nginx.log` is not carried over: it reads
    //   files of the machine running compose; bake them into the image or use EFS
    // TODO: `networks: [elastic]` is not carried over: the imported tasks share one VPC and
    //   security group, and a service's name is a host name in ECS only through Service Connect:
    //   give the cluster a `service_connect_namespace` (a `namespace` block), name the port (`{
    //   container = 5432, name = "db" }`), serve it (`service_connect { services = [{ port_name
    //   = "db", client_aliases = [{ port = 5432, dns_name = "db" }] }] }`) and let its callers
    //   use it (`service_connect {}`)
  }
}

// compose service `kibana`
task kibana {
  cpu    = 256
  memory = 512MiB
  container kibana {
    image = "kibana:7.16.1"
    ports = [{ container = 5601, host = 5601 }]
    // TODO: `container_name: kib` is not carried over: the container is named after the block
    // TODO: `networks: [elastic]` is not carried over: the imported tasks share one VPC and
    //   security group, and a service's name is a host name in ECS only through Service Connect:
    //   give the cluster a `service_connect_namespace` (a `namespace` block), name the port (`{
    //   container = 5432, name = "db" }`), serve it (`service_connect { services = [{ port_name
    //   = "db", client_aliases = [{ port = 5432, dns_name = "db" }] }] }`) and let its callers
    //   use it (`service_connect {}`)
  }
}

cluster elasticsearch_logstash_kibana {
  service elasticsearch {
    task            = elasticsearch
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
  service logstash {
    task            = logstash
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: [elasticsearch]` is not carried over: each compose service is an ECS
    //   service of its own, and ECS starts services independently; make the application retry
    //   until what it needs is up
  }
  service kibana {
    task            = kibana
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: [elasticsearch]` is not carried over: each compose service is an ECS
    //   service of its own, and ECS starts services independently; make the application retry
    //   until what it needs is up
  }
}
