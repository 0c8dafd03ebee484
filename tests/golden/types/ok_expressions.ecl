// Folding: arithmetic, comparisons, conditionals, interpolation and every built-in function.
param env: string = "prod"

let zones   = ["us-east-1a", "us-east-1b"]
let count   = length(zones) * 2 + 1
let is_prod = env == "prod" && count >= 5 || false
let name    = "${upper(env)}-${lower("API")}-${count}"
let all     = concat(zones, ["us-east-1c"])
let csv     = join(",", all)
let small   = min(512MiB, 1GiB)
let big     = max([1, 5, 3])
let half    = 7 / 2
let exact   = 8 / 2
let mod     = 7 % 3
let neg     = -count
let not     = !is_prod
let pick    = is_prod ? "warn" : "debug"
let nested  = "${"inner ${env}"}"
let first   = cidrsubnet("10.0.0.0/16", 8, 3)
let host    = cidrhost(first, -2)
let object  = { "Name" = name, team = "web" }
let team    = object.team
let byindex = object["Name"]

output summary = "${name} ${csv} ${small} ${big} ${half} ${exact} ${mod} ${neg} ${not} ${pick} ${nested} ${host} ${team} ${byindex}"
