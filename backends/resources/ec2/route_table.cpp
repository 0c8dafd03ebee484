// A route table (its routes and subnet associations are route.cpp and
// route_table_association.cpp).
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRouteTable.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_route_table() {
  static const Descriptor d{
      "ec2/route_table",
      "AWS::EC2::RouteTable",
      {{.service = "ec2",
        .name = "CreateRouteTable",
        .outputs = {{"id", "RouteTable.RouteTableId"}},
        .remove = {{{"ec2",
                     "DeleteRouteTable",
                     {{"RouteTableId", "$output.id"}},
                     {"InvalidRouteTableID.NotFound"}}}},
        // Its routes are made in the new table and its subnets moved to it before the old goes.
        .create_first = CreateFirst{},
        .lookup = tagged("DescribeRouteTables", "RouteTableSet", "RouteTable"),
        .tags = {TagStyle::Ec2, "$output.id", "route-table"},
        .client_token = "ClientToken",
        .refresh = ec2_read("DescribeRouteTables", "route-table-id", "RouteTableSet",
                            "RouteTableId", "$output.id")}},
      {{"route_table", "id", "", "CreateRouteTable", "id", "", "", true}}};
  return d;
}

} // namespace ecl::resources
