// A VPC endpoint: deleted after DeleteVpcEndpoints answered, which its subnets and groups wait for.
// DeleteVpcEndpoints answers success and lists the endpoints it could not delete, with the error
// of each (InvalidVpcEndpoint.NotFound for one that is gone).
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpcEndpoints.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_vpc_endpoint() {
  static const Codes gone = {"InvalidVpcEndpointId.NotFound"};
  static const json ids = {{"VpcEndpointIds", json::array({"$output.id"})}};
  static const Descriptor d{
      "ec2/vpc_endpoint",
      "AWS::EC2::VPCEndpoint",
      {{.service = "ec2",
        .name = "CreateVpcEndpoint",
        .outputs = {{"id", "VpcEndpoint.VpcEndpointId"}},
        .remove = {{{"ec2",
                     "DeleteVpcEndpoints",
                     ids,
                     {"InvalidVpcEndpointId.NotFound", "InvalidVpcEndpoint.NotFound"},
                     "Unsuccessful"},
                    Waiter{.what = "VPC endpoint {} to be deleted",
                           .subject = "$output.id",
                           .probe = {"ec2", "DescribeVpcEndpoints", ids, gone},
                           .status = "VpcEndpointSet[0].State",
                           .done = {"deleted", "gone"}}}},
        .create_first =
            CreateFirst{.unique = {"VpcId", "ServiceName"},
                        .taken = "a VPC takes one endpoint of a service with private DNS"},
        .lookup = tagged("DescribeVpcEndpoints", "VpcEndpointSet", "VpcEndpoint"),
        .tags = {TagStyle::Ec2, "$output.id", "vpc-endpoint"},
        .client_token = "ClientToken",
        // By ids (moto knows no `vpc-endpoint-id` filter): an id that is gone fails the read,
        // and each is then read alone.
        .refresh = Refresh{.read = {"ec2",
                                    "DescribeVpcEndpoints",
                                    {{"VpcEndpointIds", "$ids"}},
                                    {"InvalidVpcEndpointId.NotFound"}},
                           .subject = "$output.id",
                           .items = "VpcEndpointSet",
                           .id = "VpcEndpointId",
                           .status = "State",
                           .gone_status = {"deleting", "deleted", "failed", "rejected"},
                           .next_token = "NextToken",
                           .batch = 200}}},
      {{"endpoint", "id", "", "CreateVpcEndpoint", "id", "", "", true}}};
  return d;
}

} // namespace ecl::resources
