// A task has at least one essential container (E3105) and at most ten containers (E3106).
// Container names are unique within their task: the checker's generic pass reports that (E1003).
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace essential_container_rule {
namespace {

// ECS service quota "Containers per task definition": 10, not adjustable.
constexpr std::size_t kMaxContainers = 10;

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    const model::ChildrenOfKind containers = task->each_child("container");
    bool any_essential = false;
    bool unknown = false; // an `essential` poisoned by an earlier error
    for (const model::Block* container : containers) {
      auto essential = container->get_bool("essential");
      any_essential = any_essential || essential.value_or(false);
      unknown = unknown || !essential;
    }
    if (!any_essential && !unknown) {
      auto& d = c.diags.report(Diag::NoEssentialContainer, task->header_range, task->name);
      for (const model::Block* container : containers) {
        d.note(attribute_range(*container, "essential"),
               fmt::format("container `{}` is not essential", container->name));
      }
    }
    if (containers.size() > kMaxContainers) {
      c.diags.report(Diag::TooManyContainers,
                     task->children_of("container")[kMaxContainers]->header_range, task->name,
                     containers.size());
    }
  }
}

} // namespace
} // namespace essential_container_rule

extern const Rule kEssentialContainerRule;
const Rule kEssentialContainerRule{
    "essential-container",
    "a task has at least one essential container and at most ten containers",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html",
    {Diag::NoEssentialContainer, Diag::TooManyContainers},
    essential_container_rule::run};

} // namespace ecl::check
