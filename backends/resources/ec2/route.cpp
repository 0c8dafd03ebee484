// A route of a route table: made again after a crash (RouteAlreadyExists then means it was made).
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_route() {
  static const Descriptor d{
      "ec2/route",
      "AWS::EC2::Route",
      {{.service = "ec2",
        .name = "CreateRoute",
        .remove = {{{"ec2",
                     "DeleteRoute",
                     {{"RouteTableId", "$request.RouteTableId"},
                      {"DestinationCidrBlock", "$request.DestinationCidrBlock"}},
                     {"InvalidRoute.NotFound", "InvalidRouteTableID.NotFound"}}}},
        .done = {"RouteAlreadyExists"}}}};
  return d;
}

} // namespace ecl::resources
