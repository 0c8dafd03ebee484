// VPC and subnet CIDR blocks have prefixes from /16 to /28.
#include "compiler/check/rules/rule.h"

namespace ecl::check {
namespace cidr_prefix_rule {
namespace {

void check_prefix(RuleContext& c, const model::Block& block) {
  auto cidr = cidr_of(block, "cidr");
  if (cidr && (cidr->prefix() < 16 || cidr->prefix() > 28)) {
    c.diags.report(Diag::CidrPrefixRange, attribute_range(block, "cidr"), block.kind_name,
                   block.name, cidr->str(), cidr->prefix());
  }
}

void run(RuleContext& c) {
  for (std::string_view kind : {"vpc", "subnet"}) {
    for (const model::Block* block : c.program.of_kind(kind)) {
      check_prefix(c, *block);
    }
  }
}

} // namespace
} // namespace cidr_prefix_rule

extern const Rule kCidrPrefixRule;
const Rule kCidrPrefixRule{"cidr-prefix",
                           "VPC and subnet CIDR blocks have prefixes from /16 to /28",
                           "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html",
                           {Diag::CidrPrefixRange},
                           cidr_prefix_rule::run};

} // namespace ecl::check
