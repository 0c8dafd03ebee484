// An egress rule of a security group; its tags change as an ingress rule's.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupEgress.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_security_group_egress() {
  static const Descriptor d{
      "ec2/security_group_egress",
      "AWS::EC2::SecurityGroupEgress",
      {{.service = "ec2",
        .name = "AuthorizeSecurityGroupEgress",
        .outputs = {{"rule_id", "SecurityGroupRules[0].SecurityGroupRuleId", true}},
        .remove = {{{"ec2",
                     "RevokeSecurityGroupEgress",
                     {{"GroupId", "$request.GroupId"}, {"IpPermissions", "$request.IpPermissions"}},
                     {"InvalidPermission.NotFound", "InvalidGroup.NotFound"}}}},
        .create_first = CreateFirst{{"GroupId"}}, // as an ingress rule's
        .tags = {TagStyle::Ec2, "$output.rule_id", "security-group-rule"},
        .done = {"InvalidPermission.Duplicate"},
        .refresh = ec2_read(
            "DescribeSecurityGroups", "group-id", "SecurityGroupInfo", "GroupId",
            "$request.GroupId",
            {{"IpPermissions", "IpPermissionsEgress", "rule deleted outside eclc", true}})}}};
  return d;
}

} // namespace ecl::resources
