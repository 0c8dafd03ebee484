// Containers fit their task. When the task sets `memory` (or `cpu`), the containers' memory (the
// hard limit, else the reservation) and CPU add up to at most the task's (E3104). A task without
// task-level memory (EC2) needs `memory` or `memory_reservation` on every container (E3111). A
// container's reservation is at most its hard limit (E3112).
#include "compiler/check/rules/rule.h"

#include <cmath>
#include <fmt/format.h>

namespace ecl::check {
namespace container_resources_rule {
namespace {

// Written but poisoned by an error the generic pass reported: the sum cannot be known.
bool poisoned(const model::Block& block, std::string_view name) {
  const model::Attribute* a = block.attribute(name);
  return a && a->value.is_null();
}

// One container's share of the task: its amount and the attribute it comes from.
struct Share {
  const model::Block* container;
  std::string_view attribute;
  std::int64_t amount;
};

void check_sum(RuleContext& c, const model::Block& task, std::string_view task_attr,
               const model::ChildrenOfKind& containers, std::string_view unit,
               std::string_view what) {
  auto limit = amount_of(task, task_attr);
  if (!limit) {
    return;
  }
  std::vector<Share> shares;
  std::int64_t total = 0;
  for (const model::Block* container : containers) {
    // Memory counts the hard limit, else the reservation; CPU is only `cpu`.
    const std::string_view attrs[] = {task_attr, "memory_reservation"};
    const std::size_t count = task_attr == "memory" ? 2 : 1;
    for (std::string_view attr : std::span(attrs, count)) {
      if (poisoned(*container, attr)) {
        return;
      }
      if (auto value = amount_of(*container, attr)) {
        shares.push_back({container, attr, *value});
        total += *value;
        break;
      }
    }
  }
  if (total <= *limit) {
    return;
  }
  auto& d =
      c.diags.report(Diag::ContainersExceedTask, attribute_range(task, task_attr), task.name, total,
                     fmt::format("{}{}", unit, what), fmt::format("{} {}", *limit, unit));
  for (const Share& s : shares) {
    d.note(attribute_range(*s.container, s.attribute),
           fmt::format("container `{}` takes {} {} (`{}`)", s.container->name, s.amount, unit,
                       s.attribute));
  }
}

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    const model::ChildrenOfKind containers = task->each_child("container");
    check_sum(c, *task, "memory", containers, "MiB", " of memory");
    check_sum(c, *task, "cpu", containers, "CPU units", "");

    // Fargate tasks without memory are reported by the fargate-task rule (E3102).
    bool needs_container_memory = !task->attribute("memory") && !fargate_compatibility(*task);
    for (const model::Block* container : containers) {
      if (needs_container_memory && !container->attribute("memory") &&
          !container->attribute("memory_reservation")) {
        c.diags.report(Diag::ContainerMemoryMissing, container->header_range, container->name,
                       task->name);
      }
      auto hard = amount_of(*container, "memory");
      auto soft = amount_of(*container, "memory_reservation");
      if (hard && soft && *soft > *hard) {
        c.diags
            .report(Diag::ReservationAboveLimit, attribute_range(*container, "memory_reservation"),
                    container->name, *soft, *hard)
            .note(attribute_range(*container, "memory"), "the memory limit is set here");
      }
    }
  }
}

} // namespace
} // namespace container_resources_rule

extern const Rule kContainerResourcesRule;
const Rule kContainerResourcesRule{
    "container-resources",
    "containers' memory and CPU fit the task's, every container of a task without task memory "
    "sets memory, and reservations stay under limits",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
    {Diag::ContainersExceedTask, Diag::ContainerMemoryMissing, Diag::ReservationAboveLimit},
    container_resources_rule::run};

} // namespace ecl::check
