// Task cpu and memory must form a pair of the Fargate table.
task quarter {
  cpu    = 0.25vcpu
  memory = 4GiB
  container app { image = "nginx" }
}

task big {
  cpu    = 4vcpu
  memory = 31GiB
  container app { image = "nginx" }
}

task huge {
  cpu    = 8vcpu
  memory = 18GiB
  container app { image = "nginx" }
}

task odd {
  cpu    = 384
  memory = 1GiB
  container app { image = "nginx" }
}
