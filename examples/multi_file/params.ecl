// params.ecl: the knobs of the program, and the values derived from them.
//
// This directory is ONE program: `eclc check examples/multi_file` reads every `.ecl` file in it
// (in name order) into a single namespace, so a name declared in one file is visible in all the
// others, and the order of declarations does not matter.
//
// Every param has a default here, so the program checks as is; override any of them with `-p`:
//   eclc check examples/multi_file -p env=prod -p desired=4
//   eclc check examples/multi_file -p api_memory=3GiB
//   eclc check examples/multi_file -p 'zones=["us-west-2a", "us-west-2c"]'
// A string param takes the text as it is; other types are written as ECL literals.

param env:        string       = "staging"
param desired:    int          = 2
param api_memory: memory       = 1GiB
param zones:      list<string> = ["us-west-2a", "us-west-2b"]
param vpc_cidr:   cidr         = "10.40.0.0/16"

// ---- Derived values ---------------------------------------------------------------------------

let is_prod = env == "prod"

// `lower` and interpolation: "shop-staging". Used as a prefix for names and log groups.
let prefix = lower("Shop-${env}")

// Fargate takes 1 to 4 GiB with 0.5 vCPU and 2 to 8 GiB with 1 vCPU: pick the CPU from the
// memory. Quantities of one unit compare with each other (`4GiB` is `4096MiB`).
let api_cpu = api_memory > 4GiB ? 1vcpu : 0.5vcpu

// Production runs at least three copies; elsewhere as many as asked.
let api_count = is_prod ? max(desired, 3) : desired

// Production runs the released image; other environments the release candidate.
let api_version = is_prod ? "1.8.0" : "1.9.0-rc.2"

// Never more workers than zones, at least one.
let worker_count = max(1, min(desired, length(zones)))

// One stack for the whole program; it may live in any of its files.
stack shop {
  region      = "us-west-2"
  description = "Shop API and workers (${upper(env)})"
  tags        = { env = env, service = "shop", owner = "team-commerce" }
}
