// The other standalone program of this folder.
stack beta { region = "us-east-1" }

vpc main {
  cidr = "10.1.0.0/16"
  subnet a { cidr = cidrsubnet(main.cidr, 8, 0)  zone = "us-east-1b" }
}
