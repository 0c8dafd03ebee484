// A scheduled action of a scalable target: its bounds at the times of a schedule expression
// (PutScheduledAction creates or replaces it by its name).
// https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& application_autoscaling_scheduled_action() {
  static const Descriptor d{"application-autoscaling/scheduled_action",
                            "AWS::ApplicationAutoScaling::ScalableTarget",
                            {{.service = "application-autoscaling",
                              .name = "PutScheduledAction",
                              .on_change = OnChange::Repeat,
                              .remove = {{{"application-autoscaling",
                                           "DeleteScheduledAction",
                                           {{"ServiceNamespace", "$request.ServiceNamespace"},
                                            {"ScheduledActionName", "$request.ScheduledActionName"},
                                            {"ResourceId", "$request.ResourceId"},
                                            {"ScalableDimension", "$request.ScalableDimension"}},
                                           {"ObjectNotFoundException"}}}}}}};
  return d;
}

} // namespace ecl::resources
