// Namespace names Cloud Map refuses: an ARN-like HTTP name, a space, and in a VPC (a private DNS
// namespace) a label longer than 63 characters.
stack shop {
  region = "us-east-1"
}

vpc main {
  cidr = "10.0.0.0/16"
  namespace local {
    name = "a-very-long-label-that-goes-on-and-on-well-past-the-sixty-three-limit.local"
  }
}

namespace arn {
  name = "arn:internal"
}

namespace spaced {
  name = "my namespace"
}
