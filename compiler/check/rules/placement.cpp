// Task placement: Fargate services take no placement strategies or constraints, nor the daemon
// scheduling strategy; daemon services take no placement strategies, capacity provider strategy,
// `desired` count nor deployment `max_percent`
// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html, "Daemon"). Each
// strategy and constraint has the fields its type needs: `binpack` by `cpu` or `memory`, `spread`
// by `instanceId`, `host` or an attribute, `random` without a field, `member_of` with an
// expression, `distinct_instance` without one; at most 5 strategies and 10 constraints.
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::check {
namespace placement_rule {
namespace {

// PlacementStrategy and PlacementConstraint limits of CreateService.
constexpr std::size_t kMaxStrategies = 5;
constexpr std::size_t kMaxConstraints = 10;

const model::List* list_of(const model::Block& block, std::string_view attr) {
  const model::Value* v = block.get(attr);
  return v ? v->as<model::List>() : nullptr;
}

// An optional string field of an object, or nullptr when absent or null.
const model::Value* present(const model::Value& item, std::string_view key) {
  const model::Value* v = item.field(key);
  return v && !v->is_null() ? v : nullptr;
}

void check_strategy(RuleContext& c, const model::Value& item) {
  const model::Value* type_value = item.field("type");
  const std::string* type = type_value ? type_value->enum_member() : nullptr;
  if (!type) {
    return;
  }
  const model::Value* field = present(item, "field");
  const std::string* text = field ? field->string() : nullptr;
  if (*type == "binpack") {
    if (!field) {
      c.diags.report(Diag::PlacementShape, item.range,
                     "placement strategy `binpack` needs a `field`; use `field = \"cpu\"` or "
                     "`field = \"memory\"`");
    } else if (text && *text != "cpu" && *text != "memory") {
      c.diags.report(Diag::PlacementShape, field->range,
                     fmt::format("placement strategy `binpack` packs by `cpu` or `memory`, not "
                                 "`{}`",
                                 *text));
    }
  } else if (*type == "spread") {
    if (!field) {
      c.diags.report(Diag::PlacementShape, item.range,
                     "placement strategy `spread` needs a `field`; use `instanceId`, `host` or "
                     "an attribute such as `attribute:ecs.availability-zone`");
    } else if (text && *text != "instanceId" && *text != "host" &&
               (text->rfind("attribute:", 0) != 0 || text->size() == 10)) {
      c.diags.report(Diag::PlacementShape, field->range,
                     fmt::format("placement strategy `spread` spreads by `instanceId`, `host` or "
                                 "an `attribute:` name, not `{}`",
                                 *text));
    }
  } else if (*type == "random" && field) {
    c.diags.report(Diag::PlacementShape, field->range,
                   "placement strategy `random` takes no `field`; remove it");
  }
}

void check_constraint(RuleContext& c, const model::Value& item) {
  const model::Value* type_value = item.field("type");
  const std::string* type = type_value ? type_value->enum_member() : nullptr;
  if (!type) {
    return;
  }
  const model::Value* expression = present(item, "expression");
  if (*type == "member_of" && !expression) {
    c.diags.report(Diag::PlacementShape, item.range,
                   "placement constraint `member_of` needs an `expression`, e.g. "
                   "`\"attribute:ecs.instance-type =~ t3.*\"`");
  } else if (*type == "distinct_instance" && expression) {
    c.diags.report(Diag::PlacementShape, expression->range,
                   "placement constraint `distinct_instance` takes no `expression`; remove it or "
                   "use `member_of`");
  }
}

void check_service(RuleContext& c, const model::Block& service) {
  bool fargate = services::runs_on_fargate(service);
  const std::string* scheduling = service.get_enum("scheduling");
  const bool daemon = scheduling && *scheduling == "daemon";
  services::Origin origin = services::fargate_origin(service);
  const model::Block* cluster = service.ancestor("cluster");
  if (daemon && cluster && !services::launch_type(service) &&
      !services::capacity_written(service)) {
    // Such a daemon goes with the EC2 launch type on its cluster's instances: there are none
    // when every capacity provider of the cluster is Fargate's.
    const std::vector<services::StrategyItem> providers = services::strategy_of(*cluster);
    fargate = !providers.empty() &&
              std::all_of(providers.begin(), providers.end(),
                          [](const services::StrategyItem& p) { return p.provider.fargate(); });
    origin = {attribute_range(*cluster, "capacity"),
              fmt::format("cluster `{}` has only Fargate capacity providers", cluster->path)};
  }
  if (fargate && daemon) {
    c.diags
        .report(Diag::DaemonScheduling, attribute_range(service, "scheduling"),
                fmt::format("service `{}` runs on Fargate, which does not support "
                            "`scheduling = daemon`; use `replica` or run the service on EC2",
                            service.path))
        .note(origin.range, origin.message);
  } else if (daemon && services::capacity_written(service)) {
    // Without one it runs with the EC2 launch type on its cluster's instances.
    c.diags.report(Diag::DaemonScheduling, attribute_range(service, "capacity"),
                   fmt::format("daemon service `{}` takes no capacity provider strategy (ECS "
                               "refuses one with the daemon scheduling strategy); remove "
                               "`capacity`: it runs on the cluster's EC2 instances",
                               service.path));
  }
  if (daemon) {
    // ECS takes no task count for a daemon, and keeps its deployments at one task an instance:
    // eclc sends neither, so a written one would be dropped without a word.
    const model::Attribute* desired = service.attribute("desired");
    if (desired && !desired->defaulted && !desired->value.is_null()) {
      c.diags.report(Diag::DaemonScheduling, desired->value.range,
                     fmt::format("daemon service `{}` sets `desired`, but a daemon runs one task "
                                 "on each instance of its cluster and ECS takes no count for it; "
                                 "drop `desired`",
                                 service.path));
    }
    for (const model::Block* deployment : service.each_child("deployment")) {
      const model::Attribute* max = deployment->attribute("max_percent");
      if (max && !max->defaulted && !max->value.is_null()) {
        c.diags.report(Diag::DaemonScheduling, max->value.range,
                       fmt::format("daemon service `{}` sets `max_percent`, but a daemon "
                                   "replaces the task on each instance in place (ECS keeps its "
                                   "maximum at 100%) and eclc does not send it; drop "
                                   "`max_percent`",
                                   service.path));
      }
    }
  }
  for (const model::Block* placement : service.each_child("placement")) {
    const model::List* strategies = list_of(*placement, "strategy");
    const model::List* constraints = list_of(*placement, "constraint");
    if (fargate) {
      const char* attr = strategies && !strategies->empty()     ? "strategy"
                         : constraints && !constraints->empty() ? "constraint"
                                                                : nullptr;
      if (attr) {
        c.diags.report(Diag::FargatePlacement, attribute_range(*placement, attr), service.path)
            .note(origin.range, origin.message);
      }
      continue; // the shape does not matter when no placement is allowed
    }
    if (daemon && strategies && !strategies->empty()) {
      c.diags.report(Diag::DaemonScheduling, attribute_range(*placement, "strategy"),
                     fmt::format("daemon service `{}` takes no placement strategies; it runs one "
                                 "task on each instance",
                                 service.path));
    }
    if (strategies) {
      if (strategies->size() > kMaxStrategies) {
        c.diags.report(
            Diag::PlacementShape, (*strategies)[kMaxStrategies].range,
            fmt::format("service `{}` has {} placement strategies; ECS allows at most {}",
                        service.path, strategies->size(), kMaxStrategies));
      }
      for (const model::Value& item : *strategies) {
        check_strategy(c, item);
      }
    }
    if (constraints) {
      if (constraints->size() > kMaxConstraints) {
        c.diags.report(
            Diag::PlacementShape, (*constraints)[kMaxConstraints].range,
            fmt::format("service `{}` has {} placement constraints; ECS allows at most {}",
                        service.path, constraints->size(), kMaxConstraints));
      }
      for (const model::Value& item : *constraints) {
        check_constraint(c, item);
      }
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* service : c.program.of_kind("service")) {
    check_service(c, *service);
  }
}

} // namespace
} // namespace placement_rule

extern const Rule kPlacementRule;
const Rule kPlacementRule{
    "placement",
    "Fargate services take no placement or daemon scheduling; daemon services take no placement "
    "strategies, capacity provider strategy, desired count or max_percent; placement strategies "
    "and constraints have the "
    "fields their type needs",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html",
    {Diag::FargatePlacement, Diag::PlacementShape, Diag::DaemonScheduling},
    placement_rule::run};

} // namespace ecl::check
