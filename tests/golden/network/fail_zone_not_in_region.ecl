// E3004: a zone of another region. The Local Zone `us-east-1-bos-1a` belongs to us-east-1.
stack webapp { region = "us-east-1" }

let zones = ["us-east-1a", "eu-west-1b"]

vpc main {
  cidr = "10.0.0.0/16"

  subnet private_a { cidr = "10.0.1.0/24"  zone = zones[0] }
  subnet private_b { cidr = "10.0.2.0/24"  zone = zones[1] }
  subnet edge      { cidr = "10.0.3.0/24"  zone = "us-east-1-bos-1a" }
  subnet private_c { cidr = "10.0.4.0/24"  zone = "us-east-10a" }
}
