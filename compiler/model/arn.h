// An Amazon Resource Name, `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, split into its parts:
// the one reading of ARNs for every rule that checks one (listener certificates, container
// secrets, IAM resources, principals and managed policies, resources made elsewhere) and for the
// backends.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
#pragma once

#include <optional>
#include <string_view>

namespace ecl::model {

struct Arn {
  std::string_view partition; // `aws`, `aws-cn`, `aws-us-gov`
  std::string_view service;   // `iam`, `secretsmanager`, `elasticloadbalancing`
  std::string_view region;    // empty for a global service (IAM, S3)
  std::string_view account;   // empty for an S3 bucket, `aws` for an AWS managed policy
  std::string_view resource;  // the rest, `:` and `/` and all: `secret:db-AbCdEf:user::`

  // `text` split at its first five colons (views into it) when it starts with `arn:`; the parts
  // past its end are empty (well_formed() is false then). nullopt for any other text.
  static std::optional<Arn> parse(std::string_view text);

  // All six parts, a partition of AWS's, a service and a resource: what IAM takes for an ARN.
  bool well_formed() const;
  // The account is an account ID, 12 digits.
  bool has_account_id() const;
  // The resource's type, before its first `/` or `:` (`role` of `role/teams/app`, `secret` of
  // `secret:db-AbCdEf`), and what comes after that separator (`teams/app`, `db-AbCdEf`).
  std::string_view resource_type() const;
  std::string_view resource_id() const;
};

// `us-east-1`, `cn-north-1`, `us-gov-west-1`: two letters, words and a number joined by `-`.
bool is_region(std::string_view text);

} // namespace ecl::model
