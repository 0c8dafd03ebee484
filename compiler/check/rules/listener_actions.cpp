// A listener's default action and a rule's action are exactly one of forward, redirect and
// fixed response; a rule has a condition (a path, a host or a header).
#include "compiler/check/rules/load_balancing.h"

#include <fmt/format.h>

namespace ecl::check {
namespace listener_actions_rule {
namespace {

void run(RuleContext& c) {
  for (std::string_view kind : {"listener", "rule"}) {
    for (const model::Block* b : c.program.of_kind(kind)) {
      std::vector<std::string_view> set;
      for (std::string_view action : load_balancing::kActions) {
        if (b->attribute(action)) {
          set.push_back(action);
        }
      }
      if (set.empty()) {
        c.diags.report(Diag::ActionShape, b->header_range,
                       fmt::format("{} has no action; set one of `forward`, `redirect` and "
                                   "`fixed_response`",
                                   b->display()));
      } else if (set.size() > 1) {
        c.diags
            .report(Diag::ActionShape, attribute_range(*b, set[1]),
                    fmt::format("{} sets both `{}` and `{}`; it takes one action", b->display(),
                                set[0], set[1]))
            .note(attribute_range(*b, set[0]), fmt::format("`{}` is set here", set[0]));
      }
      if (kind == "rule") {
        bool unknown = false, conditions = false;
        for (std::string_view attribute : {"paths", "hosts", "headers"}) {
          const model::Value* v = b->get(attribute);
          const model::List* list = v ? v->as<model::List>() : nullptr;
          unknown = unknown || !list;
          conditions = conditions || (list && !list->empty());
        }
        if (!unknown && !conditions) {
          c.diags.report(Diag::ActionShape, b->header_range,
                         fmt::format("rule `{}` has no condition; give it `paths`, `hosts` or "
                                     "`headers` (the listener's default action takes what no rule "
                                     "matches)",
                                     b->path));
        }
      }
    }
  }
}

} // namespace
} // namespace listener_actions_rule

extern const Rule kListenerActionRule;
const Rule kListenerActionRule{
    "listener-actions",
    "A listener or rule has exactly one action; a rule has a path or host condition",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
    "load-balancer-listeners.html#rule-action-types",
    {Diag::ActionShape},
    listener_actions_rule::run};

} // namespace ecl::check
