// A route of a route table: made again after a crash (RouteAlreadyExists then means it was made);
// moved to another target in place (ReplaceRoute).
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceRoute.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_route() {
  static const Descriptor d{
      "ec2/route",
      "AWS::EC2::Route",
      {{.service = "ec2",
        .name = "CreateRoute",
        .on_change = OnChange::Update,
        // Another target: the route is moved, never missing.
        .update = Request{"ec2",
                          "ReplaceRoute",
                          {{"RouteTableId", "$request.RouteTableId"},
                           {"DestinationCidrBlock", "$request.DestinationCidrBlock"}}},
        .updatable = {"GatewayId", "NatGatewayId"},
        .remove = {{{"ec2",
                     "DeleteRoute",
                     {{"RouteTableId", "$request.RouteTableId"},
                      {"DestinationCidrBlock", "$request.DestinationCidrBlock"}},
                     {"InvalidRoute.NotFound", "InvalidRouteTableID.NotFound"}}}},
        .create_first = CreateFirst{{"RouteTableId", "DestinationCidrBlock"}},
        .done = {"RouteAlreadyExists"}}}};
  return d;
}

} // namespace ecl::resources
