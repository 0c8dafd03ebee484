// A subnet marked `public = true` gives its instances public addresses, which are useful only when
// its route table sends 0.0.0.0/0 to an internet gateway: warn when it does not.
#include "compiler/check/fixes.h"
#include "compiler/check/rules/internet_route.h"

#include <fmt/format.h>

namespace ecl::check {
namespace public_subnet_route_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* subnet : c.program.of_kind("subnet")) {
    if (subnet->get_bool("public") != true || routes_to_internet(c, subnet) ||
        routes_unknown(c, subnet)) {
      continue;
    }
    Note why = no_internet_route_note(c, subnet);
    Diagnostic& d =
        c.diags.report(Diag::PublicSubnetNoRoute, attribute_range(*subnet, "public"), subnet->name)
            .note(why.range, why.message);
    // The fix when the subnet has a route table and its VPC an internet gateway: the route.
    const model::Block* table = c.route_table_of(subnet, true);
    const model::Block* vpc = subnet->parent;
    if (table && vpc) {
      for (const model::Block* child : vpc->children) {
        if (child->kind_name == "internet_gateway" && !child->name.empty()) {
          fix_add_item(d, c.sources, table->range, default_route_item(child->name),
                       fmt::format("add a route from 0.0.0.0/0 to `{}`", child->name));
          break;
        }
      }
    }
  }
}

} // namespace
} // namespace public_subnet_route_rule

extern const Rule kPublicSubnetRouteRule;
const Rule kPublicSubnetRouteRule{
    "public-subnet-route",
    "A subnet marked public has a route from 0.0.0.0/0 to an internet gateway",
    "https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html",
    {Diag::PublicSubnetNoRoute},
    public_subnet_route_rule::run};

} // namespace ecl::check
