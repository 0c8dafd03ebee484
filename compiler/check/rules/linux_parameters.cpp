// A container's swappiness applies only with its swap (W0019): without `maxSwap`, ECS ignores it.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html
#include "compiler/check/rules/rule.h"

namespace ecl::check {
namespace linux_parameters_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* container : c.program.of_kind("container")) {
    if (container->get("swappiness") && !container->get("swap")) {
      c.diags.report(Diag::SwappinessWithoutSwap, attribute_range(*container, "swappiness"),
                     container->path);
    }
  }
}

} // namespace
} // namespace linux_parameters_rule

extern const Rule kLinuxParametersRule;
const Rule kLinuxParametersRule{
    "linux-parameters",
    "A container's swappiness comes with its swap",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html",
    {Diag::SwappinessWithoutSwap},
    linux_parameters_rule::run};

} // namespace ecl::check
