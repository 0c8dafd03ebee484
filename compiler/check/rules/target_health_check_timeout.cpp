// A target group's health check times out before the next check starts (E3321). On an HTTP or
// HTTPS target group (an application load balancer's), CreateTargetGroup and ModifyTargetGroup
// refuse a `HealthCheckTimeoutSeconds` that is not smaller than `HealthCheckIntervalSeconds`
// ("Health check timeout '10' must be smaller than the interval '10'"); on a TCP, TLS, UDP or
// TCP_UDP one (a network load balancer's) the timeout may equal the interval, as the 10s and 10s
// that were once its only choice, but not exceed it. A timeout left unset is AWS's default, which
// is judged too: 5s on HTTP and HTTPS target groups, so `interval = 5s` alone fails; 10s for the
// TCP checks of the others (E3315), so an interval under 10s needs a written timeout.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html
// https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace target_health_check_timeout_rule {
namespace {

// A duration field in seconds; nullopt when absent, null or not a duration.
std::optional<double> seconds(const model::Value& check, std::string_view field) {
  const model::Value* v = check.field(field);
  if (!v) {
    return std::nullopt;
  }
  if (const auto* q = v->as<model::Quantity>(); q && q->dimension == model::Dimension::Duration) {
    return q->amount;
  }
  return v->number();
}

void run(RuleContext& c) {
  for (const model::Block* group : c.program.of_kind("target_group")) {
    const model::Value* check = group->get("health_check");
    const std::string* protocol = group->get_enum("protocol");
    if (!check || check->is_null() || !protocol) {
      continue;
    }
    const bool http = *protocol == "http" || *protocol == "https";
    const model::Value* written_timeout = check->field("timeout");
    const bool has_timeout = written_timeout && !written_timeout->is_null();
    std::optional<double> timeout =
        has_timeout ? seconds(*check, "timeout") : std::optional<double>(http ? 5 : 10);
    std::optional<double> interval = seconds(*check, "interval");
    if (!timeout || !interval || *timeout < *interval || (!http && *timeout == *interval)) {
      continue;
    }
    const model::Value* interval_value = check->field("interval");
    // A written timeout is the mistake; a defaulted one is met by the interval that reaches it.
    Range at = has_timeout ? written_timeout->range : interval_value->range;
    std::string timeout_text =
        has_timeout ? fmt::format("{}s", *timeout)
                    : fmt::format("{}s (AWS's default for protocol `{}`)", *timeout, *protocol);
    std::string_view below = http ? "below" : "of at most";
    std::string hint =
        has_timeout
            ? fmt::format("set a `timeout` {} {}s, or a longer `interval`", below, *interval)
            : fmt::format("set a `timeout` {} {}s, or an `interval` of {} {}s", below, *interval,
                          http ? "more than" : "at least", *timeout);
    c.diags.report(Diag::HealthCheckTimeoutNotBelowInterval, at, group->path, timeout_text,
                   fmt::format("{}s", *interval), http ? "shorter than" : "no longer than", hint);
  }
}

} // namespace
} // namespace target_health_check_timeout_rule

extern const Rule kTargetHealthCheckTimeoutRule;
const Rule kTargetHealthCheckTimeoutRule{
    "target-health-check-timeout",
    "a target group's health check timeout, written or AWS's default, is shorter than its "
    "interval (no longer, behind a network load balancer)",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/"
    "API_CreateTargetGroup.html",
    {Diag::HealthCheckTimeoutNotBelowInterval},
    target_health_check_timeout_rule::run};

} // namespace ecl::check
