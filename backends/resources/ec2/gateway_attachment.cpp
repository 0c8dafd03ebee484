// An internet gateway's attachment to its VPC.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AttachInternetGateway.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_gateway_attachment() {
  static const Descriptor d{
      "ec2/gateway_attachment",
      "AWS::EC2::VPCGatewayAttachment",
      {{.service = "ec2",
        .name = "AttachInternetGateway",
        .remove = {{{"ec2",
                     "DetachInternetGateway",
                     {{"InternetGatewayId", "$request.InternetGatewayId"},
                      {"VpcId", "$request.VpcId"}},
                     {"Gateway.NotAttached", "InvalidInternetGatewayID.NotFound",
                      "InvalidVpcID.NotFound"},
                     "",
                     {"DependencyViolation"}}}},
        .deleted_first = "a VPC takes one internet gateway",
        .done = {"Resource.AlreadyAssociated"},
        .refresh = ec2_read("DescribeInternetGateways", "internet-gateway-id", "InternetGatewaySet",
                            "InternetGatewayId", "$request.InternetGatewayId",
                            {{"VpcId", "Attachments[0].VpcId", "detached outside eclc"}})}}};
  return d;
}

} // namespace ecl::resources
