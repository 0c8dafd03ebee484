// A statement allowing every action on every resource: full administrator access (W0012); a
// deny of `*` on `*` is not reported.
role admin {
  assumed_by = ["ecs-tasks.amazonaws.com"]
  statements = [
    { actions = ["*"], resources = ["*"] },
    { effect = deny, actions = ["*"], resources = ["*"] },
  ]
}

task api {
  cpu                  = 0.25vcpu
  memory               = 512MiB
  execution_statements = [{ actions = ["*"], resources = ["*"] }]
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}
