// What each type of load balancer takes: an application load balancer's listeners and target
// groups speak HTTP or HTTPS; a network load balancer's TCP, TLS, UDP or TCP_UDP, with forward
// as the only action and no listener rules.
#include "compiler/check/rules/load_balancing.h"

#include <fmt/format.h>

namespace ecl::check {
namespace load_balancer_protocols_rule {
namespace {

bool application_protocol(std::string_view protocol) {
  return protocol == "http" || protocol == "https";
}

std::string_view choices(bool application) {
  return application ? "`http` or `https`" : "`tcp`, `tls`, `udp` or `tcp_udp`";
}

void check_target_group(RuleContext& c, const model::Block& from, const model::Block& lb,
                        bool application) {
  const model::Block* group = from.get_ref("forward");
  const std::string* protocol = group ? group->get_enum("protocol") : nullptr;
  if (protocol && application_protocol(*protocol) != application) {
    c.diags
        .report(Diag::ProtocolNotForLoadBalancer, attribute_range(from, "forward"),
                fmt::format("{} forwards to target_group `{}`, which uses `{}`; the target groups "
                            "of {} load_balancer `{}` use {}",
                            from.display(), group->path, *protocol,
                            application ? "application" : "network", lb.path, choices(application)))
        .note(attribute_range(*group, "protocol"),
              fmt::format("target_group `{}` uses `{}`{}", group->path, *protocol,
                          group->attribute("protocol") && group->attribute("protocol")->defaulted
                              ? " by default"
                              : ""));
  }
}

void run(RuleContext& c) {
  for (const model::Block* listener : c.program.of_kind("listener")) {
    const model::Block* lb = listener->ancestor("load_balancer");
    const std::string* type = lb ? lb->get_enum("type") : nullptr;
    if (!type) {
      continue;
    }
    const bool application = *type == "application";
    const std::string* protocol = listener->get_enum("protocol");
    if (protocol && application_protocol(*protocol) != application) {
      c.diags
          .report(
              Diag::ProtocolNotForLoadBalancer, attribute_range(*listener, "protocol"),
              fmt::format("listener `{}` uses `{}`, which {} load balancers do not take; use {}",
                          listener->path, *protocol, *type, choices(application)))
          .note(attribute_range(*lb, "type"),
                fmt::format("load_balancer `{}` is of type `{}`", lb->path, *type));
    }
    check_target_group(c, *listener, *lb, application);
    for (const model::Block* rule : listener->each_child("rule")) {
      if (!application) {
        c.diags.report(Diag::ProtocolNotForLoadBalancer, rule->header_range,
                       fmt::format("listener `{}` of network load_balancer `{}` has rule `{}`; "
                                   "only application load balancers have listener rules",
                                   listener->path, lb->path, rule->name));
        continue;
      }
      check_target_group(c, *rule, *lb, application);
    }
    if (!application) {
      for (std::string_view action : {"redirect", "fixed_response"}) {
        if (listener->get(action)) {
          c.diags.report(Diag::ProtocolNotForLoadBalancer, attribute_range(*listener, action),
                         fmt::format("listener `{}` of network load_balancer `{}` sets `{}`; a "
                                     "network load balancer only forwards",
                                     listener->path, lb->path, action));
        }
      }
    }
  }
}

} // namespace
} // namespace load_balancer_protocols_rule

extern const Rule kLoadBalancerProtocolRule;
const Rule kLoadBalancerProtocolRule{
    "load-balancer-protocols",
    "Listeners, target groups and actions use what their load balancer's type takes",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html",
    {Diag::ProtocolNotForLoadBalancer},
    load_balancer_protocols_rule::run};

} // namespace ecl::check
