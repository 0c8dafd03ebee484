// An EFS file system: `creating` for a moment after CreateFileSystem (its mount targets wait until
// it is available); deleted once its mount targets are (they depend on it).
// https://docs.aws.amazon.com/efs/latest/ug/API_CreateFileSystem.html
// https://docs.aws.amazon.com/efs/latest/ug/API_UpdateFileSystem.html
// https://docs.aws.amazon.com/efs/latest/ug/API_PutLifecycleConfiguration.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& efs_file_system() {
  static const Codes gone = {"FileSystemNotFound"};
  static const Request probe = {
      "efs", "DescribeFileSystems", {{"FileSystemId", "$output.id"}}, gone};
  static const Descriptor d{
      "efs/file_system",
      "AWS::EFS::FileSystem",
      {{.service = "efs",
        .name = "CreateFileSystem",
        .outputs = {{"id", "FileSystemId"}, {"arn", "FileSystemArn"}},
        .on_change = OnChange::Update,
        .update = Request{"efs", "UpdateFileSystem", {{"FileSystemId", "$output.id"}}},
        .updatable = {"ThroughputMode", "ProvisionedThroughputInMibps"},
        .replace_reasons = {{"", "a file system's performance mode and encryption cannot change "
                                 "in place ({}); its files are not copied"}},
        .remove = {{{"efs", "DeleteFileSystem", {{"FileSystemId", "$output.id"}}, gone},
                    Waiter{.what = "file system {} to be deleted",
                           .subject = "$output.id",
                           .probe = probe,
                           .status = "FileSystems[0].LifeCycleState",
                           .done = {"deleted", "gone"}}}},
        // Nothing of it is unique: a new one is made beside the old one.
        .create_first = CreateFirst{},
        .lookup = Lookup{.describe = {"efs",
                                      "DescribeFileSystems",
                                      {{"CreationToken", "$request.CreationToken"}},
                                      gone},
                         .items = "FileSystems",
                         .tags = "Tags",
                         .what = "file system `{}`",
                         .subject = "$request.CreationToken"},
        .wait = Waiter{.what = "file system {} to be available",
                       .subject = "$output.id",
                       .probe = probe,
                       .status = "FileSystems[0].LifeCycleState",
                       .done = {"available"},
                       .failed = {"error", "deleting", "deleted"}},
        .tags = {TagStyle::Efs, "$output.id"},
        .done = {"FileSystemAlreadyExists"},
        .client_token = "CreationToken",
        .refresh = Refresh{.read = probe,
                           .subject = "$output.id",
                           .items = "FileSystems",
                           .id = "FileSystemId",
                           .compare = {{"ThroughputMode"}},
                           .status = "LifeCycleState",
                           .gone_status = {"deleting", "deleted"}}},
       // A policy taken out of the program is put empty (files no longer move between classes);
       // with the file system, that is one more call before its deletion.
       {.service = "efs",
        .name = "PutLifecycleConfiguration",
        .on_change = OnChange::Repeat,
        .remove = {{{"efs",
                     "PutLifecycleConfiguration",
                     {{"FileSystemId", "$request.FileSystemId"},
                      {"LifecyclePolicies", json::array()}},
                     gone}}}}},
      {{"file_system", "id", "", "CreateFileSystem", "id", "", "", true},
       {"file_system", "arn", "", "CreateFileSystem", "arn", "", "Arn"}}};
  return d;
}

} // namespace ecl::resources
