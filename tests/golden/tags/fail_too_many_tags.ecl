// E3061: a resource carries the stack's tags, its block's and eclc's `ecl:path`: at most 50 in
// all. The VPC has 40 + 15 + 1; the subnet, with one of its own, 42.
stack shop {
  region = "us-east-1"
  tags   = { k0 = "v", k1 = "v", k2 = "v", k3 = "v", k4 = "v", k5 = "v", k6 = "v", k7 = "v", k8 = "v", k9 = "v", k10 = "v", k11 = "v", k12 = "v", k13 = "v", k14 = "v", k15 = "v", k16 = "v", k17 = "v", k18 = "v", k19 = "v", k20 = "v", k21 = "v", k22 = "v", k23 = "v", k24 = "v", k25 = "v", k26 = "v", k27 = "v", k28 = "v", k29 = "v", k30 = "v", k31 = "v", k32 = "v", k33 = "v", k34 = "v", k35 = "v", k36 = "v", k37 = "v", k38 = "v", k39 = "v" }
}

vpc main {
  cidr = "10.0.0.0/16"
  tags = { own0 = "v", own1 = "v", own2 = "v", own3 = "v", own4 = "v", own5 = "v", own6 = "v", own7 = "v", own8 = "v", own9 = "v", own10 = "v", own11 = "v", own12 = "v", own13 = "v", own14 = "v" }
  subnet a {
    cidr = "10.0.0.0/24"
    zone = "us-east-1a"
    tags = { k0 = "mine" }
  }
}
