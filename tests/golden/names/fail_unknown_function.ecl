vpc main {
  cidr = cidrsubnets("10.0.0.0/8", 8, 0)
}
let name = format("%s-api", "web")
