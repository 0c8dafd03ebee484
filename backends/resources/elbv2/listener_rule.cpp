// A rule of a listener, updated in place by ModifyRule (its conditions and actions).
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& elbv2_listener_rule() {
  static const Descriptor d{
      "elbv2/listener_rule",
      "AWS::ElasticLoadBalancingV2::ListenerRule",
      {{.service = "elbv2",
        .name = "CreateRule",
        .outputs = {{"arn", "Rules[0].RuleArn"}},
        .on_change = OnChange::Update,
        .update = Request{"elbv2", "ModifyRule", {{"RuleArn", "$output.arn"}}},
        .updatable = {"Conditions", "Actions"},
        .replace_reasons = {{"", "a rule's listener and priority are changed by replacing it "
                                 "({})"}},
        .remove = {{{"elbv2",
                     "DeleteRule",
                     {{"RuleArn", "$output.arn"}},
                     {"RuleNotFound", "ListenerNotFound"}}}},
        // Its listener's rule of the priority.
        .deleted_first = "its priority is reused on its listener",
        .lookup = Lookup{.describe = {"elbv2",
                                      "DescribeRules",
                                      {{"ListenerArn", "$request.ListenerArn"}},
                                      {"ListenerNotFound"}},
                         .items = "Rules",
                         .match = {{"Priority", "$request.Priority"}},
                         .wrapper = "Rules[0]",
                         .tags = "TagDescriptions[0].Tags",
                         .read_tags = Request{"elbv2",
                                              "DescribeTags",
                                              {{"ResourceArns", json::array({"$item.RuleArn"})}}}},
        .tags = {TagStyle::Elbv2, "$output.arn"},
        .refresh =
            Refresh{.read = {"elbv2", "DescribeRules", {{"RuleArns", "$ids"}}, {"RuleNotFound"}},
                    .subject = "$output.arn",
                    .items = "Rules",
                    .id = "RuleArn",
                    .batch = 20}}},
      {{"rule", "arn", "", "CreateRule", "arn", "", "", true}}};
  return d;
}

} // namespace ecl::resources
