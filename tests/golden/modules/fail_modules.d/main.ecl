stack shop {
  region = "us-east-1"
}

cluster prod {
  module inside {
    source = "./modules/m"
  }
}

module no_source {}

module computed {
  source = "./modules/${"m"}"
}

module missing_dir {
  source = "./modules/nowhere"
}

module empty {
  source = "./empty"
}

module with_stack {
  source = "./modules/with_stack"
}

module m {
  source = "./modules/m"
  sise   = 3
}

task m2 {
  cpu    = 0.25vcpu
  memory = 512MiB
  container c {
    image = m
  }
}

output wrong   = m.nothing
output as_name = m
