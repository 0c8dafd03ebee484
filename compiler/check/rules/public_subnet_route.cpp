// A subnet marked `public = true` gives its instances public addresses, which are useful only when
// its route table sends 0.0.0.0/0 to an internet gateway: warn when it does not.
#include "compiler/check/rules/internet_route.h"

namespace ecl::check {
namespace {

void run(RuleContext& c) {
  for (const model::Block* subnet : c.program.of_kind("subnet")) {
    if (subnet->get_bool("public") != true || routes_to_internet(c, subnet)) {
      continue;
    }
    Note why = no_internet_route_note(c, subnet);
    c.diags.report(Diag::PublicSubnetNoRoute, attribute_range(*subnet, "public"), subnet->name)
        .note(why.range, why.message);
  }
}

} // namespace

extern const Rule kPublicSubnetRouteRule;
const Rule kPublicSubnetRouteRule{
    "public-subnet-route",
    "A subnet marked public has a route from 0.0.0.0/0 to an internet gateway",
    "https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html",
    {Diag::PublicSubnetNoRoute},
    run};

} // namespace ecl::check
