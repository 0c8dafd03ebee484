// A job's schedule is an EventBridge Scheduler schedule: its expression is one CreateSchedule
// takes (E3217), and what only a schedule takes (`timezone`, `enabled`, and a reference to its
// `arn`, which the checker reports as it evaluates it: E3219) needs one (E3218). A job's
// launch type, capacity and network are checked with the services' (service_compatibility.cpp,
// service_network.cpp, private_egress.cpp), its schedule's name with the other AWS names.
// https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
#include "compiler/check/rules/rule.h"

namespace ecl::check {
namespace jobs_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* job : c.program.of_kind("job")) {
    const std::string* schedule = job->get_string("schedule");
    if (schedule) {
      if (std::string problem = schedule_expression_problem(*schedule); !problem.empty()) {
        c.diags.report(Diag::JobSchedule, attribute_range(*job, "schedule"), job->path, *schedule,
                       problem);
      }
      continue;
    }
    if (job->get("schedule")) {
      continue; // not known at compile time: a parameter's value is checked where it is given
    }
    for (std::string_view attribute : {"timezone", "enabled"}) {
      const model::Attribute* a = job->attribute(attribute);
      if (a && !a->defaulted) {
        c.diags.report(Diag::JobWithoutSchedule, attribute_range(*job, attribute), job->path,
                       attribute);
      }
    }
  }
}

} // namespace
} // namespace jobs_rule

extern const Rule kJobsRule;
const Rule kJobsRule{"jobs",
                     "A job's schedule has an expression EventBridge Scheduler takes; `timezone` "
                     "and `enabled` go with a schedule",
                     "https://docs.aws.amazon.com/scheduler/latest/APIReference/"
                     "API_CreateSchedule.html",
                     {Diag::JobSchedule, Diag::JobWithoutSchedule, Diag::DeferredWithoutResource},
                     jobs_rule::run};

} // namespace ecl::check
