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
        // A gateway is attached to one VPC at a time: one attached to a new VPC is a new gateway,
        // so that the old VPC keeps its own until it is deleted (AWS refuses to detach a gateway
        // while the VPC has public addresses: its tasks').
        .renews = {"InternetGatewayId"},
        .remove = {{{"ec2",
                     "DetachInternetGateway",
                     {{"InternetGatewayId", "$request.InternetGatewayId"},
                      {"VpcId", "$request.VpcId"}},
                     {"Gateway.NotAttached", "InvalidInternetGatewayID.NotFound",
                      "InvalidVpcID.NotFound"},
                     "",
                     {"DependencyViolation"}}}},
        // Made beside the old one only with a new gateway: the same gateway and VPC are the same
        // attachment (one detached outside eclc is attached again, not detached after).
        .create_first = CreateFirst{.unique = {"InternetGatewayId"},
                                    .taken = "a gateway is attached to one VPC at a time"},
        .done = {"Resource.AlreadyAssociated"},
        .refresh = ec2_read("DescribeInternetGateways", "internet-gateway-id", "InternetGatewaySet",
                            "InternetGatewayId", "$request.InternetGatewayId",
                            {{"VpcId", "Attachments[0].VpcId", "detached outside eclc"}})}}};
  return d;
}

} // namespace ecl::resources
