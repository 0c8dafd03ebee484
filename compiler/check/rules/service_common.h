// Helpers shared by the service and cluster rules: what a service runs on (its launch type or its
// capacity provider strategy) and the VPCs its network items belong to.
#pragma once

#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <vector>

namespace ecl::check::services {

// A capacity provider named in a strategy or a cluster: `fargate`, `fargate_spot`, or an
// `ec2_capacity` block (an Auto Scaling group provider).
struct Provider {
  std::string name;                  // "fargate", "fargate_spot", or the ec2_capacity's path
  const model::Block* ec2 = nullptr; // the ec2_capacity, for an EC2 provider
  bool fargate() const { return ec2 == nullptr; }
  // "`fargate_spot`" or "ec2_capacity `prod.big`", for messages.
  std::string display() const { return ec2 ? ec2->display() : fmt::format("`{}`", name); }
  bool same(const Provider& other) const { return name == other.name && ec2 == other.ec2; }
};

// The provider a value names; nullopt when it is null (already reported) or of another form.
inline std::optional<Provider> provider_of(const model::Value& value) {
  if (const std::string* member = value.enum_member()) {
    return Provider{*member, nullptr};
  }
  if (const model::Block* block = value.block()) {
    if (block->kind_name == "ec2_capacity") {
      return Provider{block->path, block};
    }
  }
  return std::nullopt;
}

// One item of a service's capacity provider strategy: `{ provider = fargate, base = 1 }`.
struct StrategyItem {
  Provider provider;
  const model::Value* item = nullptr; // the whole item, for ranges
  const model::Value* provider_value = nullptr;
  std::optional<std::int64_t> weight; // nullopt when null
  std::optional<std::int64_t> base;
  const model::Value* weight_value = nullptr;
  const model::Value* base_value = nullptr;
};

// The items of the service's `capacity` whose provider is known, in source order.
inline std::vector<StrategyItem> strategy_of(const model::Block& service) {
  std::vector<StrategyItem> out;
  const model::Value* capacity = service.get("capacity");
  const model::List* list = capacity ? capacity->as<model::List>() : nullptr;
  if (!list) {
    return out;
  }
  for (const model::Value& item : *list) {
    StrategyItem s;
    s.item = &item;
    s.provider_value = item.as<model::Map>() ? item.field("provider") : &item;
    if (!s.provider_value) {
      continue;
    }
    auto provider = provider_of(*s.provider_value);
    if (!provider) {
      continue;
    }
    s.provider = *provider;
    s.weight_value = item.field("weight");
    s.base_value = item.field("base");
    s.weight = s.weight_value ? s.weight_value->integer() : std::nullopt;
    s.base = s.base_value ? s.base_value->integer() : std::nullopt;
    out.push_back(s);
  }
  return out;
}

// The service's `capacity` was written in the source (not filled from its cluster).
inline bool capacity_written(const model::Block& service) {
  const model::Attribute* a = service.attribute("capacity");
  return a && !a->defaulted && !a->value.is_null();
}

// The service's written launch type, or nullptr.
inline const std::string* launch_type(const model::Block& service) {
  const model::Attribute* a = service.attribute("launch_type");
  return a && !a->defaulted ? a->value.enum_member() : nullptr;
}

// The service runs (some of) its tasks on Fargate: `launch_type = fargate`, or, without a launch
// type, a Fargate provider in its strategy (written or the cluster's default).
inline bool runs_on_fargate(const model::Block& service) {
  if (const std::string* type = launch_type(service)) {
    return *type == "fargate";
  }
  for (const StrategyItem& s : strategy_of(service)) {
    if (s.provider.fargate()) {
      return true;
    }
  }
  return false;
}

// A place for a note and its message.
struct Origin {
  Range range;
  std::string message;
};

// Where a service without a written launch type or capacity gets its provider: its cluster's
// first capacity provider.
inline Origin default_capacity_origin(const model::Block& service) {
  const model::Block* cluster = service.ancestor("cluster");
  if (!cluster) {
    return {service.header_range, "the service uses its cluster's first capacity provider"};
  }
  const model::Attribute* a = cluster->attribute("capacity");
  bool defaulted = !a || a->defaulted;
  return {attribute_range(*cluster, "capacity"),
          defaulted ? fmt::format("the service uses the default capacity of cluster `{}`, "
                                  "`[fargate]`",
                                  cluster->path)
                    : fmt::format("the service uses the first capacity provider of cluster `{}`",
                                  cluster->path)};
}

// Why the service runs on Fargate, for a note: its launch type, a provider of its strategy, or
// its cluster's default provider.
inline Origin fargate_origin(const model::Block& service) {
  if (launch_type(service)) {
    return {attribute_range(service, "launch_type"), "`launch_type = fargate` is set here"};
  }
  if (!capacity_written(service)) {
    return default_capacity_origin(service);
  }
  for (const StrategyItem& s : strategy_of(service)) {
    if (s.provider.fargate()) {
      return {s.provider_value->range,
              fmt::format("the service runs on Fargate through capacity provider {}",
                          s.provider.display())};
    }
  }
  return {service.header_range, "the service runs on Fargate"};
}

// The blocks that run tasks in a cluster: its services, then its jobs (which a schedule or
// `eclc run` starts), whose launch type, capacity and network are written alike.
inline std::vector<const model::Block*> runners(const model::Program& program) {
  std::vector<const model::Block*> out;
  for (std::string_view kind : {"service", "job"}) {
    for (const model::Block* b : program.of_kind(kind)) {
      out.push_back(b);
    }
  }
  return out;
}

// The task's network mode, or nullptr.
inline const std::string* network_mode(const model::Block* task) {
  return task ? task->get_enum("network_mode") : nullptr;
}

// A block's item list attribute (`subnets`, `security_groups`): the referenced blocks with the
// values (for ranges).
struct RefItem {
  const model::Block* block = nullptr;
  const model::Value* value = nullptr;
};
inline std::vector<RefItem> ref_items(const model::Block& block, std::string_view attr) {
  std::vector<RefItem> out;
  const model::Value* v = block.get(attr);
  const model::List* list = v ? v->as<model::List>() : nullptr;
  if (!list) {
    return out;
  }
  for (const model::Value& item : *list) {
    if (const model::Block* b = item.block()) {
      out.push_back({b, &item});
    }
  }
  return out;
}

// Reports ServiceSpansVpcs when the block's subnets and security groups belong to more than one
// VPC: at the first item outside the first item's VPC, with a note at that first item.
inline void check_one_vpc(RuleContext& c, const model::Block& block) {
  std::vector<RefItem> items = ref_items(block, "subnets");
  const bool has_subnets = !items.empty();
  std::vector<RefItem> groups = ref_items(block, "security_groups");
  const bool has_groups = !groups.empty();
  items.insert(items.end(), groups.begin(), groups.end());
  std::vector<const model::Block*> vpcs;
  const RefItem* first = nullptr;
  const RefItem* stray = nullptr;
  for (const RefItem& item : items) {
    const model::Block* vpc = vpc_of(item.block);
    if (!vpc) {
      continue;
    }
    if (!first) {
      first = &item;
    } else if (!stray && vpc != vpc_of(first->block)) {
      stray = &item;
    }
    if (std::find(vpcs.begin(), vpcs.end(), vpc) == vpcs.end()) {
      vpcs.push_back(vpc);
    }
  }
  if (!stray) {
    return;
  }
  std::string what = has_subnets && has_groups ? "subnets and security groups"
                     : has_subnets             ? "subnets"
                                               : "security groups";
  std::string list;
  for (const model::Block* vpc : vpcs) {
    list += fmt::format("{}`{}`", list.empty() ? "" : ", ", vpc->path);
  }
  c.diags
      .report(Diag::ServiceSpansVpcs, stray->value->range, what, block.kind_name, block.path, list)
      .note(first->value->range,
            fmt::format("{} is in vpc `{}`", first->block->display(), vpc_of(first->block)->path));
}

} // namespace ecl::check::services
