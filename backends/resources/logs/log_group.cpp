// A task's CloudWatch Logs log group and its retention (PutRetentionPolicy). A log group of the
// name that exists is refused (ResourceAlreadyExistsException); it is taken only when its tags
// (ListTagsLogGroup: the group's ARN, which ListTagsForResource takes, is never answered) carry
// the state's lineage.
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_ListTagsLogGroup.html
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteRetentionPolicy.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& logs_log_group() {
  static const Descriptor d{
      "logs/log_group",
      "AWS::Logs::LogGroup",
      {{.service = "logs",
        .name = "CreateLogGroup",
        .remove = {{{"logs",
                     "DeleteLogGroup",
                     {{"logGroupName", "$request.logGroupName"}},
                     {"ResourceNotFoundException"}}}},
        .deleted_first = "its name is reused",
        .lookup = Lookup{.describe = {"logs",
                                      "ListTagsLogGroup",
                                      {{"logGroupName", "$request.logGroupName"}},
                                      {"ResourceNotFoundException"}},
                         .items = "",
                         .tags = "tags",
                         .what = "log group `{}`",
                         .subject = "$request.logGroupName"},
        .tags = {TagStyle::Logs, "$request.logGroupName"},
        .done = {"ResourceAlreadyExistsException"},
        // By its name as a prefix (moto knows no other filter): one read a group.
        .refresh = Refresh{.read = {"logs",
                                    "DescribeLogGroups",
                                    {{"logGroupNamePrefix", "$request.logGroupName"}}},
                           .subject = "$request.logGroupName",
                           .items = "logGroups",
                           .id = "logGroupName",
                           .next_token = "nextToken"}},
       // A retention taken out of the program is deleted (events never expire again); with the
       // group, that is one more call, but the group's deletion follows.
       {.service = "logs",
        .name = "PutRetentionPolicy",
        .on_change = OnChange::Repeat,
        .remove = {{{"logs",
                     "DeleteRetentionPolicy",
                     {{"logGroupName", "$request.logGroupName"}},
                     {"ResourceNotFoundException"}}}}}}};
  return d;
}

} // namespace ecl::resources
