// E3001: a subnet smaller than /28 (AWS allows /16 to /28).
stack shop { region = "us-east-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet app_a { cidr = "10.0.1.0/24"   zone = "us-east-1a" }
  subnet tiny  { cidr = "10.0.2.0/29"   zone = "us-east-1b" }
}
