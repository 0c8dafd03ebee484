// The one ARN parser (model/arn.h) that the certificate, secret, IAM and `existing` rules and the
// backends read ARNs with.
#include "compiler/model/arn.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace ecl::model {
namespace {

// "partition|service|region|account|resource well-formed?" or "none".
std::string parts(std::string_view text) {
  const std::optional<Arn> arn = Arn::parse(text);
  if (!arn) {
    return "none";
  }
  return fmt::format("{}|{}|{}|{}|{} {}", arn->partition, arn->service, arn->region, arn->account,
                     arn->resource, arn->well_formed() ? "ok" : "bad");
}

TEST(Arn, Partitions) {
  EXPECT_EQ(parts("arn:aws:ecs:us-east-1:123456789012:cluster/app"),
            "aws|ecs|us-east-1|123456789012|cluster/app ok");
  EXPECT_EQ(parts("arn:aws-cn:ecs:cn-north-1:123456789012:cluster/app"),
            "aws-cn|ecs|cn-north-1|123456789012|cluster/app ok");
  EXPECT_EQ(parts("arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/0b1c"),
            "aws-us-gov|acm|us-gov-west-1|123456789012|certificate/0b1c ok");
  EXPECT_EQ(parts("arn:gcp:ecs:us-east-1:123456789012:cluster/app"),
            "gcp|ecs|us-east-1|123456789012|cluster/app bad");
  EXPECT_EQ(parts("arn:aws-:ecs:us-east-1:123456789012:cluster/app"),
            "aws-|ecs|us-east-1|123456789012|cluster/app bad");
}

TEST(Arn, GlobalServicesHaveNoRegion) {
  const std::optional<Arn> role = Arn::parse("arn:aws:iam::123456789012:role/service-role/app");
  ASSERT_TRUE(role);
  EXPECT_TRUE(role->well_formed());
  EXPECT_EQ(role->region, "");
  EXPECT_TRUE(role->has_account_id());
  EXPECT_EQ(role->resource_type(), "role");
  EXPECT_EQ(role->resource_id(), "service-role/app"); // a path before the name
  const std::optional<Arn> managed = Arn::parse("arn:aws:iam::aws:policy/ReadOnlyAccess");
  ASSERT_TRUE(managed);
  EXPECT_FALSE(managed->has_account_id()); // `aws`: AWS's own
  EXPECT_EQ(parts("arn:aws:s3:::bucket/*"), "aws|s3|||bucket/* ok");
}

TEST(Arn, ResourcesKeepTheirColonsAndSlashes) {
  const std::optional<Arn> secret =
      Arn::parse("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:user::");
  ASSERT_TRUE(secret);
  EXPECT_EQ(secret->resource, "secret:db-AbCdEf:user::");
  EXPECT_EQ(secret->resource_type(), "secret");
  EXPECT_EQ(secret->resource_id(), "db-AbCdEf:user::");
  EXPECT_EQ(parts("arn:aws:s3:::bucket/${aws:username}/*"), "aws|s3|||bucket/${aws:username}/* ok");
  const std::optional<Arn> bare = Arn::parse("arn:aws:sns:us-east-1:123456789012:topic");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->resource_type(), "topic");
  EXPECT_EQ(bare->resource_id(), "");
}

TEST(Arn, MissingPartsAreEmptyAndNotWellFormed) {
  EXPECT_EQ(parts("vpc-0abc1234"), "none");
  EXPECT_EQ(parts("ARN:aws:s3:::b"), "none");
  EXPECT_EQ(parts("arn:"), "|||| bad");
  // The account dropped with its colon: what is left shifts into it, and there is no resource.
  EXPECT_EQ(parts("arn:aws:ssm:us-east-1:parameter/app/key"),
            "aws|ssm|us-east-1|parameter/app/key| bad");
  EXPECT_EQ(parts("arn:aws:s3:::"), "aws|s3||| bad");
  EXPECT_EQ(parts("arn:aws::us-east-1:123456789012:x"), "aws||us-east-1|123456789012|x bad");
  EXPECT_FALSE(Arn::parse("arn:aws:iam::12345678901:root")->has_account_id());
  EXPECT_FALSE(Arn::parse("arn:aws:iam::12345678901a:root")->has_account_id());
}

TEST(Arn, Regions) {
  for (std::string_view yes : {"us-east-1", "eu-central-2", "cn-north-1", "us-gov-west-1",
                               "ap-southeast-4", "il-central-1"}) {
    EXPECT_TRUE(is_region(yes)) << yes;
  }
  for (std::string_view no : {"", "us", "us-1", "us-east", "us-east-", "us-east-1a", "US-east-1",
                              "use-east-1", "us--east-1", "us-east-1-"}) {
    EXPECT_FALSE(is_region(no)) << no;
  }
}

} // namespace
} // namespace ecl::model
