// Routing facts shared by the network rules: which route table a subnet uses, and whether that
// table makes the subnet public (a route from 0.0.0.0/0 to an internet gateway).
#pragma once

#include "compiler/check/rules/rule.h"
#include "compiler/schema/schema.h"

namespace ecl::check {

// The route table of the subnet's VPC that lists the subnet (the first one, when several do), or
// nullptr: the subnet then uses the VPC's main route table, which has no internet route.
inline const model::Block* route_table_of(RuleContext& c, const model::Block* subnet) {
  return c.route_table_of(subnet, true);
}

// The table's route for 0.0.0.0/0, or nullptr.
inline const model::Block* default_route_of(const model::Block* table) {
  if (!table) {
    return nullptr;
  }
  for (const model::Block* route : table->each_child("route")) {
    auto destination = cidr_of(*route, "destination");
    if (destination && destination->prefix() == 0) {
      return route;
    }
  }
  return nullptr;
}

// Whether the subnet is public in AWS's sense: its route table sends 0.0.0.0/0 to an internet
// gateway.
inline bool routes_to_internet(RuleContext& c, const model::Block* subnet) {
  const model::Block* route = default_route_of(route_table_of(c, subnet));
  const model::Block* target = route ? route->get_ref("target") : nullptr;
  return target && target->kind_name == "internet_gateway";
}

// Whether the subnet is made elsewhere (`existing`) and no route table of the program lists it:
// its routes are not the program's to know, and no rule judges where it reaches.
inline bool routes_unknown(RuleContext& c, const model::Block* subnet) {
  return schema::existing(*subnet) && !route_table_of(c, subnet);
}

// Whether the subnet's route for 0.0.0.0/0 names a target the checker could not resolve (an error
// reported before the rules), or its routes are unknown: whether it is public is then unknown.
inline bool internet_route_unknown(RuleContext& c, const model::Block* subnet) {
  const model::Block* route = default_route_of(route_table_of(c, subnet));
  return (route && !route->get_ref("target")) || routes_unknown(c, subnet);
}

// A note explaining why the subnet is not public, for E3008 and W0005.
inline Note no_internet_route_note(RuleContext& c, const model::Block* subnet) {
  const model::Block* table = route_table_of(c, subnet);
  if (!table) {
    return {subnet->header_range,
            fmt::format("subnet `{}` is associated with no route table", subnet->name)};
  }
  const model::Block* route = default_route_of(table);
  const model::Block* target = route ? route->get_ref("target") : nullptr;
  if (target) {
    return {attribute_range(*route, "target"),
            fmt::format("route table `{}` sends 0.0.0.0/0 to {} `{}`", table->name,
                        target->kind_name, target->name)};
  }
  return {table->header_range,
          fmt::format("route table `{}` of subnet `{}` has no route for 0.0.0.0/0", table->name,
                      subnet->name)};
}

} // namespace ecl::check
