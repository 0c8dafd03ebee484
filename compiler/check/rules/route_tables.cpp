// A subnet is associated with at most one route table; the routes of a table have distinct
// destinations; a table's subnets and its routes' targets belong to the table's VPC.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>
#include <map>
#include <utility>

namespace ecl::check {
namespace route_tables_rule {
namespace {

// Reports E3007 when `other` (named by the value at `at`) is in another VPC than `owner`.
bool check_same_vpc(RuleContext& c, const model::Block& owner, const model::Block& other,
                    Range at) {
  const model::Block* mine = vpc_of(&owner);
  const model::Block* theirs = vpc_of(&other);
  if (!mine || !theirs || mine == theirs) {
    return true;
  }
  c.diags
      .report(Diag::CrossVpcReference, at, other.kind_name, other.name, theirs->name,
              fmt::format("{} `{}`", owner.kind_name, owner.name), mine->name)
      .note(other.header_range,
            fmt::format("{} `{}` is declared here", other.kind_name, other.name));
  return false;
}

void run(RuleContext& c) {
  // subnet -> (its first route table, where that table lists it)
  std::map<const model::Block*, std::pair<const model::Block*, Range>> associated;
  for (const model::Block* table : c.program.of_kind("route_table")) {
    if (const model::Value* subnets = table->get("subnets")) {
      if (const auto* list = subnets->as<model::List>()) {
        for (const model::Value& item : *list) {
          const model::Block* subnet = item.block();
          if (!subnet || !check_same_vpc(c, *table, *subnet, item.range)) {
            continue;
          }
          auto [it, first] = associated.emplace(subnet, std::make_pair(table, item.range));
          const model::Block* first_table = it->second.first;
          if (!first && first_table != table) {
            c.diags
                .report(Diag::SubnetInTwoRouteTables, item.range, subnet->name, first_table->name,
                        table->name)
                .note(it->second.second,
                      fmt::format("route table `{}` is associated with `{}` here",
                                  first_table->name, subnet->name));
          }
        }
      }
    }

    // (network, prefix) of each destination -> where the first route to it is.
    std::map<std::pair<std::uint32_t, int>, Range> destinations;
    for (const model::Block* route : table->each_child("route")) {
      if (auto destination = cidr_of(*route, "destination")) {
        Range at = attribute_range(*route, "destination");
        auto [first, inserted] =
            destinations.emplace(std::pair(destination->network(), destination->prefix()), at);
        if (!inserted) {
          c.diags.report(Diag::DuplicateRouteDestination, at, table->name, destination->str())
              .note(first->second,
                    fmt::format("the first route to {} is here", destination->str()));
        }
      }
      if (const model::Block* target = route->get_ref("target")) {
        check_same_vpc(c, *table, *target, attribute_range(*route, "target"));
      }
    }
  }
}

} // namespace
} // namespace route_tables_rule

extern const Rule kRouteTableRule;
const Rule kRouteTableRule{
    "route-tables",
    "A subnet has at most one route table, route destinations are unique within a table, and "
    "subnets and targets belong to the table's VPC",
    "https://docs.aws.amazon.com/vpc/latest/userguide/subnet-route-tables.html",
    {Diag::SubnetInTwoRouteTables, Diag::DuplicateRouteDestination, Diag::CrossVpcReference},
    route_tables_rule::run};

} // namespace ecl::check
