// E1014: `app.uri` inside `task app { container app { … } }` finds the container `app` (the
// nearest scope wins), which has no `uri`; the message names the `repository app` it hides.
// `registry.uri` resolves as usual, and `app.nothing`, which no `app` has, is reported plainly.
stack s { region = "us-east-1" }

repository app { name = "shop/app" }
repository registry { name = "shop/registry" }

task app {
  cpu    = 256
  memory = 512
  container app {
    image = "${app.uri}:1.0"
  }
  container sidecar {
    image = "${registry.uri}:1.0"
    environment = { FAMILY = web.family, X = app.nothing }
  }
}

task web {
  cpu    = 256
  memory = 512
  container web { image = "public.ecr.aws/nginx/nginx:1.27" }
}
