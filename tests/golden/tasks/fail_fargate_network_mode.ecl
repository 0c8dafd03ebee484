// Fargate tasks need awsvpc networking; compatibilities defaults to [fargate].
task api {
  cpu          = 0.25vcpu
  memory       = 512MiB
  network_mode = bridge
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  port = 80 }
}

task batch {
  compatibilities = [ec2, fargate]
  cpu             = 256
  memory          = 512MiB
  network_mode    = host
  container job { image = "busybox" }
}
