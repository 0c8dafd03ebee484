// A container's mount point names a volume of its task (E3128): ECS refuses a task definition
// whose `sourceVolume` is not one of its volumes.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <string>
#include <vector>

namespace ecl::check {
namespace mount_points_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    std::vector<std::string> names;
    const model::Value* volumes = task->get("volumes");
    for (const model::Value& v :
         volumes && volumes->as<model::List>() ? *volumes->as<model::List>() : model::List{}) {
      const model::Value* name = v.field("name");
      if (name && name->string()) {
        names.push_back(*name->string());
      }
    }
    for (const model::Block* container : task->each_child("container")) {
      const model::Value* mounts = container->get("mount_points");
      for (const model::Value& m :
           mounts && mounts->as<model::List>() ? *mounts->as<model::List>() : model::List{}) {
        const model::Value* volume = m.field("volume");
        const std::string* name = volume ? volume->string() : nullptr;
        if (!name || std::find(names.begin(), names.end(), *name) != names.end()) {
          continue;
        }
        std::string suggestion = nearest(*name, std::span<const std::string>(names));
        c.diags.report(Diag::MountPointUnknownVolume, volume->range, container->name, *name,
                       task->path,
                       !suggestion.empty() ? did_you_mean(suggestion)
                       : names.empty()     ? std::string("; it has no `volumes`")
                                           : std::string());
      }
    }
  }
}

} // namespace
} // namespace mount_points_rule

extern const Rule kMountPointsRule;
const Rule kMountPointsRule{"mount-points",
                            "A container mounts volumes of its own task",
                            "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/"
                            "API_MountPoint.html",
                            {Diag::MountPointUnknownVolume},
                            mount_points_rule::run};

} // namespace ecl::check
