// Fargate Spot runs only Linux tasks of the X86_64 architecture: an arm64 task placed on the
// `fargate_spot` capacity provider never starts (the strategy is accepted, the tasks are not).
// Report each `fargate_spot` item of a service's or job's strategy, written or its cluster's
// default, whose task is arm64.
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>

namespace ecl::check {
namespace fargate_spot_architecture_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* block : services::runners(c.program)) {
    const model::Block& service = *block;
    const model::Block* task = service.get_ref("task");
    const std::string* arch = task ? task->get_enum("cpu_architecture") : nullptr;
    if (!arch || *arch != "arm64" || services::launch_type(service)) {
      continue; // a launch type is never Spot; with both set E3207 speaks
    }
    for (const services::StrategyItem& s : services::strategy_of(service)) {
      if (s.provider.fargate() && s.provider.name == "fargate_spot") {
        auto& d = c.diags.report(Diag::FargateSpotArm64, s.provider_value->range, service.kind_name,
                                 service.path, task->path);
        d.note(attribute_range(*task, "cpu_architecture"),
               fmt::format("task `{}` is arm64 here", task->path));
        if (!services::capacity_written(service)) {
          services::Origin origin = services::default_capacity_origin(service);
          d.note(origin.range, origin.message);
        }
      }
    }
  }
}

} // namespace
} // namespace fargate_spot_architecture_rule

extern const Rule kFargateSpotArchitectureRule;
const Rule kFargateSpotArchitectureRule{
    "fargate-spot-architecture",
    "Fargate Spot runs only x86_64 tasks: an arm64 task's service does not use `fargate_spot`",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html",
    {Diag::FargateSpotArm64},
    fargate_spot_architecture_rule::run};

} // namespace ecl::check
