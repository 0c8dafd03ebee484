// A subnet's CIDR block lies inside its VPC's CIDR block, and the subnets of one VPC do not
// overlap.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>
#include <utility>

namespace ecl::check {
namespace {

void run(RuleContext& c) {
  for (const model::Block* vpc : c.program.of_kind("vpc")) {
    auto vpc_cidr = cidr_of(*vpc, "cidr");
    // The subnets seen so far, for the overlap check.
    std::vector<std::pair<const model::Block*, Cidr>> seen;
    for (const model::Block* subnet : vpc->children_of("subnet")) {
      auto cidr = cidr_of(*subnet, "cidr");
      if (!cidr) {
        continue;
      }
      Range at = attribute_range(*subnet, "cidr");
      if (vpc_cidr && !vpc_cidr->contains(*cidr)) {
        c.diags
            .report(Diag::SubnetOutsideVpc, at, subnet->name, cidr->str(), vpc->name,
                    vpc_cidr->str())
            .note(vpc->header_range, fmt::format("vpc `{}` is declared here", vpc->name));
      }
      for (const auto& [other, other_cidr] : seen) {
        if (cidr->overlaps(other_cidr)) {
          c.diags
              .report(Diag::SubnetOverlap, at, subnet->name, cidr->str(), other->name,
                      other_cidr.str())
              .note(attribute_range(*other, "cidr"),
                    fmt::format("subnet `{}` takes {} here", other->name, other_cidr.str()));
        }
      }
      seen.emplace_back(subnet, *cidr);
    }
  }
}

} // namespace

extern const Rule kSubnetInVpcRule;
const Rule kSubnetInVpcRule{
    "subnet-in-vpc",
    "A subnet's CIDR block lies inside its VPC's, and sibling subnets do not overlap",
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html",
    {Diag::SubnetOutsideVpc, Diag::SubnetOverlap},
    run};

} // namespace ecl::check
