// E3003: a /20 subnet swallows the /24 declared before it.
stack webapp { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet private_a { cidr = "10.0.16.0/24"  zone = "us-east-1a" }
  subnet private_b { cidr = cidrsubnet(main.cidr, 4, 1)  zone = "us-east-1b" }
  subnet private_c { cidr = "10.0.32.0/24"  zone = "us-east-1c" }
}
