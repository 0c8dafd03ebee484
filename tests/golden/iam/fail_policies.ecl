// Malformed policies: actions, resources, managed policy ARNs, principals, names and paths.
role bad {
  name             = "shop role"
  path             = "shop"
  assumed_by       = ["ecs-tasks", "ecs-tasks.amazonaws.com"]
  managed_policies = ["ReadOnlyAccess", "arn:aws:iam::aws:role/x"]
  statements = [
    { actions = ["GetObject", "s3:", "s3:Get*"], resources = ["my-bucket", "*"] },
    { actions = [], resources = ["*"] },
  ]
}

role nobody {
  assumed_by = []
}
