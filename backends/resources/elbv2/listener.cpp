// A listener of a load balancer, updated in place by ModifyListener (all but its load balancer).
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& elbv2_listener() {
  static const Descriptor d{
      "elbv2/listener",
      "AWS::ElasticLoadBalancingV2::Listener",
      {{.service = "elbv2",
        .name = "CreateListener",
        .outputs = {{"arn", "Listeners[0].ListenerArn"}},
        .on_change = OnChange::Update,
        .update = Request{"elbv2", "ModifyListener", {{"ListenerArn", "$output.arn"}}},
        .updatable = {"Port", "Protocol", "Certificates", "SslPolicy", "DefaultActions"},
        .replace_reasons = {{"LoadBalancerArn", "a listener belongs to one load balancer ({})"}},
        .remove = {{{"elbv2",
                     "DeleteListener",
                     {{"ListenerArn", "$output.arn"}},
                     {"ListenerNotFound", "LoadBalancerNotFound"}}}},
        .create_first = CreateFirst{.unique = {"LoadBalancerArn", "Port"},
                                    .taken = "its port is reused on its load balancer"},
        .lookup =
            Lookup{.describe = {"elbv2",
                                "DescribeListeners",
                                {{"LoadBalancerArn", "$request.LoadBalancerArn"}},
                                {"LoadBalancerNotFound"}},
                   .items = "Listeners",
                   .match = {{"Port", "$request.Port"}},
                   .wrapper = "Listeners[0]",
                   .tags = "TagDescriptions[0].Tags",
                   .read_tags = Request{"elbv2",
                                        "DescribeTags",
                                        {{"ResourceArns", json::array({"$item.ListenerArn"})}}}},
        .tags = {TagStyle::Elbv2, "$output.arn"},
        .refresh = Refresh{.read = {"elbv2",
                                    "DescribeListeners",
                                    {{"ListenerArns", "$ids"}},
                                    {"ListenerNotFound"}},
                           .subject = "$output.arn",
                           .items = "Listeners",
                           .id = "ListenerArn",
                           .batch = 20}}},
      {{"listener", "arn", "", "CreateListener", "arn", "", "", true}}};
  return d;
}

} // namespace ecl::resources
