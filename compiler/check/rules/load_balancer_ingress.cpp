// Warns when a load balancer cannot reach the tasks it forwards to: no security group of the
// service lets one of the load balancer's security groups (or an address range holding all its
// subnets) in on the container port over TCP, or the service has no security group (its tasks
// are in the VPC's default group, which lets in only its own members). Tasks in `bridge` or
// `host` mode are reached on their instances, through the security groups of the service's
// `ec2_capacity`: on the host port, which for a `bridge` mapping without one is dynamic, from
// the ephemeral range ECS picks it in, 32768-65535
// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html).
#include "compiler/check/rules/load_balancing.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>

namespace ecl::check {
namespace load_balancer_ingress_rule {
namespace {

// The ephemeral port range of dynamic host ports on ECS-optimized instances.
constexpr std::int64_t kDynamicFirst = 32768;
constexpr std::int64_t kDynamicLast = 65535;

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

// Whether an ingress lets TCP traffic to every port from `first` to `last` through.
bool allows_tcp_range(const model::Block& rule, std::int64_t first, std::int64_t last) {
  const std::string* protocol = rule.get_enum("protocol");
  if (protocol && *protocol == "all") {
    return true;
  }
  if (first == last) {
    return allows_tcp_port(rule, first);
  }
  auto from = rule.get_int("from_port");
  auto to = rule.get_int("to_port");
  return protocol && *protocol == "tcp" && from && to && *from <= first && last <= *to;
}

// The host port a `bridge` or `host` task's mapping of the attached container port takes: the
// container port under `host`, the written `host` under `bridge`, 0 (dynamic) without one.
std::optional<std::int64_t> host_port(const model::Block& task, const std::string& mode,
                                      const load_balancing::Attachment& a) {
  auto port = a.port ? a.port->integer() : std::nullopt;
  if (!port || mode == "host") {
    return port;
  }
  const std::string* name = a.container ? a.container->string() : nullptr;
  const model::Block* container = name ? model::container_named(task, *name) : nullptr;
  const model::Value* ports = container ? container->get("ports") : nullptr;
  const model::List* list = ports ? ports->as<model::List>() : nullptr;
  if (!list) {
    return std::nullopt;
  }
  for (const model::Value& mapping : *list) {
    const model::Value* p = mapping.field("container");
    if (p && p->integer() == port) {
      const model::Value* host = mapping.field("host");
      auto n = host ? host->integer() : std::nullopt;
      return n.value_or(0);
    }
  }
  return std::nullopt;
}

// The EC2 capacity a service's tasks run on: the `ec2_capacity` providers of its strategy, else
// (a launch type of `ec2`) every `ec2_capacity` of its cluster.
std::vector<const model::Block*> instances_of(const model::Block& service) {
  std::vector<const model::Block*> out;
  for (const services::StrategyItem& item : services::strategy_of(service)) {
    if (item.provider.ec2) {
      out.push_back(item.provider.ec2);
    }
  }
  if (out.empty() && service.parent) {
    for (const model::Block* capacity : service.parent->each_child("ec2_capacity")) {
      out.push_back(capacity);
    }
  }
  return out;
}

// Instance targets: some security group of each ec2_capacity the tasks run on lets the load
// balancer in on the host port (the whole dynamic range for a dynamic one).
void check_instances(RuleContext& c, const model::Block& service, const model::Block& task,
                     const std::string& mode, const load_balancing::Attachment& a,
                     const model::Block& lb) {
  std::vector<const model::Block*> lb_groups = lb.get_refs("security_groups");
  auto host = host_port(task, mode, a);
  if (lb_groups.empty() || !host) {
    return;
  }
  const bool dynamic = *host == 0;
  const std::int64_t first = dynamic ? kDynamicFirst : *host;
  const std::int64_t last = dynamic ? kDynamicLast : *host;
  for (const model::Block* capacity : instances_of(service)) {
    std::vector<const model::Block*> groups = capacity->get_refs("security_groups");
    if (groups.empty() || security_rules_unknown(groups, vpc_of(groups.front()))) {
      continue; // the VPC's default group, or groups made elsewhere: not the program's to know
    }
    bool reached = false;
    for (const model::Block* group : groups) {
      for (const model::Block* ingress : group->each_child("ingress")) {
        reached = reached ||
                  (allows_tcp_range(*ingress, first, last) && from_load_balancer(*ingress, lb));
      }
    }
    if (reached) {
      continue;
    }
    const model::Block* group = groups.front();
    const model::Block* source = lb_groups.front();
    std::string source_name =
        vpc_of(source) == vpc_of(group) ? source->name : fmt::format("{}", source->path);
    std::string ports = dynamic ? fmt::format("{}-{}", first, last) : std::to_string(first);
    std::string ingress =
        dynamic ? fmt::format("ingress {{ from_port = {}  to_port = {}  from = {} }}", first, last,
                              source_name)
                : fmt::format("ingress {{ port = {}  from = {} }}", first, source_name);
    std::string why = dynamic ? fmt::format(", the dynamic host ports ECS gives `{}` tasks", mode)
                              : fmt::format(", the host port of its `{}` tasks", mode);
    c.diags
        .report(Diag::LoadBalancerCannotReachTasks, a.port->range, lb.path, service.path, ports,
                fmt::format("its tasks run on the instances of ec2_capacity `{}`, and no ingress "
                            "of {} allows tcp {}{}, from security group `{}`; add `{}` to "
                            "security_group `{}`",
                            capacity->path,
                            groups.size() == 1 ? fmt::format("security group `{}`", group->path)
                                               : std::string("its security groups"),
                            ports, why, source->path, ingress, group->path))
        .note(attribute_range(lb, "security_groups"),
              fmt::format("load_balancer `{}` uses security group `{}`", lb.path, source->path));
  }
}

void run(RuleContext& c) {
  for (const model::Block* service : c.program.of_kind("service")) {
    const model::Block* task = service->get_ref("task");
    const std::string* mode = services::network_mode(task);
    if (!mode || (*mode != "awsvpc" && *mode != "bridge" && *mode != "host")) {
      continue;
    }
    for (const load_balancing::Attachment& a : load_balancing::attachments_of(*service)) {
      if (!a.group || !load_balancing::attaches_mapped_port(*task, a)) {
        continue; // E3307 says what is wrong with it
      }
      for (const model::Block* lb : load_balancing::forwarding_to(c.program, a.group)) {
        if (*mode == "awsvpc") {
          check(c, *service, a, *lb);
        } else {
          check_instances(c, *service, *task, *mode, a, *lb);
        }
      }
    }
  }
}

} // namespace
} // namespace load_balancer_ingress_rule

extern const Rule kLoadBalancerIngressRule;
const Rule kLoadBalancerIngressRule{
    "load-balancer-ingress",
    "Warns when the tasks' (or their instances') security groups do not let their load balancer "
    "in on the container (or host) port",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
    "load-balancer-update-security-groups.html",
    {Diag::LoadBalancerCannotReachTasks},
    load_balancer_ingress_rule::run};

} // namespace ecl::check
