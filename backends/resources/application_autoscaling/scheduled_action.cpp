// A scheduled action of a scalable target: its bounds at the times of a schedule expression
// (PutScheduledAction creates or replaces it by its name). Another name or target is another
// action: the old one is deleted.
// https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& application_autoscaling_scheduled_action() {
  constexpr std::string_view kOther = "a scheduled action is named by its name and target ({})";
  static const Descriptor d{"application-autoscaling/scheduled_action",
                            "AWS::ApplicationAutoScaling::ScalableTarget",
                            {{.service = "application-autoscaling",
                              .name = "PutScheduledAction",
                              .on_change = OnChange::Repeat,
                              .replace_reasons = {{"ScheduledActionName", kOther},
                                                  {"ResourceId", kOther},
                                                  {"ScalableDimension", kOther},
                                                  {"ServiceNamespace", kOther}},
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
