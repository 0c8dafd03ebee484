// A target group of a network load balancer (`tcp`, `tls`, `udp`, `tcp_udp`) checks its targets
// over TCP: its health check takes no HTTP path and no matcher of HTTP codes.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace target_health_check_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* group : c.program.of_kind("target_group")) {
    const std::string* protocol = group->get_enum("protocol");
    const model::Value* check = group->get("health_check");
    if (!protocol || !check || *protocol == "http" || *protocol == "https") {
      continue;
    }
    for (std::string_view field : {"path", "matcher"}) {
      const model::Value* value = check->field(field);
      if (!value || value->is_null()) {
        continue;
      }
      c.diags
          .report(Diag::TcpHealthCheckField, value->range,
                  fmt::format("target_group `{}` uses `{}`, so its health check is a TCP "
                              "connection and takes no `{}`; remove it",
                              group->path, *protocol, field))
          .note(attribute_range(*group, "protocol"),
                fmt::format("target_group `{}` uses `{}`", group->path, *protocol));
    }
  }
}

} // namespace
} // namespace target_health_check_rule

extern const Rule kTargetHealthCheckRule;
const Rule kTargetHealthCheckRule{
    "target-health-check",
    "The health check of a TCP, TLS or UDP target group takes no HTTP path nor matcher",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/"
    "target-group-health-checks.html",
    {Diag::TcpHealthCheckField},
    target_health_check_rule::run};

} // namespace ecl::check
