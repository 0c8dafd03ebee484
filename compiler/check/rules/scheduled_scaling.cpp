// A scaling schedule (a scheduled action) has an expression PutScheduledAction takes: `at(...)`
// once, `rate(N unit)`, or `cron(...)` with six fields of which day-of-month or day-of-week is `?`;
// it sets `min`, `max` or both, and `min` is not above `max`.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>
#include <regex>

namespace ecl::check {
namespace {

// Why the expression is not one PutScheduledAction takes, or "".
std::string expression_problem(const std::string& e) {
  static const std::regex at(R"(at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\))");
  static const std::regex rate(R"(rate\(([1-9]\d*) (minute|minutes|hour|hours|day|days)\))");
  static const std::regex cron(R"(cron\(([^()]*)\))");
  std::smatch m;
  if (std::regex_match(e, at)) {
    return "";
  }
  if (std::regex_match(e, m, rate)) {
    const bool one = m[1] == "1";
    const bool plural = m[2].str().ends_with('s');
    return one == plural ? fmt::format("`rate` takes `{}` with {}", m[2].str(),
                                       one ? "a value of 1 in the singular" : "values above 1")
                         : "";
  }
  if (std::regex_match(e, m, cron)) {
    std::vector<std::string> fields;
    std::string inner = m[1], field;
    for (char ch : inner + " ") {
      if (ch == ' ') {
        if (!field.empty()) {
          fields.push_back(field);
        }
        field.clear();
      } else {
        field += ch;
      }
    }
    if (fields.size() != 6) {
      return fmt::format("`cron` takes six fields (minutes hours day-of-month month day-of-week "
                         "year), not {}",
                         fields.size());
    }
    if ((fields[2] == "?") == (fields[4] == "?")) {
      return "one of day-of-month and day-of-week must be `?`, and only one";
    }
    return "";
  }
  return "write `at(yyyy-mm-ddThh:mm:ss)`, `rate(N unit)` or `cron(...)`";
}

void run(RuleContext& c) {
  for (const model::Block* schedule : c.program.of_kind("schedule")) {
    if (const std::string* e = schedule->get_string("expression")) {
      if (std::string problem = expression_problem(*e); !problem.empty()) {
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

extern const Rule kScheduledScalingRule;
const Rule kScheduledScalingRule{
    "scheduled-scaling",
    "A scaling schedule has an expression PutScheduledAction takes and bounds in order",
    "https://docs.aws.amazon.com/autoscaling/application/APIReference/"
    "API_PutScheduledAction.html",
    {Diag::ScheduleShape},
    run};

} // namespace ecl::check
