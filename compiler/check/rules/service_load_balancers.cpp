// A service's attachments to target groups: at most five; each names a container of its task and
// a port that container maps, and a target group of the service's VPC whose target type fits the
// task's network mode (`ip` under awsvpc, `instance` under bridge and host). A grace period needs
// a load balancer.
#include "compiler/check/rules/load_balancing.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>

namespace ecl::check {
namespace service_load_balancers_rule {
namespace {

using load_balancing::Attachment;

constexpr std::size_t kMaxTargetGroups = 5;

void check_container(RuleContext& c, const model::Block& service, const model::Block& task,
                     const Attachment& a) {
  const std::string* name = a.container ? a.container->string() : nullptr;
  if (!name) {
    return;
  }
  const model::Block* container = model::container_named(task, *name);
  if (!container) {
    std::vector<std::string> names;
    for (const model::Block* each : task.each_child("container")) {
      const std::string* aws = each->get_string("name");
      names.push_back(aws ? *aws : each->name);
    }
    c.diags
        .report(Diag::AttachmentNotInTask, a.container->range,
                fmt::format("service `{}` attaches container `{}`, which task `{}` does not have{}",
                            service.path, *name, task.path, did_you_mean(nearest(*name, names))))
        .note(task.header_range, fmt::format("task `{}` is declared here", task.path));
    return;
  }
  auto port = a.port ? a.port->integer() : std::nullopt;
  if (port && !load_balancing::maps_port(*container, *port)) {
    c.diags
        .report(Diag::AttachmentNotInTask, a.port->range,
                fmt::format("service `{}` attaches port {} of container `{}`, which does not map "
                            "it; add it to the container's `ports`",
                            service.path, *port, container->path))
        .note(container->header_range,
              fmt::format("container `{}` is declared here", container->path));
  }
}

void check_group(RuleContext& c, const model::Block& service, const model::Block* task,
                 const Attachment& a) {
  const model::Block& group = *a.group;
  const Range at = a.item->field("target_group")->range;
  std::vector<services::RefItem> subnets = services::ref_items(service, "subnets");
  const model::Block* group_vpc = vpc_of(&group);
  const model::Block* service_vpc = subnets.empty() ? nullptr : vpc_of(subnets.front().block);
  if (group_vpc && service_vpc && group_vpc != service_vpc) {
    c.diags
        .report(Diag::TargetGroupOtherVpc, at, group.path, group_vpc->path, service.path,
                service_vpc->path)
        .note(
            subnets.front().value->range,
            fmt::format("{} is in vpc `{}`", subnets.front().block->display(), service_vpc->path));
  }
  const std::string* mode = services::network_mode(task);
  const std::string* type = group.get_enum("target_type");
  if (!mode || !type || *mode == "none") {
    return;
  }
  std::string_view needs = *mode == "awsvpc" ? "ip" : "instance";
  if (*type != needs) {
    c.diags
        .report(Diag::TargetTypeMismatch, at, group.path, *type, service.path, task->path, *mode,
                needs)
        .note(attribute_range(group, "target_type"),
              fmt::format("target_group `{}` has target type `{}`{}", group.path, *type,
                          group.attribute("target_type")->defaulted
                              ? " (from the first service attached to it)"
                              : ""));
  }
}

void run(RuleContext& c) {
  for (const model::Block* block : c.program.of_kind("service")) {
    const model::Block& service = *block;
    std::vector<Attachment> attachments = load_balancing::attachments_of(service);
    if (attachments.empty() && service.get("health_check_grace_period")) {
      c.diags.report(Diag::GracePeriodWithoutLoadBalancer,
                     attribute_range(service, "health_check_grace_period"), service.path);
    }
    if (attachments.size() > kMaxTargetGroups) {
      c.diags.report(Diag::TooManyTargetGroups, attachments[kMaxTargetGroups].item->range,
                     service.path, attachments.size());
    }
    const model::Block* task = service.get_ref("task");
    for (const Attachment& a : attachments) {
      if (task) {
        check_container(c, service, *task, a);
      }
      if (a.group) {
        check_group(c, service, task, a);
      }
    }
  }
}

} // namespace
} // namespace service_load_balancers_rule

extern const Rule kServiceLoadBalancerRule;
const Rule kServiceLoadBalancerRule{
    "service-load-balancers",
    "A service attaches at most 5 target groups of its VPC, each by a container and port of its "
    "task with a target type that fits the network mode; a grace period needs a load balancer",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html",
    {Diag::TargetGroupOtherVpc, Diag::AttachmentNotInTask, Diag::TargetTypeMismatch,
     Diag::GracePeriodWithoutLoadBalancer, Diag::TooManyTargetGroups},
    service_load_balancers_rule::run};

} // namespace ecl::check
