// Warns when a load balancer cannot reach the awsvpc tasks it forwards to: no security group of
// the service lets one of the load balancer's security groups (or an address range holding all
// its subnets) in on the container port over TCP, or the service has no security group (its
// tasks are in the VPC's default group, which lets in only its own members).
#include "compiler/check/rules/load_balancing.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>

namespace ecl::check {
namespace {

// Whether the ingress rule's source is one of the load balancer's groups, or a CIDR holding every
// subnet of it.
bool from_load_balancer(const model::Block& ingress, const model::Block& lb) {
  const model::Value* peer = ingress.get("from");
  if (!peer) {
    return false;
  }
  if (const model::Block* group = peer->block()) {
    for (const model::Block* g : lb.get_refs("security_groups")) {
      if (g == group) {
        return true;
      }
    }
    return false;
  }
  auto range = cidr_of(ingress, "from");
  if (!range) {
    return false;
  }
  std::vector<const model::Block*> subnets = lb.get_refs("subnets");
  for (const model::Block* subnet : subnets) {
    auto cidr = cidr_of(*subnet, "cidr");
    if (!cidr || !range->contains(*cidr)) {
      return false;
    }
  }
  return !subnets.empty();
}

void check(RuleContext& c, const model::Block& service, const load_balancing::Attachment& a,
           const model::Block& lb) {
  std::vector<const model::Block*> lb_groups = lb.get_refs("security_groups");
  std::vector<const model::Block*> task_groups = service.get_refs("security_groups");
  auto port = a.port ? a.port->integer() : std::nullopt;
  if (lb_groups.empty() || !port) {
    return; // the load balancer in its VPC's default group: judged by rules the program lacks
  }
  if (task_groups.empty()) {
    // The tasks are in the VPC's default group, which lets in only its own members
    // (https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html), and the
    // load balancer is not one of them.
    const model::Block* source = lb_groups.front();
    c.diags
        .report(Diag::LoadBalancerCannotReachTasks, a.port->range, lb.path, service.path, *port,
                fmt::format("the service has no `security_groups`, so its tasks are in the VPC's "
                            "default security group, which lets in only its own members; give "
                            "the service a security group with `ingress {{ port = {}  from = {} "
                            "}}`",
                            *port, source->name))
        .note(attribute_range(lb, "security_groups"),
              fmt::format("load_balancer `{}` uses security group `{}`", lb.path, source->path));
    return;
  }
  for (const model::Block* group : task_groups) {
    for (const model::Block* ingress : group->each_child("ingress")) {
      if (allows_tcp_port(*ingress, *port) && from_load_balancer(*ingress, lb)) {
        return;
      }
    }
  }
  const model::Block* group = task_groups.front();
  const model::Block* source = lb_groups.front();
  std::string source_name =
      vpc_of(source) == vpc_of(group) ? source->name : fmt::format("{}", source->path);
  c.diags
      .report(Diag::LoadBalancerCannotReachTasks, a.port->range, lb.path, service.path, *port,
              fmt::format("no ingress of {} allows tcp {} from security group `{}`; add `ingress "
                          "{{ port = {}  from = {} }}` to security_group `{}`",
                          task_groups.size() == 1 ? fmt::format("security group `{}`", group->path)
                                                  : std::string("the service's security groups"),
                          *port, source->path, *port, source_name, group->path))
      .note(attribute_range(lb, "security_groups"),
            fmt::format("load_balancer `{}` uses security group `{}`", lb.path, source->path));
}

void run(RuleContext& c) {
  for (const model::Block* service : c.program.of_kind("service")) {
    const std::string* mode = services::network_mode(service->get_ref("task"));
    if (!mode || *mode != "awsvpc") {
      continue; // instance targets: the instances' groups, which ec2_capacity sets
    }
    const model::Block* task = service->get_ref("task");
    for (const load_balancing::Attachment& a : load_balancing::attachments_of(*service)) {
      if (!a.group || !load_balancing::attaches_mapped_port(*task, a)) {
        continue; // E3307 says what is wrong with it
      }
      for (const model::Block* lb : load_balancing::forwarding_to(c.program, a.group)) {
        check(c, *service, a, *lb);
      }
    }
  }
}

} // namespace

extern const Rule kLoadBalancerIngressRule;
const Rule kLoadBalancerIngressRule{
    "load-balancer-ingress",
    "Warns when the tasks' security groups do not let their load balancer in on the container "
    "port",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
    "load-balancer-update-security-groups.html",
    {Diag::LoadBalancerCannotReachTasks},
    run};

} // namespace ecl::check
