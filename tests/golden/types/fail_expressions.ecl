// Operators, indexing, functions and division on wrong values.
let zones   = ["us-east-1a", "us-east-1b"]
let third   = zones[2]
let key     = { a = 1 }["b"]
let half    = 10 / 0
let rest    = 10 % 0
let mixed   = 1 + "a"
let notbool = !3
let cond    = 1 ? "a" : "b"
let sub     = cidrsubnet("10.0.0.0/16", 8, 256)
let host    = cidrhost("10.0.0.0/24", 300)
let arity   = join(",")
let joined  = join(",", [1, 2])
let small   = min()
let bigger  = max(1GiB, 2)
let len     = length(3)
let upperd  = upper(3)
let cat     = concat([1], 2)
