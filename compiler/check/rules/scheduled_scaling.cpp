// A scaling schedule (a scheduled action) has an expression PutScheduledAction takes: `at(...)`
// once, `rate(N unit)`, or `cron(...)` with six fields of which day-of-month or day-of-week is `?`;
// it sets `min`, `max` or both, and `min` is not above `max`.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace scheduled_scaling_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* schedule : c.program.of_kind("schedule")) {
    if (const std::string* e = schedule->get_string("expression")) {
      if (std::string problem = schedule_expression_problem(*e); !problem.empty()) {
        c.diags.report(Diag::ScheduleShape, attribute_range(*schedule, "expression"),
                       fmt::format("schedule `{}` has the expression `{}`, which Application Auto "
                                   "Scaling does not take; {}",
                                   schedule->name, *e, problem));
      }
    }
    auto min = schedule->get_int("min");
    auto max = schedule->get_int("max");
    if (!schedule->get("min") && !schedule->get("max")) {
      c.diags.report(
          Diag::ScheduleShape, schedule->header_range,
          fmt::format("schedule `{}` changes nothing; set `min`, `max` or both", schedule->name));
    } else if (min && max && *min > *max) {
      c.diags.report(
          Diag::ScheduleShape, attribute_range(*schedule, "min"),
          fmt::format("schedule `{}` has min {} above max {}", schedule->name, *min, *max));
    }
  }
}

} // namespace
} // namespace scheduled_scaling_rule

extern const Rule kScheduledScalingRule;
const Rule kScheduledScalingRule{
    "scheduled-scaling",
    "A scaling schedule has an expression PutScheduledAction takes and bounds in order",
    "https://docs.aws.amazon.com/autoscaling/application/APIReference/"
    "API_PutScheduledAction.html",
    {Diag::ScheduleShape},
    scheduled_scaling_rule::run};

} // namespace ecl::check
