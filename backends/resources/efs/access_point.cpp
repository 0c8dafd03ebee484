// An EFS access point: a root directory and the POSIX identity of every request made through it.
// A changed one is made beside the old one (the task definitions naming it move to the new one).
// https://docs.aws.amazon.com/efs/latest/ug/API_CreateAccessPoint.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& efs_access_point() {
  static const Codes gone = {"AccessPointNotFound"};
  static const Request probe = {
      "efs", "DescribeAccessPoints", {{"AccessPointId", "$output.id"}}, gone};
  static const Descriptor d{
      "efs/access_point",
      "AWS::EFS::AccessPoint",
      {{.service = "efs",
        .name = "CreateAccessPoint",
        .outputs = {{"id", "AccessPointId"}, {"arn", "AccessPointArn"}},
        .replace_reasons = {{"", "an access point cannot change in place ({})"}},
        .remove = {{{"efs", "DeleteAccessPoint", {{"AccessPointId", "$output.id"}}, gone}}},
        .create_first = CreateFirst{},
        .lookup = Lookup{.describe = {"efs",
                                      "DescribeAccessPoints",
                                      {{"FileSystemId", "$request.FileSystemId"}},
                                      {"FileSystemNotFound"}},
                         .items = "AccessPoints",
                         .match = {{"ClientToken", "$request.ClientToken"}},
                         .tags = "Tags",
                         .what = "access point `{}`",
                         .subject = "$request.ClientToken"},
        .wait = Waiter{.what = "access point {} to be available",
                       .subject = "$output.id",
                       .probe = probe,
                       .status = "AccessPoints[0].LifeCycleState",
                       .done = {"available"},
                       .failed = {"error", "deleting", "deleted"}},
        .tags = {TagStyle::Efs, "$output.id"},
        .done = {"AccessPointAlreadyExists"},
        .client_token = "ClientToken",
        .refresh = Refresh{.read = probe,
                           .subject = "$output.id",
                           .items = "AccessPoints",
                           .id = "AccessPointId",
                           .status = "LifeCycleState",
                           .gone_status = {"deleting", "deleted"}}}},
      {{"access_point", "id", "", "CreateAccessPoint", "id", "", "", true},
       {"access_point", "arn", "", "CreateAccessPoint", "arn", "", "Arn"}}};
  return d;
}

} // namespace ecl::resources
