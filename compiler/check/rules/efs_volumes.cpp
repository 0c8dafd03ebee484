// A task's EFS volume as ECS takes it: its access point belongs to its file system (E3140);
// an access point or IAM authorization needs transit encryption (E3141); and an EFS volume is not
// also a bind mount, nor names a root directory other than `/` beside an access point (whose
// `path` is the root), nor a relative one, and one made elsewhere is named by its ID (E3147). ECS
// refuses the task definition, or the task fails to start, otherwise.
#include "compiler/check/rules/efs.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::check {
namespace efs_volumes_rule {
namespace {

// `PREFIX-` and 8 or 17 lower-case hex digits: `fs-0123456789abcdef0`.
bool is_aws_id(std::string_view id, std::string_view prefix) {
  if (id.size() <= prefix.size() + 1 || id.substr(0, prefix.size()) != prefix ||
      id[prefix.size()] != '-') {
    return false;
  }
  std::string_view digits = id.substr(prefix.size() + 1);
  return (digits.size() == 8 || digits.size() == 17) &&
         std::all_of(digits.begin(), digits.end(),
                     [](char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'); });
}

void check(RuleContext& c, const efs::Volume& v) {
  const model::Value* name = v.item->field("name");
  const std::string volume = name && name->string() ? *name->string() : "?";
  const std::string* fs_id = v.file_system_value ? v.file_system_value->string() : nullptr;
  if (v.access_point && (v.file_system || fs_id)) {
    const model::Block* owner = v.access_point->ancestor("file_system");
    if (owner && owner != v.file_system) {
      c.diags
          .report(Diag::EfsAccessPointOfOtherFileSystem, v.access_point_value->range,
                  v.access_point->path, owner->path, volume,
                  v.file_system ? v.file_system->path : *fs_id)
          .note(v.access_point->header_range,
                fmt::format("access_point `{}` is declared in file_system `{}`",
                            v.access_point->path, owner->path));
    }
  }
  // One made elsewhere is named by its ID, as ECS takes it (`fileSystemId`, `accessPointId`).
  auto check_id = [&](const model::Value* value, const std::string* id, std::string_view prefix,
                      std::string_view what) {
    if (!id || is_aws_id(*id, prefix)) {
      return;
    }
    c.diags.report(Diag::EfsVolumeSettings, value->range,
                   fmt::format("volume `{}`'s {} `{}` is not an EFS ID (`{}-` and 8 or 17 hex "
                               "digits); ECS takes the ID, not the ARN or the name",
                               volume, what, *id, prefix));
  };
  check_id(v.file_system_value, fs_id, "fs", "file_system");
  check_id(v.access_point_value, v.access_point_value ? v.access_point_value->string() : nullptr,
           "fsap", "access_point");
  const bool encrypted = !v.transit_encryption || v.transit_encryption->boolean() != false;
  if (!encrypted) {
    const bool iam = v.iam && v.iam->boolean() == true;
    if (v.access_point_value || iam) {
      c.diags.report(Diag::EfsTransitEncryptionRequired, v.transit_encryption->range, volume,
                     v.access_point_value ? "an access point" : "IAM authorization (`iam = true`)");
    }
  }
  if (const model::Value* host = v.item->field("host_path"); host && !host->is_null()) {
    c.diags.report(Diag::EfsVolumeSettings, host->range,
                   fmt::format("volume `{}` is both a host path and an EFS volume; a volume is "
                               "one or the other: drop `host_path`",
                               volume));
  }
  const std::string* root = v.root_directory ? v.root_directory->string() : nullptr;
  const std::string* ap_id = v.access_point_value ? v.access_point_value->string() : nullptr;
  if (root && (v.access_point || ap_id) && *root != "/") {
    c.diags.report(Diag::EfsVolumeSettings, v.root_directory->range,
                   fmt::format("volume `{}` mounts access point `{}`, whose `path` is its root; "
                               "ECS takes no other `root_directory` with it: drop it, or set the "
                               "access point's `path`",
                               volume, v.access_point ? v.access_point->path : *ap_id));
  } else if (root && (root->empty() || root->front() != '/' || root->size() > 4096)) {
    c.diags.report(Diag::EfsVolumeSettings, v.root_directory->range,
                   fmt::format("volume `{}`'s root_directory `{}` is not an absolute path of at "
                               "most 4096 characters",
                               volume, *root));
  }
}

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    for (const efs::Volume& v : efs::volumes_of(*task)) {
      check(c, v);
    }
  }
}

} // namespace
} // namespace efs_volumes_rule

extern const Rule kEfsVolumeRule;
const Rule kEfsVolumeRule{
    "efs-volume",
    "a task's EFS volume names an access point of its own file system, encrypts traffic with "
    "an access point or IAM authorization, and is a valid EFS configuration",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html",
    {Diag::EfsAccessPointOfOtherFileSystem, Diag::EfsTransitEncryptionRequired,
     Diag::EfsVolumeSettings},
    efs_volumes_rule::run};

} // namespace ecl::check
