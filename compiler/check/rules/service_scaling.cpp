// A service's auto scaling: `min` at most `max`, a written `desired` between them, and a target to
// track (CPU, memory, the requests of its first target group, which an application load balancer
// forwards to, or a CloudWatch metric of a `metric` block). A daemon service runs one task per
// instance and takes no scaling.
#include "compiler/check/rules/load_balancing.h"

#include <fmt/format.h>

namespace ecl::check {
namespace service_scaling_rule {
namespace {

// Request-count tracking follows the requests of the service's first target group, which an
// application load balancer must forward to.
void check_requests(RuleContext& c, const model::Block& scaling, const model::Block& service) {
  std::vector<load_balancing::Attachment> attachments = load_balancing::attachments_of(service);
  if (attachments.empty()) {
    c.diags.report(Diag::RequestsWithoutLoadBalancer, attribute_range(scaling, "requests"),
                   fmt::format("scaling of service `{}` tracks requests, but the service has no "
                               "`load_balancers`; attach it to a target group of an application "
                               "load balancer",
                               service.path));
    return;
  }
  const model::Block* group = attachments.front().group;
  if (!group) {
    return;
  }
  for (const model::Block* lb : load_balancing::forwarding_to(c.program, group)) {
    const std::string* type = lb->get_enum("type");
    if (type && *type == "application") {
      return;
    }
  }
  c.diags
      .report(Diag::RequestsWithoutLoadBalancer, attribute_range(scaling, "requests"),
              fmt::format("scaling of service `{}` tracks requests, but no application load "
                          "balancer forwards to its first target group `{}`",
                          service.path, group->path))
      .note(group->header_range, fmt::format("target_group `{}` is declared here", group->path));
}

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
                    fmt::format("service `{}` starts {} task{}, outside its scaling's {} to {}",
                                service->path, *count, *count == 1 ? "" : "s", *min, *max))
            .note(scaling->header_range, "the scaling is declared here");
      }
    }
    if (!scaling->get("cpu") && !scaling->get("memory") && !scaling->get("requests") &&
        scaling->children_of("metric").empty()) {
      c.diags.report(Diag::ScalingBounds, scaling->header_range,
                     fmt::format("scaling of service `{}` tracks nothing; set `cpu` or `memory` "
                                 "(a utilization in percent), `requests` (a minute, per task), or "
                                 "add a `metric` block (a CloudWatch metric)",
                                 service->path));
    }
    if (scaling->get("requests")) {
      check_requests(c, *scaling, *service);
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
} // namespace service_scaling_rule

extern const Rule kServiceScalingRule;
const Rule kServiceScalingRule{
    "service-scaling",
    "Auto scaling has min at most max, a written desired between them, and a target to track",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/"
    "service-autoscaling-targettracking.html",
    {Diag::ScalingBounds, Diag::RequestsWithoutLoadBalancer},
    service_scaling_rule::run};

} // namespace ecl::check
