// E2017: a misspelt region; zones are not judged against it.
stack webapp { region = "us-eest-1" }

vpc main {
  cidr = "10.0.0.0/16"

  subnet private_a { cidr = "10.0.1.0/24"  zone = "us-east-1a" }
}
