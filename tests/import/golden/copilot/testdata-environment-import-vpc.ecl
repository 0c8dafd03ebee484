// Imported by `eclc import copilot` from the Copilot application `app`, environment `test`.
// Copilot's region comes from the AWS profile it ran with: set the stack's `region`.

stack app_test {
  region = "us-east-1"
}

vpc main {
  existing = "mock-vpc-id"
  // TODO: the CIDRs and zones of the imported VPC and its subnets is not carried over: the
  //   manifest does not say them, and ECL's rules check against them: write each `cidr` and
  //   `zone` (`aws ec2 describe-subnets`)
  subnet public_a {
    existing = "mock-subnet-id-1"
  }
  subnet public_b {
    existing = "mock-subnet-id-2"
  }
  subnet private_a {
    existing = "mock-subnet-id-3"
  }
  subnet private_b {
    existing = "mock-subnet-id-4"
  }
  security_group tasks {
    description = "Copilot environment test, application app"
    ingress {
      protocol = all
      from     = tasks
    }
  }
}

cluster app_test {
  container_insights = true
}
