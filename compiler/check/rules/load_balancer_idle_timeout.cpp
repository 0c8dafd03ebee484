// `idle_timeout` is an application load balancer's attribute (`idle_timeout.timeout_seconds`,
// 1 to 4000 seconds). A network load balancer has no such attribute: it keeps idle TCP flows 350
// seconds, changed per TCP listener (the listener attribute `tcp.idle_timeout.seconds`, 60 to 6000
// seconds, since 2024), which ECL does not describe. Written on a network load balancer it would be
// dropped without a word: an error instead (E3320).
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace load_balancer_idle_timeout_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* lb : c.program.of_kind("load_balancer")) {
    const std::string* type = lb->get_enum("type");
    const model::Attribute* idle = lb->attribute("idle_timeout");
    if (!type || *type != "network" || !idle || idle->defaulted || idle->value.is_null()) {
      continue;
    }
    c.diags.report(Diag::IdleTimeoutOnNetwork, idle->value.range, lb->path)
        .note(attribute_range(*lb, "type"),
              fmt::format("load_balancer `{}` is of type `network` here", lb->path));
  }
}

} // namespace
} // namespace load_balancer_idle_timeout_rule

extern const Rule kLoadBalancerIdleTimeoutRule;
const Rule kLoadBalancerIdleTimeoutRule{
    "load-balancer-idle-timeout",
    "`idle_timeout` only on an application load balancer; a network load balancer's TCP idle "
    "timeout belongs to its listeners",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/update-idle-timeout.html",
    {Diag::IdleTimeoutOnNetwork},
    load_balancer_idle_timeout_rule::run};

} // namespace ecl::check
