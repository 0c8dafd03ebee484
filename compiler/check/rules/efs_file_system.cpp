// A file system's settings as CreateFileSystem and PutLifecycleConfiguration take them (E3146):
// `transition_to_ia` is one of the periods EFS offers, `provisioned_throughput` goes with
// `throughput_mode = provisioned` (which needs it), elastic throughput with the general purpose
// performance mode, and a `kms_key` with `encrypted`.
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::check {
namespace efs_file_system_rule {
namespace {

constexpr std::int64_t kTransitionDays[] = {1, 7, 14, 30, 60, 90, 180, 270, 365};

void run(RuleContext& c) {
  for (const model::Block* fs : c.program.of_kind("file_system")) {
    if (auto days = fs->get_int("transition_to_ia")) {
      if (std::find(std::begin(kTransitionDays), std::end(kTransitionDays), *days) ==
          std::end(kTransitionDays)) {
        c.diags.report(Diag::EfsFileSystemSettings, attribute_range(*fs, "transition_to_ia"),
                       fs->path,
                       fmt::format("transition_to_ia {} is not a period EFS offers; use 1, 7, "
                                   "14, 30, 60, 90, 180, 270 or 365 days",
                                   *days));
      }
    }
    const std::string* mode = fs->get_enum("throughput_mode");
    const bool provisioned = mode && *mode == "provisioned";
    const bool throughput = fs->get("provisioned_throughput") != nullptr;
    if (provisioned && !throughput) {
      c.diags.report(Diag::EfsFileSystemSettings, attribute_range(*fs, "throughput_mode"), fs->path,
                     "`throughput_mode = provisioned` needs `provisioned_throughput` (MiB/s)");
    } else if (throughput && mode && !provisioned) {
      c.diags.report(Diag::EfsFileSystemSettings, attribute_range(*fs, "provisioned_throughput"),
                     fs->path,
                     fmt::format("`provisioned_throughput` is for `throughput_mode = "
                                 "provisioned`, not `{}`",
                                 *mode));
    }
    const std::string* performance = fs->get_enum("performance_mode");
    if (mode && *mode == "elastic" && performance && *performance == "max_io") {
      c.diags.report(Diag::EfsFileSystemSettings, attribute_range(*fs, "performance_mode"),
                     fs->path,
                     "`throughput_mode = elastic` goes with `performance_mode = general_purpose` "
                     "only");
    }
    if (fs->get("kms_key") && fs->get_bool("encrypted") == false) {
      c.diags.report(Diag::EfsFileSystemSettings, attribute_range(*fs, "kms_key"), fs->path,
                     "a `kms_key` encrypts the file system, which sets `encrypted = false`; drop "
                     "one of them");
    }
  }
}

} // namespace
} // namespace efs_file_system_rule

extern const Rule kEfsFileSystemRule;
const Rule kEfsFileSystemRule{
    "efs-file-system",
    "a file system's lifecycle period, throughput and key are ones EFS takes",
    "https://docs.aws.amazon.com/efs/latest/ug/API_CreateFileSystem.html",
    {Diag::EfsFileSystemSettings},
    efs_file_system_rule::run};

} // namespace ecl::check
