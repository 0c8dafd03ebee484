// Fargate tasks without a way to the internet reach ECR, CloudWatch Logs and the secret stores
// through interface endpoints, whose network interfaces are guarded by the endpoint's security
// groups: the tasks connect on HTTPS (TCP 443), so a group of the endpoint needs an ingress on 443
// from one of the tasks' groups, or from an address range holding their subnets. An endpoint
// without `security_groups` is in its VPC's default group, which lets in only its own members:
// tasks without `security_groups` too. Otherwise the endpoint is there but the image pull times
// out (ResourceInitializationError), which `eclc check` can only warn of: traffic may come from
// places the program does not know.
#include "compiler/check/rules/private_egress.h"
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::check {
namespace endpoint_ingress_rule {
namespace {

constexpr std::int64_t kHttps = 443;

// Why the endpoint's groups do not let the tasks in on 443, or "".
std::string ingress_refused(const model::Block& endpoint,
                            const std::vector<const model::Block*>& task_groups,
                            const std::vector<const model::Block*>& subnets) {
  const std::vector<const model::Block*> groups = endpoint.get_refs("security_groups");
  const model::Block* vpc = vpc_of(&endpoint);
  if (groups.empty()) {
    if (task_groups.empty()) {
      return ""; // both in the VPC's default group, which lets its members in
    }
    return fmt::format("it has no `security_groups`, so it is in the VPC's default security "
                       "group, which lets in only its own members; give it a security group with "
                       "`ingress {{ port = 443  from = {} }}`",
                       task_groups.front()->name);
  }
  for (const model::Block* group : groups) {
    for (const model::Block* ingress : group->each_child("ingress")) {
      if (!ingress->get("from")) {
        return ""; // a source with an error, already reported: it may be the tasks'
      }
    }
  }
  if (admits(groups, kHttps, task_groups, subnets)) {
    return "";
  }
  const model::Block* group = groups.front();
  const std::string which = groups.size() == 1 ? fmt::format("security group `{}`", group->path)
                                               : std::string("the endpoint's security groups");
  if (task_groups.empty()) {
    return fmt::format("the service has no `security_groups` and no ingress of {} allows tcp 443 "
                       "from an address range holding its subnets; add `ingress {{ port = 443  "
                       "from = {}.cidr }}` to security_group `{}`",
                       which, vpc ? vpc->name : "VPC", group->path);
  }
  const model::Block* source = task_groups.front();
  return fmt::format("no ingress of {} allows tcp 443 from security group `{}`; add `ingress {{ "
                     "port = 443  from = {} }}` to security_group `{}`",
                     which, source->path,
                     vpc_of(source) == vpc_of(group) ? source->name : source->path, group->path);
}

void check_service(RuleContext& c, const model::Block& service) {
  const std::vector<services::RefItem> subnets = egress::subnets_without_internet(c, service);
  if (subnets.empty()) {
    return;
  }
  const model::Block& task = *service.get_ref("task");
  const std::vector<std::string_view> needed = egress::endpoint_services(task);
  // The interface endpoints those subnets' tasks use, each once, in the order they are needed.
  std::vector<std::pair<const model::Block*, std::string_view>> endpoints;
  for (std::string_view name : needed) {
    for (const services::RefItem& item : subnets) {
      const model::Block* endpoint = egress::endpoint_for(
          c.program, *vpc_of(item.block), c.route_table_of(item.block, false), name);
      const std::string* type = endpoint ? endpoint->get_enum("type") : nullptr;
      if (type && *type == "interface" &&
          std::none_of(endpoints.begin(), endpoints.end(),
                       [&](const auto& e) { return e.first == endpoint; })) {
        endpoints.emplace_back(endpoint, name);
      }
    }
  }
  const std::vector<const model::Block*> task_groups = service.get_refs("security_groups");
  std::vector<const model::Block*> task_subnets;
  for (const services::RefItem& item : subnets) {
    task_subnets.push_back(item.block);
  }
  for (const auto& [endpoint, name] : endpoints) {
    const std::vector<const model::Block*> groups = endpoint->get_refs("security_groups");
    if (security_rules_unknown(groups, vpc_of(endpoint))) {
      continue;
    }
    std::string why = ingress_refused(*endpoint, task_groups, task_subnets);
    if (why.empty()) {
      continue;
    }
    c.diags
        .report(Diag::EndpointBlocksTasks,
                groups.empty() ? endpoint->header_range
                               : attribute_range(*endpoint, "security_groups"),
                endpoint->path, service.kind_name, service.path, name, why)
        .note(subnets.front().value->range,
              fmt::format("the tasks run in subnet `{}`, which has no route to a NAT gateway",
                          subnets.front().block->path));
  }
}

void run(RuleContext& c) {
  for (const model::Block* service : services::runners(c.program)) {
    check_service(c, *service);
  }
}

} // namespace
} // namespace endpoint_ingress_rule

extern const Rule kEndpointIngressRule;
const Rule kEndpointIngressRule{
    "endpoint-ingress",
    "Warns when an interface endpoint that private Fargate tasks need does not let them in on "
    "TCP 443",
    "https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html",
    {Diag::EndpointBlocksTasks},
    endpoint_ingress_rule::run};

} // namespace ecl::check
