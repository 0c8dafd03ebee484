// A (public) NAT gateway lives in a public subnet of its own VPC: one whose route table sends
// 0.0.0.0/0 to an internet gateway. A subnet without a route table uses the VPC's main table,
// which has no internet route, so it is not public.
#include "compiler/check/rules/internet_route.h"

#include <fmt/format.h>

namespace ecl::check {
namespace nat_gateway_public_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* nat : c.program.of_kind("nat_gateway")) {
    const model::Block* subnet = nat->get_ref("subnet");
    if (!subnet) {
      continue;
    }
    Range at = attribute_range(*nat, "subnet");
    const model::Block* nat_vpc = vpc_of(nat);
    const model::Block* subnet_vpc = vpc_of(subnet);
    if (nat_vpc && subnet_vpc && nat_vpc != subnet_vpc) {
      c.diags
          .report(Diag::CrossVpcReference, at, subnet->kind_name, subnet->name, subnet_vpc->name,
                  fmt::format("nat_gateway `{}`", nat->name), nat_vpc->name)
          .note(subnet->header_range, fmt::format("subnet `{}` is declared here", subnet->name));
      continue;
    }
    if (!routes_to_internet(c, subnet) && !routes_unknown(c, subnet)) {
      Note why = no_internet_route_note(c, subnet);
      c.diags.report(Diag::NatGatewayNotPublic, at, nat->name, subnet->name)
          .note(why.range, why.message);
    }
  }
}

} // namespace
} // namespace nat_gateway_public_rule

extern const Rule kNatGatewayPublicRule;
const Rule kNatGatewayPublicRule{
    "nat-gateway-public",
    "A NAT gateway is in a public subnet (routed to an internet gateway) of its own VPC",
    "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html",
    {Diag::NatGatewayNotPublic, Diag::CrossVpcReference},
    nat_gateway_public_rule::run};

} // namespace ecl::check
