param vpc:  vpc
param port: int

target_group tg {
  vpc          = vpc
  port         = port
  health_check = "/"
}

output group = tg
