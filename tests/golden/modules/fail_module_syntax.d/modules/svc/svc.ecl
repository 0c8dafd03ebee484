param cluster: cluster
param image: string

task app {{
  cpu    = 256
  memory = 512MiB
  container app { image = image }
}

output family = "app"
