// Every kind, attribute and object field of the schema in one clean program, so that
// cfn_test's coverage test sees each lowered and lint_test.py lints the result.
stack kitchen {
  region      = "us-west-2"
  description = "Every attribute of the schema"
  tags        = { owner = "cfn-test", env = "test" }
}

let ami_param = "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id"

vpc core {
  cidr             = "10.8.0.0/16"
  dns_support      = true
  dns_hostnames    = true
  instance_tenancy = default
  tags             = { tier = "network" }

  subnet public_a  { cidr = "10.8.0.0/24"  zone = "us-west-2a"  public = true  tags = { tier = "public" } }
  subnet public_b  { cidr = "10.8.1.0/24"  zone = "us-west-2b"  public = true }
  subnet private_a { cidr = "10.8.10.0/24" zone = "us-west-2a" }
  subnet private_b { cidr = "10.8.11.0/24" zone = "us-west-2b" }

  internet_gateway gw { tags = { role = "edge" } }
  nat_gateway nat { subnet = public_a  tags = { role = "egress" } }

  route_table public {
    subnets = [public_a, public_b]
    tags    = { role = "public" }
    route { destination = "0.0.0.0/0"  target = gw }
  }
  route_table private {
    subnets = [private_a, private_b]
    route { destination = "0.0.0.0/0"  target = nat }
  }

  endpoint s3 {
    service      = "s3"
    type         = gateway
    route_tables = [private]
    tags         = { role = "endpoint" }
  }
  endpoint ecr_api {
    service         = "ecr.api"
    subnets         = [private_a, private_b]
    security_groups = [endpoints]
    private_dns     = true
  }

  security_group endpoints {
    description = "Endpoints: HTTPS from the VPC"
    tags        = { role = "endpoints" }
    ingress { protocol = tcp  port = 443  from = "10.8.0.0/16"  description = "HTTPS" }
  }
  security_group app {
    description = "App tasks"
    ingress { protocol = tcp  from_port = 8000  to_port = 8001  from = app  description = "Peers" }
    ingress { protocol = icmp  from_port = -1  to_port = -1  from = "10.8.0.0/16" }
    egress  { protocol = tcp  port = 443  to = endpoints  description = "To the endpoints" }
  }
  security_group hosts {
    description = "Container instances"
    egress { protocol = all  to = "0.0.0.0/0"  description = "Anywhere" }
  }
}

task api {
  family            = "kitchen-api"
  cpu               = 1vcpu
  memory            = 2GiB
  network_mode      = awsvpc
  compatibilities   = [fargate]
  task_role         = "arn:aws:iam::123456789012:role/kitchen-api"
  cpu_architecture  = x86_64
  ephemeral_storage = 30GiB
  volumes           = [{ name = "scratch" }]
  log_retention     = 14
  tags              = { component = "api" }

  container app {
    image                    = "123456789012.dkr.ecr.us-west-2.amazonaws.com/kitchen/api:1.0.0"
    cpu                      = 512
    memory                   = 1GiB
    memory_reservation       = 512MiB
    essential                = true
    port                     = { container = 8000, protocol = tcp, name = "http", app_protocol = http }
    ports                    = [{ container = 8001, host = 8001 }]
    environment              = { MODE = "full" }
    secrets                  = { DB_URL = "arn:aws:secretsmanager:us-west-2:123456789012:secret:db-AbCdEf", API_TOKEN = "/kitchen/api-token" }
    command                  = ["serve", "--port", "8000"]
    entrypoint               = ["/app/bin/api"]
    working_dir              = "/app"
    user                     = "1000:1000"
    readonly_root_filesystem = true
    init_process             = true
    mount_points             = [{ volume = "scratch", path = "/scratch", read_only = false }]
    stop_timeout             = 30s
    start_timeout            = 60s
    docker_labels            = { "com.example.team" = "kitchen" }
    interactive              = false
    pseudo_terminal          = false

    health_check {
      command      = ["CMD-SHELL", "curl -fsS http://localhost:8000/health || exit 1"]
      interval     = 10s
      timeout      = 3s
      retries      = 5
      start_period = 20s
    }
    log {
      driver        = awslogs
      stream_prefix = "app"
      options       = { "mode" = "non-blocking" }
    }
  }

  container sidecar {
    image      = "public.ecr.aws/docker/library/busybox:1.36"
    essential  = false
    memory     = 128MiB
    command    = ["sh", "-c", "sleep infinity"]
    depends_on = [{ container = app, condition = healthy }]
    log { driver = awslogs  group = "/kitchen/shared"  stream_prefix = "sidecar" }
  }
}

task agent {
  compatibilities  = [ec2]
  network_mode     = bridge
  cpu_architecture = arm64
  pid_mode         = task
  ipc_mode         = none
  volumes          = [{ name = "docker", host_path = "/var/run/docker.sock" }]

  container agent {
    image              = "public.ecr.aws/docker/library/busybox:1.36"
    memory_reservation = 64MiB
    privileged         = true
    interactive        = true
    pseudo_terminal    = true
    ulimits            = [{ name = nofile, soft = 1024, hard = 4096 }]
    mount_points       = [{ volume = "docker", path = "/var/run/docker.sock", read_only = true }]
    ports              = [{ container = 9000, protocol = udp }]
    log { driver = json_file  options = { "max-size" = "10m" } }
  }
}

cluster main {
  capacity           = [fargate, fargate_spot, hosts]
  container_insights = true
  name               = "kitchen-main"
  tags               = { component = "cluster" }

  ec2_capacity hosts {
    instance_type   = "m7g.large"
    min             = 1
    max             = 3
    desired         = 2
    subnets         = [core.private_a, core.private_b]
    security_groups = [core.hosts]
    ami             = ami_param
    key_name        = "kitchen-ops"
    volume_size     = 40
    managed_scaling = true
    target_capacity = 90
    name            = "kitchen-hosts"
    tags            = { component = "hosts" }
  }

  service api {
    task                   = api
    desired                = 2
    capacity               = [{ provider = fargate, base = 1, weight = 1 }, { provider = fargate_spot, weight = 2 }]
    subnets                = [core.private_a, core.private_b]
    security_groups        = [core.app]
    public_ip              = false
    platform_version       = "1.4.0"
    enable_execute_command = true
    propagate_tags         = task_definition
    scheduling             = replica
    name                   = "kitchen-api"
    tags                   = { component = "api" }

    deployment {
      min_healthy_percent = 50
      max_percent         = 200
      circuit_breaker     = true
      rollback            = false
    }
  }

  service agent {
    task        = agent
    launch_type = ec2
    desired     = 2
    placement {
      strategy   = [{ type = spread, field = "attribute:ecs.availability-zone" }]
      constraint = [{ type = member_of, expression = "attribute:ecs.cpu-architecture == arm64" }]
    }
  }
}

output vpc             = core.id
output default_group   = core.default_security_group
output subnet_zone_id  = core.private_a.zone_id
output gateway         = core.gw.id
output nat             = core.nat.id
output nat_ip          = core.nat.public_ip
output route_table     = core.private.id
output endpoint        = core.s3.id
output group           = core.app.id
output cluster         = main.arn
output asg             = main.hosts.auto_scaling_group
output launch_template = main.hosts.launch_template
output task            = api.arn
output service         = main.api.arn
output subnets         = [core.private_a.id, core.private_b.id]
output summary         = "${main.api.arn} in ${main.arn}"
output sizes           = { cpu = 1024, public = true }
