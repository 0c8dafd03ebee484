// EFS volumes ECS refuses: an access point of another file system (E3140), an access point and
// IAM authorization without transit encryption (E3141), a volume that is also a host path, a
// root directory beside an access point and a relative one, a file system and an access point
// made elsewhere named otherwise than by their IDs (E3147).
stack shop {
  region = "us-east-1"
}

file_system data {
  access_point app {
    path     = "/app"
    creation = { uid = 1000, gid = 1000, permissions = "755" }
  }
}

file_system logs {}

task web {
  cpu             = 0.25vcpu
  memory          = 512MiB
  compatibilities = [ec2]
  network_mode    = bridge
  volumes         = [
    { name = "other", efs = { file_system = logs, access_point = data.app } },
    {
      name = "plain",
      efs  = { file_system = data, access_point = data.app, transit_encryption = false },
    },
    { name = "iam", efs = { file_system = data, iam = true, transit_encryption = false } },
    { name = "both", host_path = "/mnt/data", efs = data },
    {
      name = "rooted",
      efs  = { file_system = data, access_point = data.app, root_directory = "/app" },
    },
    { name = "relative", efs = { file_system = data, root_directory = "shared" } },
    {
      name = "arn",
      efs  = {
        file_system  = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0",
        access_point = "fsap-xyz",
      },
    },
  ]
  container app {
    image  = "public.ecr.aws/nginx/nginx:1.27"
    memory = 256MiB
  }
}
