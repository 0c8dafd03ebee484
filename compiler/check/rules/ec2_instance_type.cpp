// An EC2 capacity's `instance_type` is one EC2 has (E3225): a misspelt one (`t3.mediun`) makes the
// launch template, and so every instance, fail. A task is placed on one instance, so a task (or a
// container of it) that needs more CPU or memory than one instance of every capacity it may go to
// offers is never placed (E3226): its service stays at 0 running tasks. An instance offers 1024
// CPU units a vCPU, and its memory less what the operating system and the ECS agent keep; that
// part varies, so a task is judged against the whole memory, and one that needs a little less may
// still not fit.
// (https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-type-specifications.html,
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html)
#include "compiler/check/instance_types.h"
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>

namespace ecl::check {
namespace ec2_instance_type_rule {
namespace {

// A type name is a family, a dot and a size: `t3.medium`, `m7g.16xlarge`, `u-6tb1.metal`.
bool type_shaped(std::string_view name) {
  const std::size_t dot = name.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < name.size() &&
         name.find('.', dot + 1) == std::string_view::npos;
}

bool family_known(std::string_view name) {
  const std::string_view family = name.substr(0, name.find('.') + 1); // with its dot
  for (const InstanceType& t : kInstanceTypes) {
    if (t.name.substr(0, family.size()) == family) {
      return true;
    }
  }
  return false;
}

// Reports an instance type EC2 does not have; returns the capacity's type, or nullptr.
const InstanceType* check_type(RuleContext& c, const model::Block& capacity) {
  const std::string* name = capacity.get_string("instance_type");
  if (!name) {
    return nullptr;
  }
  if (const InstanceType* type = find_instance_type(*name)) {
    return type;
  }
  std::vector<std::string_view> names;
  names.reserve(std::size(kInstanceTypes));
  for (const InstanceType& t : kInstanceTypes) {
    names.push_back(t.name);
  }
  const std::string suggestion = nearest(*name, names);
  // A family EC2 launched after this table, with no near name, is taken as written: the table is
  // not the last word on new families, only on the sizes of those it knows.
  if (suggestion.empty() && type_shaped(*name) && !family_known(*name)) {
    return nullptr;
  }
  c.diags.report(Diag::UnknownInstanceType, attribute_range(capacity, "instance_type"),
                 capacity.path, *name,
                 suggestion.empty() ? std::string("; types are written like `t3.medium` or "
                                                  "`m7g.xlarge`")
                                    : did_you_mean(suggestion));
  return nullptr;
}

// What one task needs of an instance: its task-level size, or else its containers' summed (a
// container's reservation when it has one: ECS places by it).
struct Need {
  std::int64_t amount = 0;
  Range at;
  std::string what; // "task `web`", "container `web.nginx`"
};

std::optional<Need> task_need(const model::Block& task, std::string_view attr) {
  if (auto n = amount_of(task, attr)) {
    return Need{*n, attribute_range(task, attr), fmt::format("task `{}`", task.path)};
  }
  std::optional<Need> out;
  for (const model::Block* container : task.each_child("container")) {
    std::optional<std::int64_t> n =
        attr == "memory" ? amount_of(*container, "memory_reservation") : std::nullopt;
    std::string_view from = n ? "memory_reservation" : attr;
    if (!n) {
      n = amount_of(*container, attr);
    }
    if (!n) {
      continue;
    }
    if (!out) {
      out = Need{0, attribute_range(*container, from), fmt::format("task `{}`", task.path)};
    }
    out->amount += *n;
  }
  return out;
}

void check_fit(RuleContext& c, const model::Block& service,
               const std::vector<std::pair<const model::Block*, const InstanceType*>>& capacities) {
  const model::Block* task = service.get_ref("task");
  if (!task || capacities.empty()) {
    return;
  }
  for (std::string_view attr : {"cpu", "memory"}) {
    std::optional<Need> need = task_need(*task, attr);
    if (!need) {
      continue;
    }
    const bool cpu = attr == "cpu";
    auto offers = [&](const InstanceType& t) { return cpu ? t.vcpus * 1024 : t.memory_mib; };
    const auto* largest = &capacities.front();
    bool fits = false;
    for (const auto& entry : capacities) {
      fits = fits || need->amount <= offers(*entry.second);
      if (offers(*entry.second) > offers(*largest->second)) {
        largest = &entry;
      }
    }
    if (fits) {
      continue;
    }
    const InstanceType& type = *largest->second;
    c.diags
        .report(Diag::TaskExceedsInstance, need->at, need->what, service.kind_name, service.path,
                need->amount, cpu ? "CPU units" : "MiB of memory", type.name, offers(type),
                cpu ? fmt::format("{} vCPUs", type.vcpus)
                    : std::string("less what the operating system and the ECS agent keep"))
        .note(attribute_range(*largest->first, "instance_type"),
              fmt::format("ec2_capacity `{}` launches `{}` instances here", largest->first->path,
                          type.name));
  }
}

void run(RuleContext& c) {
  std::vector<std::pair<const model::Block*, const InstanceType*>> types;
  for (const model::Block* capacity : c.program.of_kind("ec2_capacity")) {
    types.emplace_back(capacity, check_type(c, *capacity));
  }
  auto type_of = [&](const model::Block* capacity) -> const InstanceType* {
    for (const auto& [block, type] : types) {
      if (block == capacity) {
        return type;
      }
    }
    return nullptr;
  };
  for (const model::Block* service : services::runners(c.program)) {
    // The capacities the service's tasks may be placed on: the EC2 launch type places them on any
    // of its cluster's, a strategy on its EC2 providers'. One of unknown type may hold any task.
    std::vector<std::pair<const model::Block*, const InstanceType*>> capacities;
    bool unknown = false;
    auto add = [&](const model::Block* capacity) {
      const InstanceType* type = type_of(capacity);
      unknown = unknown || !type;
      if (type) {
        capacities.emplace_back(capacity, type);
      }
    };
    if (const std::string* launch = services::launch_type(*service)) {
      const model::Block* cluster = service->ancestor("cluster");
      if (*launch != "ec2" || !cluster) {
        continue;
      }
      for (const model::Block* capacity : cluster->each_child("ec2_capacity")) {
        add(capacity);
      }
    } else {
      for (const services::StrategyItem& s : services::strategy_of(*service)) {
        if (s.provider.ec2) {
          add(s.provider.ec2);
        }
      }
    }
    if (!unknown) {
      check_fit(c, *service, capacities);
    }
  }
}

} // namespace
} // namespace ec2_instance_type_rule

extern const Rule kEc2InstanceTypeRule;
const Rule kEc2InstanceTypeRule{
    "ec2-instance-type",
    "An EC2 capacity's instance type is one EC2 has, and the tasks placed on it fit one instance",
    "https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-type-specifications.html",
    {Diag::UnknownInstanceType, Diag::TaskExceedsInstance},
    ec2_instance_type_rule::run};

} // namespace ecl::check
