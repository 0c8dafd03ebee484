// An internet gateway (its attachment to the VPC is gateway_attachment.cpp).
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateInternetGateway.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_internet_gateway() {
  static const Descriptor d{
      "ec2/internet_gateway",
      "AWS::EC2::InternetGateway",
      {{.service = "ec2",
        .name = "CreateInternetGateway",
        .outputs = {{"id", "InternetGateway.InternetGatewayId"}},
        .remove = {{{"ec2",
                     "DeleteInternetGateway",
                     {{"InternetGatewayId", "$output.id"}},
                     {"InvalidInternetGatewayID.NotFound"}}}},
        .create_first = CreateFirst{}, // its attachment goes first where a VPC would take two
        .lookup = tagged("DescribeInternetGateways", "InternetGatewaySet", "InternetGateway"),
        .tags = {TagStyle::Ec2, "$output.id", "internet-gateway"},
        .refresh = ec2_read("DescribeInternetGateways", "internet-gateway-id", "InternetGatewaySet",
                            "InternetGatewayId", "$output.id")}},
      {{"internet_gateway", "id", "", "CreateInternetGateway", "id", "", "", true}}};
  return d;
}

} // namespace ecl::resources
