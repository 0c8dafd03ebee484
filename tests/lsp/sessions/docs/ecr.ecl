repository api {
  name           = "shop/api"
  tag_mutability = immutable
  lifecycle      = [{ priority = 1, tag_status = untagged, count_type = since_image_pushed, count = 14 }]
  
}

task web {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "${api.uri}:1.4" }
}
