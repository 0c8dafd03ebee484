// Sticky sessions: an `lb_cookie` behind an application load balancer, the source address behind a
// network one, but none on a target group of the TLS protocol.
#include "compiler/check/rules/load_balancing.h"

namespace ecl::check {
namespace target_group_stickiness_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* group : c.program.of_kind("target_group")) {
    const std::string* protocol = group->get_enum("protocol");
    if (group->get("stickiness") && protocol && *protocol == "tls") {
      c.diags.report(Diag::StickinessNotForProtocol, attribute_range(*group, "stickiness"),
                     group->path, *protocol);
    }
  }
}

} // namespace
} // namespace target_group_stickiness_rule

extern const Rule kStickinessRule;
const Rule kStickinessRule{"target-group-stickiness",
                           "No sticky sessions on a target group of the TLS protocol",
                           "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/"
                           "edit-target-group-attributes.html",
                           {Diag::StickinessNotForProtocol},
                           target_group_stickiness_rule::run};

} // namespace ecl::check
