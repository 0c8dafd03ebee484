// An EFS mount target: the file system's NFS endpoint in one subnet (one a zone), `creating` for
// minutes (the services whose tasks mount the file system wait until it is available) and
// `deleting` after DeleteMountTarget (the file system cannot be deleted before). It carries no
// tags and takes no token: after a crash it is the file system's mount target in the subnet.
// https://docs.aws.amazon.com/efs/latest/ug/API_CreateMountTarget.html
// https://docs.aws.amazon.com/efs/latest/ug/API_ModifyMountTargetSecurityGroups.html
#include "backends/resources/resource.h"

namespace ecl::resources {

const Descriptor& efs_mount_target() {
  static const Codes gone = {"MountTargetNotFound"};
  static const Request probe = {
      "efs", "DescribeMountTargets", {{"MountTargetId", "$output.id"}}, gone};
  static const Descriptor d{
      "efs/mount_target",
      "AWS::EFS::MountTarget",
      {{.service = "efs",
        .name = "CreateMountTarget",
        .outputs = {{"id", "MountTargetId"}, {"ip_address", "IpAddress"}},
        .on_change = OnChange::Update,
        .update =
            Request{"efs", "ModifyMountTargetSecurityGroups", {{"MountTargetId", "$output.id"}}},
        .updatable = {"SecurityGroups"},
        .replace_reasons = {{"", "a mount target's file system and subnet cannot change in "
                                 "place ({})"}},
        .remove = {{{"efs", "DeleteMountTarget", {{"MountTargetId", "$output.id"}}, gone},
                    Waiter{.what = "mount target {} to be deleted",
                           .subject = "$output.id",
                           .probe = probe,
                           .status = "MountTargets[0].LifeCycleState",
                           .done = {"deleted", "gone"}}}},
        // A file system has one mount target a zone: beside the old one only for a new file
        // system.
        .create_first = CreateFirst{{"FileSystemId"}},
        .lookup = Lookup{.describe = {"efs",
                                      "DescribeMountTargets",
                                      {{"FileSystemId", "$request.FileSystemId"}},
                                      {"FileSystemNotFound"}},
                         .items = "MountTargets",
                         .match = {{"SubnetId", "$request.SubnetId"}}},
        .wait = Waiter{.what = "mount target {} to be available",
                       .subject = "$output.id",
                       .probe = probe,
                       .status = "MountTargets[0].LifeCycleState",
                       .done = {"available"},
                       .failed = {"error", "deleting", "deleted"}},
        .done = {"MountTargetConflict"},
        .refresh = Refresh{.read = probe,
                           .subject = "$output.id",
                           .items = "MountTargets",
                           .id = "MountTargetId",
                           .status = "LifeCycleState",
                           .gone_status = {"deleting", "deleted"}}}},
      {}};
  return d;
}

} // namespace ecl::resources
