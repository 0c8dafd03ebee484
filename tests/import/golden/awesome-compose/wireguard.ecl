// Imported by `eclc import compose` from fixtures/awesome-compose/wireguard.yaml.
//
// A program needs a stack, a network and a cluster, which the source does not describe:
// `eclc import` added a minimal one (a VPC of two public subnets in two zones, one security
// group for the tasks, a Fargate cluster). Change them to fit.

stack wireguard {
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
      protocol = udp
      port     = 51820
      from     = "0.0.0.0/0"
    }
  }
}

// compose service `wireguard`
task wireguard {
  cpu     = 256
  memory  = 512MiB
  volumes = [
    {
      name      = "wireguard_usr_share_appdata_wireguard_config",
      host_path = "/usr/share/appdata/wireguard/config",
    },
    { name = "wireguard_usr_src", host_path = "/usr/src" },
    { name = "wireguard_lib_modules", host_path = "/lib/modules" },
  ]
  container wireguard {
    image        = "linuxserver/wireguard"
    capabilities = { add = [net_admin, sys_module] }
    environment  = {
      PUID            = "1000",
      PGID            = "1000",
      SERVERPORT      = "51820",
      PEERS           = "1",
      PEERDNS         = "auto",
      INTERNAL_SUBNET = "10.13.13.0",
      ALLOWEDIPS      = "0.0.0.0/0",
    }
    mount_points = [
      { volume = "wireguard_usr_share_appdata_wireguard_config", path = "/config" },
      { volume = "wireguard_usr_src", path = "/usr/src" },
      { volume = "wireguard_lib_modules", path = "/lib/modules" },
    ]
    ports = [{ container = 51820, host = 51820, protocol = udp }]
    // TODO: `container_name: wireguard` is not carried over: the container is named after the
    //   block
    // TODO: `TZ=${TIMEZONE}` is not carried over: compose fills in `$TIMEZONE` from the shell or
    //   `.env`; set the value here or in `secrets`
    // TODO: `SERVERURL=${VPN_SERVER_URL}` is not carried over: compose fills in
    //   `$VPN_SERVER_URL` from the shell or `.env`; set the value here or in `secrets`
    // TODO: `sysctls: [net.ipv4.conf.all.src_valid_mark=1]` is not carried over: ECL has no
    //   `systemControls` yet
  }
}

cluster wireguard {
  service wireguard {
    task            = wireguard
    subnets         = [main.public_a, main.public_b]
    security_groups = [main.tasks]
    public_ip       = true
  }
}
