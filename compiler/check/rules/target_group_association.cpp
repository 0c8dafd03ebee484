// A target group serves one load balancer of its own VPC: the listeners and rules that forward to
// it belong to one load balancer, in the group's VPC; and a service attaches only a target group
// some listener or rule forwards to (ECS refuses one that no load balancer uses).
#include "compiler/check/rules/load_balancing.h"
#include "compiler/check/rules/service_common.h"
#include "compiler/schema/schema.h"

#include <fmt/format.h>

namespace ecl::check {
namespace target_group_association_rule {
namespace {

// The listeners and rules that forward to the group: one load balancer, of the group's VPC.
void check_forwards(RuleContext& c, const model::Block& group) {
  const model::Block* group_vpc = vpc_of(&group);
  const model::Block* first = nullptr; // the first listener or rule forwarding to the group
  for (std::string_view kind : {"listener", "rule"}) {
    for (const model::Block* b : c.program.of_kind(kind)) {
      const model::Block* lb = b->ancestor("load_balancer");
      if (!lb || b->get_ref("forward") != &group) {
        continue;
      }
      const model::Block* lb_vpc = vpc_of(lb);
      if (group_vpc && lb_vpc && group_vpc != lb_vpc) {
        c.diags
            .report(Diag::TargetGroupAssociation, attribute_range(*b, "forward"),
                    fmt::format("{} forwards to target_group `{}` of vpc `{}`, but its load "
                                "balancer `{}` is in vpc `{}`; a load balancer forwards to target "
                                "groups of its own VPC",
                                b->display(), group.path, group_vpc->path, lb->path, lb_vpc->path))
            .note(group.header_range,
                  fmt::format("target_group `{}` is declared here", group.path));
        continue;
      }
      if (!first) {
        first = b;
      } else if (const model::Block* first_lb = first->ancestor("load_balancer"); first_lb != lb) {
        c.diags
            .report(Diag::TargetGroupAssociation, attribute_range(*b, "forward"),
                    fmt::format("{} forwards to target_group `{}`, which load_balancer `{}` "
                                "already uses; a target group serves one load balancer, so give "
                                "load_balancer `{}` a target group of its own",
                                b->display(), group.path, first_lb->path, lb->path))
            .note(attribute_range(*first, "forward"),
                  fmt::format("{} forwards to it here", first->display()));
      }
    }
  }
}

// Whether the group is in another VPC than the service's subnets (E3306 says so).
bool in_other_vpc(const model::Block& service, const model::Block& group) {
  std::vector<services::RefItem> subnets = services::ref_items(service, "subnets");
  const model::Block* service_vpc = subnets.empty() ? nullptr : vpc_of(subnets.front().block);
  return service_vpc && vpc_of(&group) != service_vpc;
}

void run(RuleContext& c) {
  for (const model::Block* group : c.program.of_kind("target_group")) {
    check_forwards(c, *group);
  }
  for (const model::Block* service : c.program.of_kind("service")) {
    for (const load_balancing::Attachment& a : load_balancing::attachments_of(*service)) {
      // A group made elsewhere is forwarded to by a load balancer made elsewhere too.
      if (!a.group || !load_balancing::forwarding_to(c.program, a.group).empty() ||
          in_other_vpc(*service, *a.group) || schema::existing(*a.group)) {
        continue;
      }
      c.diags
          .report(Diag::TargetGroupAssociation, a.item->field("target_group")->range,
                  fmt::format("service `{}` attaches target_group `{}`, which no listener or rule "
                              "forwards to; ECS refuses a target group without a load balancer: "
                              "set `forward = {}` on a listener or rule",
                              service->path, a.group->path, a.group->name))
          .note(a.group->header_range,
                fmt::format("target_group `{}` is declared here", a.group->path));
    }
  }
}

} // namespace
} // namespace target_group_association_rule

extern const Rule kTargetGroupAssociationRule;
const Rule kTargetGroupAssociationRule{
    "target-group-association",
    "A target group serves one load balancer of its VPC, and a service attaches only a target "
    "group a listener or rule forwards to",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html",
    {Diag::TargetGroupAssociation},
    target_group_association_rule::run};

} // namespace ecl::check
