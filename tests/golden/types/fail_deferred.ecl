// Deferred attributes (known only after deployment) where a compile-time value is needed.
vpc main {
  cidr = "10.0.0.0/16"
  subnet a {
    cidr = main.id
    zone = "us-east-1a"
  }
}
let sub   = cidrsubnet(main.id, 8, 0)
let same  = main.id == "vpc-123"
let label = "${main}"
output vpc = main
