// Two revisions of one task family, as AWS's samples ship them (`_fargate` and `_ec2`): both log
// to the one group `/ecs/web`, which the first creates (AWS refuses a second group of one name).
task web_fargate {
  family        = "web"
  cpu           = 0.25vcpu
  memory        = 512MiB
  log_retention = 14

  container app {
    image = "public.ecr.aws/nginx/nginx:1.27"
    port  = 80
  }
}

task web_ec2 {
  family          = "web"
  compatibilities = [ec2]
  network_mode    = bridge

  container app {
    image  = "public.ecr.aws/nginx/nginx:1.27"
    memory = 256MiB
    ports  = [{ container = 80 }]
  }
}
