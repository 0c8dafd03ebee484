// EFS on moto: a file system with its lifecycle policy and a mount target in each of two zones,
// an access point, and a Fargate service whose task mounts both (tests/apply/efs_test.py also
// changes them in place, replaces the access point and destroys everything). No `arn` of theirs
// is named: moto's CloudFormation has no Fn::GetAtt of AWS::EFS resources (cfn_deploy).
stack efs {
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
      resources = ["arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/*"],
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
output access_point = data.uploads.id
