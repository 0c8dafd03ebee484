// A service's task count as a scalable target of Application Auto Scaling (RegisterScalableTarget
// creates or updates it); deregistering it deletes its policies too. A renamed service is another
// target: the new one is registered, the old one deregistered.
// https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& application_autoscaling_scalable_target() {
  constexpr std::string_view kOther = "a scalable target is named by its resource ({})";
  static const Descriptor d{"application-autoscaling/scalable_target",
                            "AWS::ApplicationAutoScaling::ScalableTarget",
                            {{.service = "application-autoscaling",
                              .name = "RegisterScalableTarget",
                              .on_change = OnChange::Repeat,
                              .replace_reasons = {{"ResourceId", kOther},
                                                  {"ScalableDimension", kOther},
                                                  {"ServiceNamespace", kOther}},
                              .remove = {{{"application-autoscaling",
                                           "DeregisterScalableTarget",
                                           {{"ServiceNamespace", "$request.ServiceNamespace"},
                                            {"ResourceId", "$request.ResourceId"},
                                            {"ScalableDimension", "$request.ScalableDimension"}},
                                           {"ObjectNotFoundException",
                                            // moto answers a missing one with ValidationException.
                                            "ValidationException: No scalable target found"}}}}}}};
  return d;
}

} // namespace ecl::resources
