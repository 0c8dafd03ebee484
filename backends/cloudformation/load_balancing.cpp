// The load balancing kinds: load_balancer, target_group, listener and rule, as
// AWS::ElasticLoadBalancingV2 resources (common/elbv2_requests.cpp builds their properties).
// CloudFormation names the load balancers and target groups; listeners and rules take no tags.
#include "backends/cloudformation/lowering.h"
#include "backends/common/elbv2_requests.h"
#include "backends/resources/registry.h"

namespace ecl::backend::cfn {

using common::JsonWriter;

void lower_load_balancer(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::elbv2_load_balancer());
  w.members(common::load_balancer(l, b));
  w.member("LoadBalancerAttributes", common::load_balancer_attributes(l, b));
  l.write_tags(w.key("Tags"), b);
  // An internet-facing load balancer needs its VPC's internet gateway attached.
  const model::Block* vpc = b.ancestor("vpc");
  if (std::string attachment = vpc ? l.attachment_id(*vpc) : ""; !attachment.empty()) {
    l.end_properties().member("DependsOn", attachment);
  }
  l.end_resource();
}

void lower_target_group(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::elbv2_target_group());
  w.members(common::target_group(l, l.program(), b));
  w.member("TargetGroupAttributes", common::target_group_attributes(l, b));
  l.write_tags(w.key("Tags"), b);
  l.end_resource();
}

void lower_listener(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::elbv2_listener());
  w.members(common::listener(l, b));
  l.end_resource();
}

void lower_listener_rule(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::elbv2_listener_rule());
  w.members(common::listener_rule(l, b));
  l.end_resource();
}

} // namespace ecl::backend::cfn
