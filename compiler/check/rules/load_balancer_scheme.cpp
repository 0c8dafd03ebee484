// An internet-facing load balancer lives in public subnets: their route table sends 0.0.0.0/0 to
// an internet gateway.
#include "compiler/check/rules/internet_route.h"
#include "compiler/check/rules/load_balancing.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>

namespace ecl::check {
namespace load_balancer_scheme_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* lb : load_balancing::internet_facing(c.program)) {
    for (const services::RefItem& subnet : services::ref_items(*lb, "subnets")) {
      if (!routes_to_internet(c, subnet.block) && !internet_route_unknown(c, subnet.block)) {
        Note why = no_internet_route_note(c, subnet.block);
        c.diags
            .report(Diag::InternetFacingPrivateSubnet, subnet.value->range, lb->path,
                    subnet.block->path)
            .note(why.range, why.message);
      }
    }
  }
}

} // namespace
} // namespace load_balancer_scheme_rule

extern const Rule kLoadBalancerSchemeRule;
const Rule kLoadBalancerSchemeRule{
    "load-balancer-scheme",
    "An internet-facing load balancer is in public subnets (routed to an internet gateway)",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
    "application-load-balancers.html#load-balancer-scheme",
    {Diag::InternetFacingPrivateSubnet},
    load_balancer_scheme_rule::run};

} // namespace ecl::check
