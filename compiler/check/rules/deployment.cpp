// Deployment percents of a rolling update: `min_healthy_percent` from 0 to 100, `max_percent` at
// least 100 and greater than `min_healthy_percent`, or no task could ever be replaced.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace deployment_rule {
namespace {

void check(RuleContext& c, const model::Block& service, const model::Block& deployment) {
  auto min = deployment.get_int("min_healthy_percent");
  auto max = deployment.get_int("max_percent");
  bool min_ok = true;
  bool max_ok = true;
  if (min && (*min < 0 || *min > 100)) {
    min_ok = false;
    c.diags.report(Diag::DeploymentPercents, attribute_range(deployment, "min_healthy_percent"),
                   fmt::format("service `{}` keeps `min_healthy_percent = {}`; it must be between "
                               "0 and 100",
                               service.path, *min));
  }
  if (max && *max < 100) {
    max_ok = false;
    c.diags.report(Diag::DeploymentPercents, attribute_range(deployment, "max_percent"),
                   fmt::format("service `{}` allows `max_percent = {}`; it must be at least 100",
                               service.path, *max));
  }
  if (min && max && min_ok && max_ok && *max <= *min) {
    c.diags
        .report(Diag::DeploymentPercents, attribute_range(deployment, "max_percent"),
                fmt::format("service `{}` allows `max_percent = {}`, not above "
                            "`min_healthy_percent = {}`; no new task could start during a "
                            "deployment, so `max_percent` must be greater",
                            service.path, *max, *min))
        .note(attribute_range(deployment, "min_healthy_percent"),
              "`min_healthy_percent` is set here");
  }
}

void run(RuleContext& c) {
  for (const model::Block* block : c.program.of_kind("deployment")) {
    if (!block->parent) {
      continue;
    }
    check(c, *block->parent, *block);
  }
}

} // namespace
} // namespace deployment_rule

extern const Rule kDeploymentRule;
const Rule kDeploymentRule{
    "deployment",
    "Deployment percents: min_healthy_percent from 0 to 100, max_percent at least 100 and above "
    "min_healthy_percent",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html",
    {Diag::DeploymentPercents},
    deployment_rule::run};

} // namespace ecl::check
