vpc main {
  cidr = "10.0.0.0/16"
  internet_gateway a {}
  internet_gateway b {}
}

task api {
  cpu    = 256
  memory = 512
  container app {
    image = "nginx"
    health_check { command = ["CMD", "true"] }
    health_check { command = ["CMD", "false"] }
  }
}
