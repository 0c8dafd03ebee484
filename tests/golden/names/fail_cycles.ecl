let a = b + 1
let b = c * 2
let c = a

vpc x { cidr = y.cidr }
vpc y { cidr = x.cidr }
