// services.ecl: the cluster and its services. `api` and `worker` below are tasks declared in
// tasks.ecl; `private_subnets` is a let from network.ecl.

cluster apps {
  // Production keeps everything on regular Fargate; other environments prefer Spot.
  capacity           = is_prod ? [fargate, fargate_spot] : [fargate_spot, fargate]
  container_insights = is_prod

  service api {
    task            = api
    desired         = api_count
    subnets         = private_subnets
    security_groups = [net.api] // the security group `api` of vpc `net`

    deployment {
      min_healthy_percent = is_prod ? 100 : 50
      max_percent         = 200
    }
  }

  // No `capacity` and no `launch_type`: the service uses the cluster's first provider.
  service worker {
    task            = worker
    desired         = worker_count
    subnets         = private_subnets
    security_groups = [net.workers]
  }
}

output environment = env
output api_tasks   = api_count
output api_mib     = "${api_memory} MiB" // a memory value interpolates as its MiB count
output subnet_ids  = [net.private_a.id, net.private_b.id]
output cluster_arn = apps.arn
