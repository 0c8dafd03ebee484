file_system data {
  throughput_mode = elastic
  access_point uploads { path = "/" }
  
}

task api {
  cpu     = 0.25vcpu
  memory  = 512MiB
  volumes = [{ name = "d", efs = { file_system = data, access_point = data.uploads } }]
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}
