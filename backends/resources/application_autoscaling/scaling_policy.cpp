// A target tracking scaling policy of a scalable target (PutScalingPolicy creates or updates it):
// a changed metric, predefined or customized (a `metric` block), or target value is put again in
// place. Another name or scalable target is another policy: the old one is deleted.
// https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& application_autoscaling_scaling_policy() {
  constexpr std::string_view kOther = "a scaling policy is named by its name and target ({})";
  static const Descriptor d{"application-autoscaling/scaling_policy",
                            "AWS::ApplicationAutoScaling::ScalingPolicy",
                            {{.service = "application-autoscaling",
                              .name = "PutScalingPolicy",
                              .on_change = OnChange::Repeat,
                              .replace_reasons = {{"PolicyName", kOther},
                                                  {"ResourceId", kOther},
                                                  {"ScalableDimension", kOther},
                                                  {"ServiceNamespace", kOther}},
                              .remove = {{{"application-autoscaling",
                                           "DeleteScalingPolicy",
                                           {{"PolicyName", "$request.PolicyName"},
                                            {"ServiceNamespace", "$request.ServiceNamespace"},
                                            {"ResourceId", "$request.ResourceId"},
                                            {"ScalableDimension", "$request.ScalableDimension"}},
                                           {"ObjectNotFoundException",
                                            // moto answers a missing one with ValidationException.
                                            "ValidationException: No scaling policy found"}}}}}}};
  return d;
}

} // namespace ecl::resources
