// An Elastic IP, a NAT gateway's public address.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AllocateAddress.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_eip() {
  static const Descriptor d{
      "ec2/eip",
      "AWS::EC2::EIP",
      {{.service = "ec2",
        .name = "AllocateAddress",
        .outputs = {{"allocation_id", "AllocationId"}, {"public_ip", "PublicIp"}},
        .remove = {{{"ec2",
                     "ReleaseAddress",
                     {{"AllocationId", "$output.allocation_id"}},
                     {"InvalidAllocationID.NotFound"}}}},
        .create_first = CreateFirst{},
        .lookup = tagged("DescribeAddresses", "AddressesSet", ""),
        .tags = {TagStyle::Ec2, "$output.allocation_id", "elastic-ip"},
        .refresh = ec2_read("DescribeAddresses", "allocation-id", "AddressesSet", "AllocationId",
                            "$output.allocation_id")}},
      {{"nat_gateway", "public_ip", "eip", "AllocateAddress", "public_ip", "Eip", "PublicIp"}}};
  return d;
}

} // namespace ecl::resources
