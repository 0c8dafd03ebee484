// Resource blocks need names; nested settings blocks take none.
vpc {
  cidr = "10.0.0.0/16"
}

task api {
  cpu    = 256
  memory = 512
  container app {
    image = "nginx"
    health_check probe {
      command = ["CMD", "true"]
    }
  }
}
