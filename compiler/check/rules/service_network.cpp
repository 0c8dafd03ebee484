// A service's awsvpc configuration: an `awsvpc` task needs at least one subnet; its subnets and
// security groups belong to one VPC, at most 16 subnets and 5 security groups; tasks in other
// network modes take none of `subnets`, `security_groups`, `public_ip`. Warnings: a public IP in
// a private subnet, and several tasks whose subnets all share one zone. Only Fargate tasks get a
// public IP (E3220). Services and jobs alike.
#include "compiler/check/rules/internet_route.h"
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::check {
namespace service_network_rule {
namespace {

using services::RefItem;

// AwsVpcConfiguration limits.
constexpr std::size_t kMaxSubnets = 16;
constexpr std::size_t kMaxSecurityGroups = 5;

// The attribute was written with a value that asks for an awsvpc configuration.
bool sets_network(const model::Block& service, std::string_view attr) {
  const model::Attribute* a = service.attribute(attr);
  if (!a || a->defaulted) {
    return false;
  }
  if (attr == "public_ip") {
    return a->value.boolean() == true;
  }
  const model::List* list = a->value.as<model::List>();
  return list && !list->empty();
}

void check_not_awsvpc(RuleContext& c, const model::Block& service, const model::Block& task,
                      const std::string& mode) {
  for (std::string_view attr : {"subnets", "security_groups", "public_ip"}) {
    if (sets_network(service, attr)) {
      c.diags
          .report(Diag::NetworkConfigNotAwsvpc, attribute_range(service, attr), service.kind_name,
                  service.path, attr, mode)
          .note(attribute_range(task, "network_mode"),
                fmt::format("task `{}` sets its network mode here", task.path));
    }
  }
}

void check_counts(RuleContext& c, const model::Block& service) {
  struct Limit {
    std::string_view attr;
    std::string_view noun;
    std::size_t max;
  };
  for (const Limit& limit : {Limit{"subnets", "subnets", kMaxSubnets},
                             Limit{"security_groups", "security groups", kMaxSecurityGroups}}) {
    const model::Value* v = service.get(limit.attr);
    const model::List* list = v ? v->as<model::List>() : nullptr;
    if (list && list->size() > limit.max) {
      c.diags.report(Diag::TooManyNetworkItems, (*list)[limit.max].range, service.kind_name,
                     service.path, list->size(), limit.noun, limit.max);
    }
  }
}

void check_public_ip(RuleContext& c, const model::Block& service) {
  const model::Attribute* public_ip = service.attribute("public_ip");
  if (service.get_bool("public_ip") != true) {
    return;
  }
  if (!services::runs_on_fargate(service)) {
    // ECS: "Assign public IP is not supported for this launch type".
    c.diags.report(Diag::PublicIpOffFargate, attribute_range(service, "public_ip"),
                   service.kind_name, service.path);
    return;
  }
  std::vector<RefItem> subnets = services::ref_items(service, "subnets");
  // Private as AWS sees it, whatever `public` says: not routed to an internet gateway.
  std::vector<bool> is_private;
  for (const RefItem& subnet : subnets) {
    is_private.push_back(!routes_to_internet(c, subnet.block) && !routes_unknown(c, subnet.block));
  }
  // All private: no subnet needs the address, so the quick fix drops it.
  const bool all_private =
      std::find(is_private.begin(), is_private.end(), false) == is_private.end();
  for (std::size_t i = 0; i < subnets.size(); ++i) {
    if (is_private[i]) {
      Diagnostic& d =
          c.diags
              .report(Diag::PublicIpInPrivateSubnet, subnets[i].value->range, service.kind_name,
                      service.path, subnets[i].block->path)
              .note(attribute_range(service, "public_ip"), "the public IP is asked for here");
      if (all_private && !public_ip->defaulted) {
        d.fix(public_ip->value.range, "false", "set `public_ip = false`");
      }
    }
  }
}

void check_zones(RuleContext& c, const model::Block& service) {
  auto desired = service.get_int("desired");
  const std::string* scheduling = service.get_enum("scheduling");
  if (!desired || *desired <= 1 || (scheduling && *scheduling == "daemon")) {
    return;
  }
  std::vector<RefItem> subnets = services::ref_items(service, "subnets");
  if (subnets.empty()) {
    return;
  }
  const std::string* zone = model::zone_of(*subnets.front().block);
  for (const RefItem& subnet : subnets) {
    const std::string* z = model::zone_of(*subnet.block);
    if (!zone || !z || *z != *zone) {
      return;
    }
  }
  c.diags.report(Diag::SingleZoneService, attribute_range(service, "subnets"), service.path,
                 *desired, *zone);
}

void run(RuleContext& c) {
  for (const model::Block* block : services::runners(c.program)) {
    const model::Block& service = *block;
    const model::Block* task = service.get_ref("task");
    const std::string* mode = services::network_mode(task);
    if (!mode) {
      continue;
    }
    if (*mode != "awsvpc") {
      check_not_awsvpc(c, service, *task, *mode);
      continue;
    }
    const model::Value* subnets = service.get("subnets");
    const model::List* list = subnets ? subnets->as<model::List>() : nullptr;
    if (list && list->empty()) {
      c.diags
          .report(Diag::ServiceNeedsSubnets, attribute_range(service, "subnets"), service.kind_name,
                  service.path)
          .note(attribute_range(*task, "network_mode"),
                fmt::format("task `{}` uses `awsvpc`{}", task->path,
                            task->attribute("network_mode") &&
                                    task->attribute("network_mode")->defaulted
                                ? " by default"
                                : ""));
    }
    services::check_one_vpc(c, service);
    check_counts(c, service);
    check_public_ip(c, service);
    check_zones(c, service);
  }
}

} // namespace
} // namespace service_network_rule

extern const Rule kServiceNetworkRule;
const Rule kServiceNetworkRule{
    "service-network",
    "An awsvpc service has 1 to 16 subnets and at most 5 security groups, all of one VPC; other "
    "network modes take none; warns about public IPs in private subnets and single-zone services",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html",
    {Diag::ServiceNeedsSubnets, Diag::ServiceSpansVpcs, Diag::NetworkConfigNotAwsvpc,
     Diag::TooManyNetworkItems, Diag::PublicIpInPrivateSubnet, Diag::SingleZoneService,
     Diag::PublicIpOffFargate},
    service_network_rule::run};

} // namespace ecl::check
