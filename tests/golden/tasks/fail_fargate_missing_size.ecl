// A Fargate task needs task-level cpu and memory: one error for each missing one.
task api {
  container app { image = "public.ecr.aws/nginx/nginx:1.27"  memory = 512MiB }
}

task worker {
  compatibilities = [fargate]
  cpu             = 1vcpu
  container job { image = "busybox"  memory = 256MiB }
}
