// Imported by `eclc import compose` from
// fixtures/awesome-compose/elasticsearch-logstash-kibana.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// TODO: the top-level `networks: {elastic: {driver: bridge}}` is not carried over: the
//   imported tasks share one VPC and security group; they reach each other by name through
//   Service Connect, where a service declares its port

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

// Service Connect: the services reach each other by name
namespace elasticsearch_logstash_kibana {}

// compose service `elasticsearch`
task elasticsearch {
  cpu    = 256
  memory = 512MiB
  container elasticsearch {
    image       = "elasticsearch:7.16.1"
    environment = { "discovery.type" = "single-node", ES_JAVA_OPTS = "-Xms512m -Xmx512m" }
    ports       = [
      { container = 9200, host = 9200, name = "elasticsearch" },
      { container = 9300, host = 9300 },
    ]
    // TODO: `container_name: es` is not carried over: the container is named after the block
    // TODO: `networks: [elastic]` is not carried over: the imported tasks share one VPC and
    //   security group; they reach each other by name through Service Connect, where a service
    //   declares its port
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
      { container = 5000, host = 5000, name = "logstash" },
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
    //   security group; they reach each other by name through Service Connect, where a service
    //   declares its port
  }
}

// compose service `kibana`
task kibana {
  cpu    = 256
  memory = 512MiB
  container kibana {
    image = "kibana:7.16.1"
    ports = [{ container = 5601, host = 5601, name = "kibana" }]
    // TODO: `container_name: kib` is not carried over: the container is named after the block
    // TODO: `networks: [elastic]` is not carried over: the imported tasks share one VPC and
    //   security group; they reach each other by name through Service Connect, where a service
    //   declares its port
  }
}

cluster elasticsearch_logstash_kibana {
  service_connect_namespace = elasticsearch_logstash_kibana
  service elasticsearch {
    task            = elasticsearch
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [
        {
          port_name      = "elasticsearch",
          client_aliases = [{ port = 9200, dns_name = "elasticsearch" }],
        },
      ]
    }
  }
  service logstash {
    task            = logstash
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: [elasticsearch]` is not carried over: each compose service is an ECS
    //   service of its own, and ECS starts services independently; make the application retry
    //   until what it needs is up
    service_connect {
      services = [
        { port_name = "logstash", client_aliases = [{ port = 5000, dns_name = "logstash" }] },
      ]
    }
  }
  service kibana {
    task            = kibana
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: [elasticsearch]` is not carried over: each compose service is an ECS
    //   service of its own, and ECS starts services independently; make the application retry
    //   until what it needs is up
    service_connect {
      services = [{ port_name = "kibana", client_aliases = [{ port = 5601, dns_name = "kibana" }] }]
    }
  }
}
