// Linux capabilities Fargate refuses to add: all but `sys_ptrace` (E3115). Dropping is allowed,
// and an EC2 task adds what it needs.
stack shop { region = "us-east-1" }

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container web {
    image        = "public.ecr.aws/nginx/nginx:1.27"
    capabilities = { add = [net_admin, sys_ptrace], drop = [all] }
  }
}

task on_ec2 {
  compatibilities = [ec2]
  network_mode    = bridge
  memory          = 512MiB
  container web {
    image        = "public.ecr.aws/nginx/nginx:1.27"
    capabilities = { add = [net_admin] }
  }
}
