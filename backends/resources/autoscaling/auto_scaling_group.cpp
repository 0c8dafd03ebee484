// An ec2_capacity's Auto Scaling group, and the read of its ARN (CreateAutoScalingGroup answers
// nothing). A deleted group terminates its instances before it is gone. A group of the name that
// exists (AlreadyExists) is taken only when its tags carry the state's lineage.
// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html
// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_UpdateAutoScalingGroup.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& autoscaling_auto_scaling_group() {
  static const Descriptor d{
      "autoscaling/auto_scaling_group",
      "AWS::AutoScaling::AutoScalingGroup",
      {{.service = "autoscaling",
        .name = "CreateAutoScalingGroup",
        // A new launch template: instances launched from now on use it. A new desired count
        // launches or terminates instances to meet it (replacing the group would terminate all).
        .on_change = OnChange::Update,
        .update = Request{"autoscaling",
                          "UpdateAutoScalingGroup",
                          {{"AutoScalingGroupName", "$request.AutoScalingGroupName"}}},
        .updatable = {"LaunchTemplate", "MinSize", "MaxSize", "DesiredCapacity",
                      "VPCZoneIdentifier"},
        .remove = {{{"autoscaling",
                     "DeleteAutoScalingGroup",
                     {{"AutoScalingGroupName", "$request.AutoScalingGroupName"},
                      {"ForceDelete", true}},
                     // "AutoScalingGroup name not found - AutoScalingGroup 'x' not found"
                     {"ValidationError: not found"}},
                    Waiter{.what = "auto scaling group {} to be deleted",
                           .subject = "$request.AutoScalingGroupName",
                           .probe = {"autoscaling",
                                     "DescribeAutoScalingGroups",
                                     {{"AutoScalingGroupNames",
                                       json::array({"$request.AutoScalingGroupName"})}}},
                           .status = "AutoScalingGroups[0].Status",
                           .done = {"gone"},
                           .present = "AutoScalingGroups[0].AutoScalingGroupName",
                           .idle = "in service"}}},
        .deleted_first = "its name is reused",
        .lookup = Lookup{.describe = {"autoscaling",
                                      "DescribeAutoScalingGroups",
                                      {{"AutoScalingGroupNames",
                                        json::array({"$request.AutoScalingGroupName"})}}},
                         .items = "AutoScalingGroups",
                         .tags = "Tags",
                         .what = "auto scaling group `{}`",
                         .subject = "$request.AutoScalingGroupName"},
        .tags = {TagStyle::AutoScaling, "$request.AutoScalingGroupName", "auto-scaling-group"},
        .done = {"AlreadyExists"},
        .refresh = Refresh{.read = {"autoscaling",
                                    "DescribeAutoScalingGroups",
                                    {{"AutoScalingGroupNames", "$ids"}}},
                           .subject = "$request.AutoScalingGroupName",
                           .items = "AutoScalingGroups",
                           .id = "AutoScalingGroupName",
                           .compare = {{"MinSize"}, {"MaxSize"}},
                           .status = "Status",
                           .gone_status = {"Delete in progress"},
                           .next_token = "NextToken",
                           .batch = 50}},
       {.service = "autoscaling",
        .name = "DescribeAutoScalingGroups",
        .outputs = {{"arn", "AutoScalingGroups[0].AutoScalingGroupARN"},
                    {"auto_scaling_group", "AutoScalingGroups[0].AutoScalingGroupName"}}}},
      {{"ec2_capacity", "auto_scaling_group", "describe-auto-scaling-group",
        "DescribeAutoScalingGroups", "auto_scaling_group", "AutoScalingGroup"}}};
  return d;
}

} // namespace ecl::resources
