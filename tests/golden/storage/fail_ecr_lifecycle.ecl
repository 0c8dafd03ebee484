// Lifecycle policies ECR refuses: two rules of one priority (E3153), tag selections (E3154), and an
// `any` rule before another (E3155).
stack shop {
  region = "us-east-1"
}

repository api {
  name      = "shop/api"
  lifecycle = [
    { priority = 1, tag_status = tagged, count_type = image_count_more_than, count = 5 },
    {
      priority     = 1,
      tag_status   = untagged,
      tag_prefixes = ["v"],
      count_type   = since_image_pushed,
      count        = 3,
    },
    {
      priority     = 2,
      tag_status   = tagged,
      tag_prefixes = ["v"],
      tag_patterns = ["v*"],
      count_type   = image_count_more_than,
      count        = 5,
    },
    {
      priority     = 3,
      tag_status   = tagged,
      tag_patterns = ["*a*b*c*d*e"],
      count_type   = image_count_more_than,
      count        = 5,
    },
    { priority = 4, tag_status = any, count_type = image_count_more_than, count = 50 },
    { priority = 5, tag_status = untagged, count_type = since_image_pushed, count = 30 },
  ]
}
