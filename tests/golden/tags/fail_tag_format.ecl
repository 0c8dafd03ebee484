// E3060: AWS keeps the `aws:` prefix for its own tags (in any case), and eclc keeps `ecl:path`.
stack shop {
  region = "us-east-1"
  tags   = { "aws:owner" = "me", team = "web" }
}

vpc main {
  cidr = "10.0.0.0/16"
  tags = { "AWS:cost" = "1", "ecl:path" = "x" }
}
