// An EventBridge Scheduler schedule that starts a job's task (its target: the cluster, RunTask's
// parameters and the role the scheduler takes to call it). Named, in the `default` group; it
// takes no tags, so after a crash a schedule of its name is ours when it runs as our role (the
// state's role, itself tagged). UpdateSchedule takes the whole schedule again.
// https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html
// https://docs.aws.amazon.com/scheduler/latest/APIReference/API_UpdateSchedule.html
// https://docs.aws.amazon.com/scheduler/latest/APIReference/API_GetSchedule.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& scheduler_schedule() {
  static const json by_name = {{"Name", "$request.Name"}};
  static const Descriptor d{
      "scheduler/schedule",
      "AWS::Scheduler::Schedule",
      {{.service = "scheduler",
        .name = "CreateSchedule",
        .outputs = {{"arn", "ScheduleArn"}},
        .on_change = OnChange::Update,
        .update = Request{"scheduler", "UpdateSchedule", by_name},
        .updatable = {"ScheduleExpression", "ScheduleExpressionTimezone", "FlexibleTimeWindow",
                      "State", "Target", "Description", "ActionAfterCompletion"},
        .remove = {{{"scheduler", "DeleteSchedule", by_name, {"ResourceNotFoundException"}}}},
        // A new name: the new schedule is made before the old one goes.
        .create_first = CreateFirst{.unique = {"Name"}},
        .deleted_first = "its name is reused",
        .lookup =
            Lookup{.describe = {"scheduler", "GetSchedule", by_name, {"ResourceNotFoundException"}},
                   .items = "",
                   .match = {{"Target.RoleArn", "$request.Target.RoleArn"}},
                   .answer = {{"ScheduleArn", "Arn"}},
                   .what = "schedule `{}`",
                   .subject = "$request.Name"},
        .client_token = "ClientToken",
        .refresh =
            Refresh{.read = {"scheduler", "GetSchedule", by_name, {"ResourceNotFoundException"}},
                    .subject = "$request.Name",
                    .items = "",
                    .id = "Name",
                    .compare = {{"State"}, {"ScheduleExpression"}}}}},
      {{"job", "arn", "", "CreateSchedule", "arn", "", "Arn"}}};
  return d;
}

} // namespace ecl::resources
