// A route table's association with a subnet: found again after a crash in the table's
// association set.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateRouteTable.html
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceRouteTableAssociation.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& ec2_route_table_association() {
  static const Descriptor d{
      "ec2/route_table_association",
      "AWS::EC2::SubnetRouteTableAssociation",
      {{.service = "ec2",
        .name = "AssociateRouteTable",
        .outputs = {{"association_id", "AssociationId"}},
        // Another table: the subnet moves to it at once (its association gets a new id).
        .on_change = OnChange::Update,
        .update = Request{"ec2",
                          "ReplaceRouteTableAssociation",
                          {{"AssociationId", "$output.association_id"}}},
        .updatable = {"RouteTableId"},
        .updated = {{"association_id", "NewAssociationId"}},
        .remove = {{{"ec2",
                     "DisassociateRouteTable",
                     {{"AssociationId", "$output.association_id"}},
                     {"InvalidAssociationID.NotFound"}}}},
        .create_first =
            CreateFirst{.unique = {"SubnetId"}, .taken = "a subnet has one route table"},
        .lookup = Lookup{.describe = {"ec2",
                                      "DescribeRouteTables",
                                      {{"RouteTableIds", json::array({"$request.RouteTableId"})}},
                                      {"InvalidRouteTableID.NotFound"}},
                         .items = "RouteTableSet[0].AssociationSet",
                         .match = {{"SubnetId", "$request.SubnetId"}},
                         .answer = {{"AssociationId", "RouteTableAssociationId"}}},
        .done = {"Resource.AlreadyAssociated"}}}};
  return d;
}

} // namespace ecl::resources
