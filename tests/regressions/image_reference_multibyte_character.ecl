// expect: E3110
// fuzz_plan: E3110 quoted one byte of a multi-byte character (`contains `\xda``), and the JSON
// rendering of the diagnostics threw on the cut UTF-8 sequence, so `eclc check --format json` and
// the language server died. The message now quotes the whole character.
task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app { image = "café/api:1.0" }
  container tag { image = "nginx:1.0-ß" }
}
