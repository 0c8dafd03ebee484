// An access point's root directory as CreateAccessPoint takes it (E3148): an absolute path of at
// most 100 characters, created (with `creation`) with permissions in octal. A root directory other
// than `/` without `creation` is a warning (W0020): EFS does not create it, and a task that mounts
// the access point fails until something else has.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace efs_access_point_rule {
namespace {

bool octal_permissions(const std::string& text) {
  if (text.size() < 3 || text.size() > 4) {
    return false;
  }
  for (char ch : text) {
    if (ch < '0' || ch > '7') {
      return false;
    }
  }
  return true;
}

void run(RuleContext& c) {
  for (const model::Block* ap : c.program.of_kind("access_point")) {
    const std::string* path = ap->get_string("path");
    if (path && (path->empty() || path->front() != '/' || path->size() > 100)) {
      c.diags.report(
          Diag::EfsAccessPointSettings, attribute_range(*ap, "path"), ap->path,
          fmt::format("path `{}` is not an absolute path of at most 100 characters", *path));
    }
    const model::Value* creation = ap->get("creation");
    if (creation && !creation->is_null()) {
      const model::Value* permissions = creation->field("permissions");
      const std::string* text = permissions ? permissions->string() : nullptr;
      if (text && !octal_permissions(*text)) {
        c.diags.report(
            Diag::EfsAccessPointSettings, permissions->range, ap->path,
            fmt::format("permissions `{}` are not 3 or 4 octal digits (`\"755\"`)", *text));
      }
    } else if (path && *path != "/") {
      c.diags.report(Diag::EfsRootWithoutCreation, attribute_range(*ap, "path"), ap->path, *path);
    }
  }
}

} // namespace
} // namespace efs_access_point_rule

extern const Rule kEfsAccessPointRule;
const Rule kEfsAccessPointRule{
    "efs-access-point",
    "an access point's root directory is an absolute path, created with octal permissions",
    "https://docs.aws.amazon.com/efs/latest/ug/create-access-point.html",
    {Diag::EfsAccessPointSettings, Diag::EfsRootWithoutCreation},
    efs_access_point_rule::run};

} // namespace ecl::check
