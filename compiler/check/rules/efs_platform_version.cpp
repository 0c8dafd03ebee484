// Fargate tasks mount EFS volumes from platform version 1.4.0 on (E3145): a service that runs on
// Fargate with an older `platform_version` cannot start tasks that mount one.
#include "compiler/check/rules/efs.h"
#include "compiler/check/rules/service_common.h"

#include <cstdio>

namespace ecl::check {
namespace efs_platform_version_rule {
namespace {

// Whether `version` ("1.3.0") is a numbered platform version below 1.4.0; `LATEST` is not.
bool before_1_4(const std::string& version) {
  int major = 0, minor = 0, patch = 0;
  if (std::sscanf(version.c_str(), "%d.%d.%d", &major, &minor, &patch) != 3) {
    return false;
  }
  return major < 1 || (major == 1 && minor < 4);
}

void run(RuleContext& c) {
  for (const model::Block* service : c.program.of_kind("service")) {
    const std::string* version = service->get_string("platform_version");
    if (!version || !before_1_4(*version) || !services::runs_on_fargate(*service)) {
      continue;
    }
    std::vector<const model::Block*> mounted = efs::mounted_by(*service);
    if (!mounted.empty()) {
      c.diags.report(Diag::EfsPlatformVersion, attribute_range(*service, "platform_version"),
                     service->path, *version, mounted.front()->path);
    }
  }
}

} // namespace
} // namespace efs_platform_version_rule

extern const Rule kEfsPlatformVersionRule;
const Rule kEfsPlatformVersionRule{
    "efs-platform-version",
    "Fargate tasks that mount EFS run on platform version 1.4.0 or later",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html",
    {Diag::EfsPlatformVersion},
    efs_platform_version_rule::run};

} // namespace ecl::check
