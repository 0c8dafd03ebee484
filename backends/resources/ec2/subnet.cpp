// A subnet: CreateSubnet, and public IPs on launch (ModifySubnetAttribute).
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_subnet() {
  static const Descriptor d{
      "ec2/subnet",
      "AWS::EC2::Subnet",
      {{.service = "ec2",
        .name = "CreateSubnet",
        .outputs = {{"id", "Subnet.SubnetId"}, {"zone_id", "Subnet.AvailabilityZoneId"}},
        .replace_reasons = {{"CidrBlock", "a subnet's CIDR block cannot change in place ({})"}},
        .remove = {{{"ec2",
                     "DeleteSubnet",
                     {{"SubnetId", "$output.id"}},
                     {"InvalidSubnetID.NotFound"},
                     "",
                     {"DependencyViolation"}}}},
        .create_first = CreateFirst{.unique = {"VpcId"},
                                    .taken = "its CIDR block may be the old one's or overlap it"},
        .lookup = tagged("DescribeSubnets", "SubnetSet", "Subnet"),
        .tags = {TagStyle::Ec2, "$output.id", "subnet"},
        .refresh = ec2_read("DescribeSubnets", "subnet-id", "SubnetSet", "SubnetId", "$output.id")},
       {.service = "ec2",
        .name = "ModifySubnetAttribute",
        .on_change = OnChange::Repeat,
        .refresh =
            ec2_read("DescribeSubnets", "subnet-id", "SubnetSet", "SubnetId", "$request.SubnetId",
                     {{"MapPublicIpOnLaunch.Value", "MapPublicIpOnLaunch"}})}},
      {{"subnet", "id", "", "CreateSubnet", "id", "", "", true},
       {"subnet", "zone_id", "", "CreateSubnet", "zone_id", "", "AvailabilityZoneId"}}};
  return d;
}

} // namespace ecl::resources
