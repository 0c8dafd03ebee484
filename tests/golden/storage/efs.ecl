// An EFS file system mounted by a Fargate service: a mount target in each of the service's zones,
// its security group letting the tasks in on NFS, an access point with its POSIX user and the
// directory it creates, a lifecycle policy, and a second volume mounting the file system's root
// with IAM authorization; a third mounts a file system made elsewhere, by its ID.
stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr   = "10.0.1.0/24"
    zone   = "us-east-1a"
    public = true
  }
  subnet b {
    cidr   = "10.0.2.0/24"
    zone   = "us-east-1b"
    public = true
  }
  internet_gateway igw {}
  route_table public {
    subnets = [a, b]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
  security_group app {}
  security_group nfs {
    description = "NFS from the app tasks"
    ingress {
      port = 2049
      from = app
    }
  }
}

file_system data {
  performance_mode      = general_purpose
  throughput_mode       = elastic
  transition_to_ia      = 30
  transition_to_primary = true
  subnets               = [main.a, main.b]
  security_groups       = [main.nfs]
  tags                  = { backup = "daily" }
  access_point uploads {
    path     = "/uploads"
    user     = { uid = 1000, gid = 1000, secondary_gids = [2000] }
    creation = { uid = 1000, gid = 1000, permissions = "750" }
  }
}

role app {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [
    {
      actions   = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
      resources = [data.arn],
    },
  ]
}

task web {
  cpu       = 0.5vcpu
  memory    = 1GiB
  task_role = app
  volumes   = [
    { name = "uploads", efs = { file_system = data, access_point = data.uploads } },
    { name = "shared", efs = { file_system = data, root_directory = "/shared", iam = true } },
    {
      name = "legacy",
      efs  = { file_system = "fs-0123456789abcdef0", access_point = "fsap-0123456789abcdef0" },
    },
  ]
  container app {
    image        = "public.ecr.aws/nginx/nginx:1.27"
    port         = 80
    mount_points = [
      { volume = "uploads", path = "/var/www/uploads" },
      { volume = "shared", path = "/srv/shared", read_only = true },
    ]
  }
}

cluster prod {
  service web {
    task             = web
    desired          = 2
    subnets          = [main.a, main.b]
    security_groups  = [main.app]
    platform_version = "1.4.0"
    public_ip        = true
  }
}

output file_system  = data.id
output access_point = data.uploads.arn
