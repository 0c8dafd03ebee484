// A service's task count as a scalable target of Application Auto Scaling (RegisterScalableTarget
// creates or updates it); deregistering it deletes its policies too.
// https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& application_autoscaling_scalable_target() {
  static const Descriptor d{"application-autoscaling/scalable_target",
                            "AWS::ApplicationAutoScaling::ScalableTarget",
                            {{.service = "application-autoscaling",
                              .name = "RegisterScalableTarget",
                              .on_change = OnChange::Repeat,
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
