// File system and access point settings EFS refuses: a lifecycle period it does not offer,
// provisioned throughput without its mode and the mode without it, elastic throughput in max I/O
// mode, a key with `encrypted = false` (E3146); a relative access point path and permissions that
// are not octal (E3148).
stack shop {
  region = "us-east-1"
}

file_system a {
  transition_to_ia       = 45
  provisioned_throughput = 100
  throughput_mode        = elastic
  performance_mode       = max_io
}

file_system b {
  throughput_mode = provisioned
  encrypted       = false
  kms_key         = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  access_point app {
    path     = "app"
    creation = { uid = 1000, gid = 1000, permissions = "rwx" }
  }
}
