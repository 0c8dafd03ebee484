// A security group, and the revocation of the allow-all egress rule a new group has (when the
// group has egress rules of its own).
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_security_group() {
  static const Descriptor d{
      "ec2/security_group",
      "AWS::EC2::SecurityGroup",
      {{.service = "ec2",
        .name = "CreateSecurityGroup",
        .outputs = {{"id", "GroupId"}},
        .remove = {{{"ec2",
                     "DeleteSecurityGroup",
                     {{"GroupId", "$output.id"}},
                     {"InvalidGroup.NotFound"},
                     "",
                     {"DependencyViolation"}}}},
        // Names are unique in a VPC: beside the old one, a made name takes another.
        .create_first = CreateFirst{{"VpcId", "GroupName"}, "GroupName", 255},
        .lookup = tagged("DescribeSecurityGroups", "SecurityGroupInfo", ""),
        .tags = {TagStyle::Ec2, "$output.id", "security-group"},
        .done = {"InvalidGroup.Duplicate"},
        .refresh = ec2_read("DescribeSecurityGroups", "group-id", "SecurityGroupInfo", "GroupId",
                            "$output.id")},
       {.service = "ec2",
        .name = "RevokeSecurityGroupEgress",
        .create_first = CreateFirst{{"GroupId"}},
        .done = {"InvalidPermission.NotFound"}}},
      {{"security_group", "id", "", "CreateSecurityGroup", "id", "", "GroupId", true}}};
  return d;
}

} // namespace ecl::resources
