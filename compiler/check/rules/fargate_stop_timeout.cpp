// A container of a Fargate task waits at most 120 seconds to stop (E3131): "For tasks using the
// Fargate launch type, the max stop timeout value is 120 seconds." The schema's bound, 3600s, is
// the EC2 agent's.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace fargate_stop_timeout_rule {
namespace {

constexpr std::int64_t kFargateMaxStopTimeout = 120; // seconds, the page above

void run(RuleContext& c) {
  for (const model::Block* container : c.program.of_kind("container")) {
    auto timeout = amount_of(*container, "stop_timeout");
    const model::Block* task = container->ancestor("task");
    if (!timeout || *timeout <= kFargateMaxStopTimeout || !task) {
      continue;
    }
    const model::Value* fargate = fargate_compatibility(*task);
    if (!fargate) {
      continue;
    }
    Diagnostic& d =
        c.diags.report(Diag::FargateStopTimeout, attribute_range(*container, "stop_timeout"),
                       container->path, *timeout, task->path);
    const model::Attribute* compat = task->attribute("compatibilities");
    if (compat && compat->defaulted) {
      d.note(task->header_range, "`compatibilities` defaults to `[fargate]`; write "
                                 "`compatibilities = [ec2]` for a task that runs on EC2 instances");
    } else {
      d.note(fargate->range, "the task is Fargate-compatible here");
    }
  }
}

} // namespace
} // namespace fargate_stop_timeout_rule

extern const Rule kFargateStopTimeoutRule;
const Rule kFargateStopTimeoutRule{
    "fargate-stop-timeout",
    "a container of a Fargate task stops within 120 seconds",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
    {Diag::FargateStopTimeout},
    fargate_stop_timeout_rule::run};

} // namespace ecl::check
