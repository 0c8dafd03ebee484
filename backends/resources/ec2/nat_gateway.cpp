// A NAT gateway: `pending` for minutes after CreateNatGateway (the routes naming it wait until it
// is available) and `deleting` after DeleteNatGateway (its address stays in use meanwhile).
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNatGateway.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_nat_gateway() {
  static const Codes gone = {"NatGatewayNotFound", "InvalidNatGatewayID.NotFound"};
  static const Request probe = {
      "ec2", "DescribeNatGateways", {{"NatGatewayIds", json::array({"$output.id"})}}, gone};
  static const Descriptor d{
      "ec2/nat_gateway",
      "AWS::EC2::NatGateway",
      {{.service = "ec2",
        .name = "CreateNatGateway",
        .outputs = {{"id", "NatGateway.NatGatewayId"}},
        .renews = {"AllocationId"},
        .remove = {{{"ec2", "DeleteNatGateway", {{"NatGatewayId", "$output.id"}}, gone},
                    Waiter{.what = "NAT gateway {} to be deleted",
                           .subject = "$output.id",
                           .probe = probe,
                           .status = "NatGatewaySet[0].State",
                           .done = {"deleted", "gone"}}}},
        .create_first = CreateFirst{}, // with a new address: the old one keeps its own meanwhile
        .lookup = tagged("DescribeNatGateways", "NatGatewaySet", "NatGateway", "Filter"),
        // "gone" is pending: a new gateway is not visible to describe calls at once.
        .wait = Waiter{.what = "NAT gateway {} to be available",
                       .subject = "$output.id",
                       .probe = probe,
                       .status = "NatGatewaySet[0].State",
                       .done = {"available"},
                       .failed = {"failed", "deleting", "deleted"},
                       .reason = "NatGatewaySet[0].FailureMessage"},
        .tags = {TagStyle::Ec2, "$output.id", "natgateway"},
        .client_token = "ClientToken",
        // DescribeNatGateways filters with `Filter`, not `Filters`.
        .refresh = Refresh{.read = {"ec2",
                                    "DescribeNatGateways",
                                    {{"Filter", json::array({{{"Name", "nat-gateway-id"},
                                                              {"Values", "$ids"}}})}}},
                           .subject = "$output.id",
                           .items = "NatGatewaySet",
                           .id = "NatGatewayId",
                           .status = "State",
                           .gone_status = {"deleting", "deleted", "failed"},
                           .next_token = "NextToken",
                           .batch = 200}}},
      {{"nat_gateway", "id", "", "CreateNatGateway", "id", "", "", true}}};
  return d;
}

} // namespace ecl::resources
