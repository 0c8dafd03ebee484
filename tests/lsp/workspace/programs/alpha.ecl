// One of two standalone programs in this folder: each declares its stack, so each file is a
// program of its own and `main` below is not a duplicate of beta.ecl's.
stack alpha { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"
  subnet a { cidr = cidrsubnet(main.cidr, 8, 0)  zone = "us-east-1a" }
}

output subnet_cidr = main.a.cidr
