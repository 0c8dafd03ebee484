// A VPC: CreateVpc, its DNS attributes (ModifyVpcAttribute), and the read of its default security
// group. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpc.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_vpc() {
  static const Descriptor d{
      "ec2/vpc",
      "AWS::EC2::VPC",
      {{.service = "ec2",
        .name = "CreateVpc",
        .outputs = {{"id", "Vpc.VpcId"}},
        .remove = {{{"ec2",
                     "DeleteVpc",
                     {{"VpcId", "$output.id"}},
                     {"InvalidVpcID.NotFound"},
                     "",
                     {"DependencyViolation"}}}},
        // Two VPCs may have the same CIDR block: what is in the old one moves to the new one.
        .create_first = CreateFirst{},
        .lookup = tagged("DescribeVpcs", "VpcSet", "Vpc"),
        .tags = {TagStyle::Ec2, "$output.id", "vpc"},
        .refresh = ec2_read("DescribeVpcs", "vpc-id", "VpcSet", "VpcId", "$output.id")},
       {.service = "ec2", .name = "ModifyVpcAttribute", .on_change = OnChange::Repeat},
       {.service = "ec2",
        .name = "DescribeSecurityGroups",
        .outputs = {{"default_security_group", "SecurityGroups[0].GroupId"}}}},
      {{"vpc", "id", "", "CreateVpc", "id", "", "", true},
       {"vpc", "default_security_group", "default-security-group", "DescribeSecurityGroups",
        "default_security_group", "", "DefaultSecurityGroup"}}};
  return d;
}

} // namespace ecl::resources
