// A service's auto scaling: `min` at most `max`, a written `desired` between them, and a target to
// track (CPU or memory). A daemon service runs one task per instance and takes no scaling.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace {

void run(RuleContext& c) {
  for (const model::Block* scaling : c.program.of_kind("scaling")) {
    const model::Block* service = scaling->parent;
    if (!service) {
      continue;
    }
    auto min = scaling->get_int("min");
    auto max = scaling->get_int("max");
    if (min && max && *min > *max) {
      c.diags.report(Diag::ScalingBounds, attribute_range(*scaling, "min"),
                     fmt::format("scaling of service `{}` has min {} above max {}", service->path,
                                 *min, *max));
    } else if (const model::Attribute* desired = service->attribute("desired");
               min && max && desired && !desired->defaulted) {
      auto count = desired->value.integer();
      if (count && (*count < *min || *count > *max)) {
        c.diags
            .report(Diag::ScalingBounds, desired->value.range,
                    fmt::format("service `{}` starts {} tasks, outside its scaling's {} to {}",
                                service->path, *count, *min, *max))
            .note(scaling->header_range, "the scaling is declared here");
      }
    }
    if (!scaling->get("cpu") && !scaling->get("memory")) {
      c.diags.report(Diag::ScalingBounds, scaling->header_range,
                     fmt::format("scaling of service `{}` tracks nothing; set `cpu` or `memory` "
                                 "(a utilization in percent)",
                                 service->path));
    }
    const std::string* scheduling = service->get_enum("scheduling");
    if (scheduling && *scheduling == "daemon") {
      c.diags.report(Diag::ScalingBounds, scaling->header_range,
                     fmt::format("service `{}` is a daemon (one task per instance) and takes no "
                                 "scaling",
                                 service->path));
    }
  }
}

} // namespace

extern const Rule kServiceScalingRule;
const Rule kServiceScalingRule{
    "service-scaling",
    "Auto scaling has min at most max, a written desired between them, and a CPU or memory target",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/"
    "service-autoscaling-targettracking.html",
    {Diag::ScalingBounds},
    run};

} // namespace ecl::check
