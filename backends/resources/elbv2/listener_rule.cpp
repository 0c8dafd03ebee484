// A rule of a listener, updated in place by ModifyRule (its conditions and actions) and
// SetRulePriorities (its priority).
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetRulePriorities.html
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
        // A free priority is taken in place: requests never fall to the default action meanwhile.
        .set_by = {{"Priority", Request{"elbv2",
                                        "SetRulePriorities",
                                        {{"RulePriorities",
                                          json::array({{{"RuleArn", "$output.arn"},
                                                        {"Priority", "$request.Priority"}}})}}}}},
        .replace_reasons = {{"", "a rule's listener is changed by replacing it ({})"}},
        .remove = {{{"elbv2",
                     "DeleteRule",
                     {{"RuleArn", "$output.arn"}},
                     {"RuleNotFound", "ListenerNotFound"}}}},
        .create_first = CreateFirst{.unique = {"ListenerArn", "Priority"},
                                    .taken = "its priority is reused on its listener"},
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
