param size: int
param name: string = "m"
param source: string = "never given"

// A service at a module's top level must name its cluster.
service orphan {
  task = t
}

output size_out = size
