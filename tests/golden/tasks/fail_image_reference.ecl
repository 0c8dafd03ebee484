// Image references are `[registry[:port]/]repository[:tag|@digest]`.
task api {
  cpu    = 2vcpu
  memory = 4GiB
  container upper { image = "MyOrg/api:1.0" }
  container empty_tag { image = "nginx:" }
  container bad_tag { image = "nginx:-rc1" }
  container short_digest { image = "nginx@sha256:abc123" }
  container md5 { image = "nginx@md5:0123456789abcdef0123456789abcdef" }
  container double_slash { image = "ghcr.io//acme/api" }
  container separators { image = "acme/api--v2_" }
  container bad_port { image = "registry.example.com:http/api" }
  container spaces { image = "my image" }
}
