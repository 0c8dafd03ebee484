// A listener rule's priority is 1 to 50000 and unique among its listener's rules.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>
#include <map>

namespace ecl::check {
namespace listener_rule_priority_rule {
namespace {

constexpr std::int64_t kMaxPriority = 50000;

void run(RuleContext& c) {
  for (const model::Block* listener : c.program.of_kind("listener")) {
    std::map<std::int64_t, const model::Block*> taken;
    for (const model::Block* rule : listener->each_child("rule")) {
      auto priority = rule->get_int("priority");
      if (!priority) {
        continue;
      }
      Range at = attribute_range(*rule, "priority");
      if (*priority < 1 || *priority > kMaxPriority) {
        c.diags.report(Diag::ListenerRulePriority, at,
                       fmt::format("rule `{}` has priority {}; a priority is 1 to {}", rule->path,
                                   *priority, kMaxPriority));
        continue;
      }
      auto [it, inserted] = taken.emplace(*priority, rule);
      if (!inserted) {
        c.diags
            .report(Diag::ListenerRulePriority, at,
                    fmt::format("rules `{}` and `{}` of listener `{}` both have priority {}; "
                                "priorities are unique on a listener",
                                it->second->name, rule->name, listener->path, *priority))
            .note(attribute_range(*it->second, "priority"),
                  fmt::format("rule `{}` takes priority {} here", it->second->path, *priority));
      }
    }
  }
}

} // namespace
} // namespace listener_rule_priority_rule

extern const Rule kListenerRulePriorityRule;
const Rule kListenerRulePriorityRule{
    "listener-rule-priority",
    "A listener rule's priority is 1 to 50000 and unique on its listener",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html",
    {Diag::ListenerRulePriority},
    listener_rule_priority_rule::run};

} // namespace ecl::check
