// A target group, updated in place by ModifyTargetGroup for its health check, and its attributes
// (the deregistration delay), which CreateTargetGroup does not take.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& elbv2_target_group() {
  static const Codes gone = {"TargetGroupNotFound"};
  static const Descriptor d{
      "elbv2/target_group",
      "AWS::ElasticLoadBalancingV2::TargetGroup",
      {{.service = "elbv2",
        .name = "CreateTargetGroup",
        .outputs = {{"arn", "TargetGroups[0].TargetGroupArn"},
                    // `targetgroup/NAME/ID`: the ARN after its last `:`.
                    {"full_name", "TargetGroups[0].TargetGroupArn|after::"}},
        .on_change = OnChange::Update,
        .update = Request{"elbv2", "ModifyTargetGroup", {{"TargetGroupArn", "$output.arn"}}},
        .updatable = {"HealthCheckPath", "HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds",
                      "HealthyThresholdCount", "UnhealthyThresholdCount", "Matcher",
                      "HealthCheckPort"},
        .replace_reasons = {{"", "a target group's port, protocol, VPC and target type cannot "
                                 "change in place ({})"}},
        .remove = {{{"elbv2", "DeleteTargetGroup", {{"TargetGroupArn", "$output.arn"}}, gone}}},
        // Names are unique in the region: beside the old one, a made name takes another.
        .create_first = CreateFirst{{"Name"}, "Name", 32},
        .lookup =
            Lookup{.describe = {"elbv2",
                                "DescribeTargetGroups",
                                {{"Names", json::array({"$request.Name"})}},
                                gone},
                   .items = "",
                   .tags = "TagDescriptions[0].Tags",
                   .what = "target group `{}`",
                   .subject = "$request.Name",
                   .read_tags = Request{"elbv2",
                                        "DescribeTags",
                                        {{"ResourceArns",
                                          json::array({"$item.TargetGroups[0].TargetGroupArn"})}}}},
        .tags = {TagStyle::Elbv2, "$output.arn"},
        .done = {"DuplicateTargetGroupName"},
        // Made again with the same settings, it answers with the one that exists.
        .answers_existing = true,
        .refresh =
            Refresh{.read = {"elbv2", "DescribeTargetGroups", {{"TargetGroupArns", "$ids"}}, gone},
                    .subject = "$output.arn",
                    .items = "TargetGroups",
                    .id = "TargetGroupArn",
                    .compare = {{"HealthCheckPath"}},
                    .batch = 20}},
       {.service = "elbv2", .name = "ModifyTargetGroupAttributes", .on_change = OnChange::Repeat}},
      {{"target_group", "arn", "", "CreateTargetGroup", "arn", "", "", true},
       {"target_group", "full_name", "", "CreateTargetGroup", "full_name", "",
        "TargetGroupFullName"}}};
  return d;
}

} // namespace ecl::resources
