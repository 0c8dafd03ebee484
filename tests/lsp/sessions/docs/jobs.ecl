task report {
  container main { image = "public.ecr.aws/docker/library/busybox:1.36" }
}

cluster batch {
  job nightly {
    task     = report
    schedule = "rate(1 day)"
    
  }
}
