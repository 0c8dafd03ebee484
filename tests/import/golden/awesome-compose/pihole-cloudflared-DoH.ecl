// Imported by `eclc import compose` from
// fixtures/awesome-compose/pihole-cloudflared-DoH.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.
// TODO: the top-level `networks: {dns-net: {ipam: {config: [{subnet: 172.20.0.0/24}]}}}` is
//   not carried over: the imported tasks share one VPC and security group; they reach each
//   other by name through Service Connect, where a service declares its port

stack pihole_cloudflared_DoH {
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
      port = 53
      from = "0.0.0.0/0"
    }
    ingress {
      protocol = udp
      port     = 53
      from     = "0.0.0.0/0"
    }
    ingress {
      protocol = udp
      port     = 67
      from     = "0.0.0.0/0"
    }
    ingress {
      port = 80
      from = "0.0.0.0/0"
    }
    ingress {
      port = 443
      from = "0.0.0.0/0"
    }
    ingress {
      port = 5054
      from = "0.0.0.0/0"
    }
    ingress {
      protocol = udp
      port     = 5054
      from     = "0.0.0.0/0"
    }
  }
}

// Service Connect: the services reach each other by name
namespace pihole_cloudflared_DoH {}

// compose service `cloudflared`
task cloudflared {
  cpu    = 256
  memory = 512MiB
  container cloudflared {
    image = "visibilityspots/cloudflared"
    ports = [
      { container = 5054, host = 5054, name = "cloudflared" },
      { container = 5054, host = 5054, protocol = udp },
    ]
    environment = { PORT = "5054", ADDRESS = "0.0.0.0" }
    // TODO: `container_name: cloudflared` is not carried over: the container is named after the
    //   block
    // TODO: `TZ=${TIMEZONE}` is not carried over: compose fills in `$TIMEZONE` from the shell or
    //   `.env`; set the value here or in `secrets`
    // TODO: `networks: {dns-net: {ipv4_address: 172.20.0.2}}` is not carried over: the imported
    //   tasks share one VPC and security group; they reach each other by name through Service
    //   Connect, where a service declares its port
  }
}

// compose service `pihole`
task pihole {
  cpu     = 256
  memory  = 512MiB
  volumes = [
    { name = "pihole_etc_pihole_", host_path = "/etc/pihole/" },
    { name = "pihole_etc_dnsmasq_d_", host_path = "/etc/dnsmasq.d/" },
  ]
  container pihole {
    image = "pihole/pihole:latest"
    ports = [
      { container = 53, host = 53, name = "pihole" },
      { container = 53, host = 53, protocol = udp },
      { container = 67, host = 67, protocol = udp },
      { container = 80, host = 8080 },
      { container = 443, host = 8443 },
    ]
    environment  = { PIHOLE_DNS_ = "172.20.0.2#5054;1.1.1.1", REV_SERVER = "true" }
    mount_points = [
      { volume = "pihole_etc_pihole_", path = "/etc/pihole/" },
      { volume = "pihole_etc_dnsmasq_d_", path = "/etc/dnsmasq.d/" },
    ]
    capabilities = { add = [net_admin] }
    // TODO: `container_name: pihole` is not carried over: the container is named after the block
    // TODO: `TZ=${TIMEZONE}` is not carried over: compose fills in `$TIMEZONE` from the shell or
    //   `.env`; set the value here or in `secrets`
    // TODO: `WEBPASSWORD=${PIHOLE_PW}` is not carried over: compose fills in `$PIHOLE_PW` from
    //   the shell or `.env`; set the value here or in `secrets`
    // TODO: `REV_SERVER_TARGET=${PIHOLE_ROUTER_IP}` is not carried over: compose fills in
    //   `$PIHOLE_ROUTER_IP` from the shell or `.env`; set the value here or in `secrets`
    // TODO: `REV_SERVER_DOMAIN=${PIHOLE_NETWORK_DOMAIN}` is not carried over: compose fills in
    //   `$PIHOLE_NETWORK_DOMAIN` from the shell or `.env`; set the value here or in `secrets`
    // TODO: `REV_SERVER_CIDR=${PIHOLE_REVERSE_DNS}` is not carried over: compose fills in
    //   `$PIHOLE_REVERSE_DNS` from the shell or `.env`; set the value here or in `secrets`
    // TODO: `ServerIP=${PIHOLE_HOST_IP}` is not carried over: compose fills in `$PIHOLE_HOST_IP`
    //   from the shell or `.env`; set the value here or in `secrets`
    // TODO: `ServerIPv6=${PIHOLE_HOST_IPV6}` is not carried over: compose fills in
    //   `$PIHOLE_HOST_IPV6` from the shell or `.env`; set the value here or in `secrets`
    // TODO: `networks: [dns-net]` is not carried over: the imported tasks share one VPC and
    //   security group; they reach each other by name through Service Connect, where a service
    //   declares its port
  }
}

cluster pihole_cloudflared_DoH {
  service_connect_namespace = pihole_cloudflared_DoH
  service cloudflared {
    task            = cloudflared
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    service_connect {
      services = [
        { port_name = "cloudflared", client_aliases = [{ port = 5054, dns_name = "cloudflared" }] },
      ]
    }
  }
  service pihole {
    task            = pihole
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
    // TODO: `depends_on: [cloudflared]` is not carried over: each compose service is an ECS
    //   service of its own, and ECS starts services independently; make the application retry
    //   until what it needs is up
    service_connect {
      services = [{ port_name = "pihole", client_aliases = [{ port = 53, dns_name = "pihole" }] }]
    }
  }
}
