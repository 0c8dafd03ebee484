// An ingress rule of a security group. Its tags change in place on its id (a rule replaced to
// change them would leave a moment without it); an entry that has no id recorded (written
// before it was, imported, or its answer lost) still changes them by replacing the rule.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_security_group_ingress() {
  static const Descriptor d{
      "ec2/security_group_ingress",
      "AWS::EC2::SecurityGroupIngress",
      {{.service = "ec2",
        .name = "AuthorizeSecurityGroupIngress",
        .outputs = {{"rule_id", "SecurityGroupRules[0].SecurityGroupRuleId", true}},
        .remove = {{{"ec2",
                     "RevokeSecurityGroupIngress",
                     {{"GroupId", "$request.GroupId"}, {"IpPermissions", "$request.IpPermissions"}},
                     {"InvalidPermission.NotFound", "InvalidGroup.NotFound"}}}},
        // A rule of a new group; a changed rule of the same group is revoked first (AWS compares
        // rules without their descriptions).
        .create_first = CreateFirst{{"GroupId"}},
        .tags = {TagStyle::Ec2, "$output.rule_id", "security-group-rule"},
        .done = {"InvalidPermission.Duplicate"},
        .refresh =
            ec2_read("DescribeSecurityGroups", "group-id", "SecurityGroupInfo", "GroupId",
                     "$request.GroupId",
                     {{"IpPermissions", "IpPermissions", "rule deleted outside eclc", true}})}}};
  return d;
}

} // namespace ecl::resources
