// A task's CloudWatch Logs log group and its retention (PutRetentionPolicy).
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html
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
        .tags = {TagStyle::Logs, "$request.logGroupName"},
        .done = {"ResourceAlreadyExistsException"}},
       {.service = "logs", .name = "PutRetentionPolicy", .on_change = OnChange::Repeat}}};
  return d;
}

} // namespace ecl::resources
