// The Elastic Load Balancing v2 requests both backends send, built once from the checked model
// (CreateLoadBalancer, CreateTargetGroup, CreateListener, CreateRule and the attributes of the
// first two; docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/). The API and the
// AWS::ElasticLoadBalancingV2 resources spell their members alike, so the plan sends these as
// they are and CloudFormation writes them as properties; the API's attribute calls are the
// resources' `LoadBalancerAttributes` and `TargetGroupAttributes`. Names and tags are left to the
// backends (CloudFormation names the resources itself).
#pragma once

#include "backends/common/spelling.h"

#include <vector>

namespace ecl::backend::common {

// CreateLoadBalancer without Name and Tags.
json load_balancer(Spelling& s, const model::Block& lb);
// The load balancer's attributes: [{Key, Value}] (ModifyLoadBalancerAttributes).
json load_balancer_attributes(Spelling& s, const model::Block& lb);
// CreateTargetGroup without Name and Tags.
json target_group(Spelling& s, const model::Program& program, const model::Block& group);
// The target group's attributes: [{Key, Value}] (ModifyTargetGroupAttributes).
json target_group_attributes(Spelling& s, const model::Block& group);
// CreateListener without Tags.
json listener(Spelling& s, const model::Block& listener);
// CreateRule without Tags.
json listener_rule(Spelling& s, const model::Block& rule);

// The listeners and rules that forward to a target group the service is attached to: ECS refuses
// a target group no load balancer uses, so the service waits for them.
std::vector<const model::Block*> service_forwarders(Spelling& s, const model::Program& program,
                                                    const model::Block& service);

// The ResourceLabel of request-count scaling: `LB-FULL-NAME/TG-FULL-NAME` of the service's first
// target group and the first load balancer forwarding to it; null when there is none.
json request_count_label(Spelling& s, const model::Program& program, const model::Block& service);

} // namespace ecl::backend::common
