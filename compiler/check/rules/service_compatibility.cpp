// A service runs where its task can: Fargate providers need `fargate` in the task's
// compatibilities, EC2 capacity (or `launch_type = ec2`) needs `ec2`, external needs `external`.
// A service sets either `launch_type` or a `capacity` strategy, never both; the strategy names
// only providers its cluster lists, gives a base to at most one provider, a weight to at least one,
// and does not mix Fargate providers with Auto Scaling group providers (CreateService).
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>
#include <map>

namespace ecl::check {
namespace service_compatibility_rule {
namespace {

using services::Provider;
using services::StrategyItem;

// The compatibility a provider or launch type needs.
std::string_view needed_for(const Provider& provider) {
  return provider.fargate() ? "fargate" : "ec2";
}

// "`fargate`, `ec2`" or "nothing".
std::string list_compatibilities(const model::Block& task) {
  std::string out;
  const model::Value* v = task.get("compatibilities");
  if (const model::List* list = v ? v->as<model::List>() : nullptr) {
    for (const model::Value& item : *list) {
      if (const std::string* name = item.enum_member()) {
        out += fmt::format("{}`{}`", out.empty() ? "" : ", ", *name);
      }
    }
  }
  return out.empty() ? "nothing" : out;
}

// Whether the task's compatibilities include `needed`; nullopt when they are unknown (an error).
std::optional<bool> compatible(const model::Block& task, std::string_view needed) {
  const model::Value* v = task.get("compatibilities");
  const model::List* list = v ? v->as<model::List>() : nullptr;
  if (!list) {
    return std::nullopt;
  }
  for (const model::Value& item : *list) {
    if (item.is_null()) {
      return std::nullopt; // a bad member, already reported
    }
    if (const std::string* name = item.enum_member(); name && *name == needed) {
      return true;
    }
  }
  return false;
}

void report_incompatible(RuleContext& c, const model::Block& service, const model::Block& task,
                         std::string_view runs_on, std::string_view needed, Range at) {
  const model::Attribute* compat = task.attribute("compatibilities");
  std::string where = compat && !compat->defaulted
                          ? fmt::format("task `{}` lists its compatibilities here", task.path)
                          : fmt::format("task `{}` is declared here; its compatibilities default "
                                        "to `[fargate]`",
                                        task.path);
  auto& d = c.diags.report(Diag::ServiceTaskIncompatible, at, service.kind_name, service.path,
                           runs_on, task.path, list_compatibilities(task), needed);
  d.note(attribute_range(task, "compatibilities"), where);
  if (!services::capacity_written(service) && !services::launch_type(service)) {
    services::Origin origin = services::default_capacity_origin(service);
    d.note(origin.range, origin.message);
  }
}

void check_compatibility(RuleContext& c, const model::Block& service) {
  const model::Block* task = service.get_ref("task");
  if (!task) {
    return;
  }
  if (const std::string* type = services::launch_type(service)) {
    const char* runs_on = *type == "fargate" ? "Fargate"
                          : *type == "ec2"   ? "EC2"
                                             : "external instances";
    if (compatible(*task, *type) == false) {
      report_incompatible(c, service, *task, runs_on, *type,
                          attribute_range(service, "launch_type"));
    }
    return;
  }
  for (const StrategyItem& s : services::strategy_of(service)) {
    std::string_view needed = needed_for(s.provider);
    if (compatible(*task, needed) == false) {
      report_incompatible(c, service, *task,
                          fmt::format("capacity provider {}", s.provider.display()), needed,
                          s.provider_value->range);
    }
  }
}

// The providers a cluster lists in its `capacity`.
std::vector<Provider> cluster_providers(const model::Block& cluster, bool* known) {
  std::vector<Provider> out;
  *known = true;
  const model::Value* v = cluster.get("capacity");
  const model::List* list = v ? v->as<model::List>() : nullptr;
  if (!list) {
    *known = false;
    return out;
  }
  for (const model::Value& item : *list) {
    if (auto p = services::provider_of(item)) {
      out.push_back(*p);
    } else {
      *known = false; // an element with an error: do not guess what it was
    }
  }
  return out;
}

void check_strategy(RuleContext& c, const model::Block& service) {
  if (!services::capacity_written(service)) {
    return; // the cluster's default: one provider of the cluster, weight 1
  }
  const std::vector<StrategyItem> items = services::strategy_of(service);
  const model::Block* cluster = service.ancestor("cluster");
  bool known = false;
  const std::vector<Provider> listed =
      cluster ? cluster_providers(*cluster, &known) : std::vector<Provider>{};
  for (const StrategyItem& s : items) {
    if (!cluster || !known) {
      break;
    }
    bool found = std::any_of(listed.begin(), listed.end(),
                             [&](const Provider& p) { return p.same(s.provider); });
    if (!found) {
      c.diags
          .report(Diag::CapacityNotInCluster, s.provider_value->range, service.kind_name,
                  service.path, s.provider.display(), cluster->path)
          .note(attribute_range(*cluster, "capacity"),
                cluster->attribute("capacity") && !cluster->attribute("capacity")->defaulted
                    ? fmt::format("cluster `{}` lists its capacity providers here", cluster->path)
                    : fmt::format("cluster `{}` is declared here; its capacity defaults to "
                                  "`[fargate]`",
                                  cluster->path));
    }
  }
  // The same provider twice: (name, ec2 block) -> its first item.
  std::map<std::pair<std::string_view, const model::Block*>, std::size_t> first_listed;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto [first, inserted] = first_listed.emplace(
        std::pair(std::string_view(items[i].provider.name), items[i].provider.ec2), i);
    if (!inserted) {
      const std::size_t j = first->second;
      c.diags
          .report(Diag::CapacityStrategyShape, items[i].provider_value->range,
                  fmt::format("{} `{}` lists capacity provider {} twice; a strategy names "
                              "each provider once",
                              service.kind_name, service.path, items[i].provider.display()))
          .note(items[j].provider_value->range, "first listed here");
    }
  }
  // At most one provider with a base.
  const StrategyItem* first_base = nullptr;
  for (const StrategyItem& s : items) {
    if (!s.base || *s.base <= 0) {
      continue;
    }
    if (!first_base) {
      first_base = &s;
      continue;
    }
    c.diags
        .report(Diag::CapacityStrategyShape, s.base_value->range,
                fmt::format("{} `{}` gives a base to both {} and {}; only one provider of a "
                            "strategy may have a base greater than 0",
                            service.kind_name, service.path, first_base->provider.display(),
                            s.provider.display()))
        .note(
            first_base->base_value->range,
            fmt::format("{} has base {} here", first_base->provider.display(), *first_base->base));
  }
  // At least one weight.
  bool all_known = !items.empty() && std::all_of(items.begin(), items.end(),
                                                 [](const StrategyItem& s) { return s.weight; });
  bool any_weight = std::any_of(items.begin(), items.end(),
                                [](const StrategyItem& s) { return s.weight && *s.weight > 0; });
  if (all_known && !any_weight) {
    c.diags.report(Diag::CapacityStrategyShape, attribute_range(service, "capacity"),
                   fmt::format("every capacity provider of {} `{}` has weight 0; at least "
                               "one needs a weight greater than 0",
                               service.kind_name, service.path));
  }
  // Fargate and Auto Scaling group providers do not mix.
  const StrategyItem* first = items.empty() ? nullptr : &items.front();
  for (const StrategyItem& s : items) {
    if (s.provider.fargate() != first->provider.fargate()) {
      c.diags
          .report(Diag::CapacityStrategyShape, s.provider_value->range,
                  fmt::format("{} `{}` mixes Fargate and EC2 capacity providers ({} and {}); "
                              "a strategy uses either Fargate providers or Auto Scaling group "
                              "providers",
                              service.kind_name, service.path, first->provider.display(),
                              s.provider.display()))
          .note(first->provider_value->range,
                fmt::format("{} is listed here", first->provider.display()));
      break;
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* block : services::runners(c.program)) {
    const model::Block& service = *block;
    if (services::launch_type(service) && services::capacity_written(service)) {
      c.diags
          .report(Diag::LaunchTypeAndCapacity, attribute_range(service, "capacity"),
                  service.kind_name, service.path)
          .note(attribute_range(service, "launch_type"), "`launch_type` is set here");
    }
    check_compatibility(c, service);
    check_strategy(c, service);
  }
}

} // namespace
} // namespace service_compatibility_rule

extern const Rule kServiceCompatibilityRule;
const Rule kServiceCompatibilityRule{
    "service-compatibility",
    "A service's task supports its launch type or capacity providers; the service sets a launch "
    "type or a strategy, not both; the strategy uses its cluster's providers and has a valid shape",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
    {Diag::ServiceTaskIncompatible, Diag::LaunchTypeAndCapacity, Diag::CapacityNotInCluster,
     Diag::CapacityStrategyShape},
    service_compatibility_rule::run};

} // namespace ecl::check
