// An EC2 instance boots only an image of its own architecture, and runs only tasks of it: a
// Graviton (arm64) instance type with the x86_64 ECS-optimized image never launches (E3222), and
// an arm64 task placed on x86_64 instances, or an x86_64 task on Graviton ones, is never placed
// (E3223). The default image follows the instance type; a written one is judged only when it is an
// ECS-optimized image parameter, whose name says its architecture (an AMI ID does not).
#include "compiler/check/instance_types.h"
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>

namespace ecl::check {
namespace ec2_architecture_rule {
namespace {

// The architecture of the capacity's instances, or "" when its instance type is unknown.
std::string_view architecture_of(const model::Block& capacity) {
  const std::string* type = capacity.get_string("instance_type");
  return type ? instance_architecture(*type) : "";
}

void check_image(RuleContext& c, const model::Block& capacity) {
  const model::Attribute* ami = capacity.attribute("ami");
  const std::string* image = ami && !ami->defaulted ? ami->value.string() : nullptr;
  const std::string_view image_arch = image ? ecs_ami_architecture(*image) : "";
  const std::string_view arch = architecture_of(capacity);
  if (image_arch.empty() || arch.empty() || image_arch == arch) {
    return;
  }
  c.diags
      .report(Diag::Ec2ImageArchitecture, ami->value.range, capacity.path, image_arch,
              *capacity.get_string("instance_type"), arch,
              arch == "arm64" ? kEcsAmiArm : kEcsAmiX86)
      .note(attribute_range(capacity, "instance_type"), "the instance type is set here");
}

void report_task(RuleContext& c, const model::Block& service, const model::Block& task,
                 std::string_view task_arch, const model::Block& capacity, Range at) {
  const std::string_view arch = architecture_of(capacity);
  const model::Attribute* written = task.attribute("cpu_architecture");
  auto& d =
      c.diags.report(Diag::TaskInstanceArchitecture, at, service.kind_name, service.path, task_arch,
                     task.path, capacity.path, *capacity.get_string("instance_type"), arch);
  d.note(attribute_range(task, "cpu_architecture"),
         written && !written->defaulted
             ? fmt::format("task `{}` is {} here", task.path, task_arch)
             : fmt::format("task `{}` is declared here; its `cpu_architecture` defaults to `{}`",
                           task.path, task_arch));
  if (!services::launch_type(service) && !services::capacity_written(service)) {
    services::Origin origin = services::default_capacity_origin(service);
    d.note(origin.range, origin.message);
  }
}

void check_tasks(RuleContext& c, const model::Block& service) {
  const model::Block* task = service.get_ref("task");
  const std::string* task_arch = task ? task->get_enum("cpu_architecture") : nullptr;
  if (!task_arch) {
    return;
  }
  if (const std::string* type = services::launch_type(service)) {
    // The EC2 launch type places tasks on any instance of the cluster: refused only when none
    // of its capacities has the task's architecture.
    const model::Block* cluster = service.ancestor("cluster");
    if (*type != "ec2" || !cluster) {
      return;
    }
    const model::Block* other = nullptr;
    for (const model::Block* capacity : cluster->each_child("ec2_capacity")) {
      const std::string_view arch = architecture_of(*capacity);
      if (arch.empty() || arch == *task_arch) {
        return;
      }
      other = other ? other : capacity;
    }
    if (other) {
      report_task(c, service, *task, *task_arch, *other, attribute_range(service, "launch_type"));
    }
    return;
  }
  for (const services::StrategyItem& s : services::strategy_of(service)) {
    const std::string_view arch = s.provider.ec2 ? architecture_of(*s.provider.ec2) : "";
    if (!arch.empty() && arch != *task_arch) {
      report_task(c, service, *task, *task_arch, *s.provider.ec2, s.provider_value->range);
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* capacity : c.program.of_kind("ec2_capacity")) {
    check_image(c, *capacity);
  }
  for (const model::Block* service : services::runners(c.program)) {
    check_tasks(c, *service);
  }
}

} // namespace
} // namespace ec2_architecture_rule

extern const Rule kEc2ArchitectureRule;
const Rule kEc2ArchitectureRule{
    "ec2-architecture",
    "An EC2 capacity's image and the tasks placed on it have its instance type's architecture",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-optimized_AMI.html",
    {Diag::Ec2ImageArchitecture, Diag::TaskInstanceArchitecture},
    ec2_architecture_rule::run};

} // namespace ecl::check
