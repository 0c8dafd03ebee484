// An application or network load balancer, and its attributes (idle timeout, deletion
// protection), which CreateLoadBalancer does not take. `provisioning` for a while after it is
// created; deleting it deletes its listeners and rules.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSecurityGroups.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& elbv2_load_balancer() {
  static const Codes gone = {"LoadBalancerNotFound"};
  static const Request probe = {
      "elbv2", "DescribeLoadBalancers", {{"LoadBalancerArns", json::array({"$output.arn"})}}, gone};
  static const Descriptor d{
      "elbv2/load_balancer",
      "AWS::ElasticLoadBalancingV2::LoadBalancer",
      {{.service = "elbv2",
        .name = "CreateLoadBalancer",
        .outputs = {{"arn", "LoadBalancers[0].LoadBalancerArn"},
                    {"dns_name", "LoadBalancers[0].DNSName"},
                    {"zone_id", "LoadBalancers[0].CanonicalHostedZoneId"},
                    // `app/NAME/ID`: the ARN after its last `loadbalancer/`.
                    {"full_name", "LoadBalancers[0].LoadBalancerArn|after:loadbalancer/"}},
        // Its security groups change in place (a group replaced beside the old one).
        .on_change = OnChange::Update,
        .update = Request{"elbv2", "SetSecurityGroups", {{"LoadBalancerArn", "$output.arn"}}},
        .updatable = {"SecurityGroups"},
        .replace_reasons = {{"Type", "a load balancer's type cannot change ({})"},
                            {"Scheme", "a load balancer's scheme cannot change ({})"},
                            {"", "a load balancer's name, subnets and settings are changed by "
                                 "replacing it ({})"}},
        .remove = {{{"elbv2", "DeleteLoadBalancer", {{"LoadBalancerArn", "$output.arn"}}, gone},
                    Waiter{.what = "load balancer {} to be deleted",
                           .subject = "$request.Name",
                           .probe = probe,
                           .status = "LoadBalancers[0].State.Code",
                           .done = {"gone"}}}},
        .create_first = CreateFirst{{"Name"}, "Name", 32}, // as a target group's
        .lookup = Lookup{.describe = {"elbv2",
                                      "DescribeLoadBalancers",
                                      {{"Names", json::array({"$request.Name"})}},
                                      gone},
                         .items = "",
                         .tags = "TagDescriptions[0].Tags",
                         .what = "load balancer `{}`",
                         .subject = "$request.Name",
                         .read_tags =
                             Request{"elbv2",
                                     "DescribeTags",
                                     {{"ResourceArns",
                                       json::array({"$item.LoadBalancers[0].LoadBalancerArn"})}}}},
        .wait = Waiter{.what = "load balancer {} to be active",
                       .subject = "$request.Name",
                       .probe = probe,
                       .status = "LoadBalancers[0].State.Code",
                       .done = {"active"},
                       .failed = {"failed"},
                       .reason = "LoadBalancers[0].State.Reason"},
        .tags = {TagStyle::Elbv2, "$output.arn"},
        .done = {"DuplicateLoadBalancerName"},
        // Made again with the same settings, it answers with the one that exists.
        .answers_existing = true,
        .refresh = Refresh{.read = {"elbv2",
                                    "DescribeLoadBalancers",
                                    {{"LoadBalancerArns", "$ids"}},
                                    {"LoadBalancerNotFound"}},
                           .subject = "$output.arn",
                           .items = "LoadBalancers",
                           .id = "LoadBalancerArn",
                           .batch = 20}},
       {.service = "elbv2", .name = "ModifyLoadBalancerAttributes", .on_change = OnChange::Repeat}},
      {{"load_balancer", "arn", "", "CreateLoadBalancer", "arn", "", "", true},
       {"load_balancer", "dns_name", "", "CreateLoadBalancer", "dns_name", "", "DNSName"},
       {"load_balancer", "zone_id", "", "CreateLoadBalancer", "zone_id", "",
        "CanonicalHostedZoneID"},
       {"load_balancer", "full_name", "", "CreateLoadBalancer", "full_name", "",
        "LoadBalancerFullName"}}};
  return d;
}

} // namespace ecl::resources
