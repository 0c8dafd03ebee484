// A task mounts a file system through the mount target of its own zone (the file system's DNS
// name resolves to it). A file system with no mount target cannot be mounted at all (E3149: the
// tasks stop before their containers start); a zone of the service's subnets without one is a
// warning (W0021: the tasks placed there fail to mount it, the others start).
#include "compiler/check/rules/efs.h"

#include <fmt/format.h>
#include <set>

namespace ecl::check {
namespace efs_service_zones_rule {
namespace {

void check(RuleContext& c, const model::Block& service, const model::Block& fs) {
  const std::vector<const model::Block*> targets = fs.get_refs("subnets");
  if (targets.empty()) {
    c.diags.report(Diag::EfsNoMountTarget, attribute_range(service, "task"), service.path, fs.path)
        .note(fs.header_range, fmt::format("file_system `{}` is declared here", fs.path));
    return;
  }
  std::set<std::string> zones;
  for (const model::Block* subnet : targets) {
    const std::string* zone = model::zone_of(*subnet);
    if (!zone) {
      return;
    }
    zones.insert(*zone);
  }
  for (const model::Block* subnet : service.get_refs("subnets")) {
    const std::string* zone = model::zone_of(*subnet);
    if (zone && !zones.count(*zone)) {
      c.diags
          .report(Diag::EfsZoneWithoutMountTarget, attribute_range(service, "subnets"),
                  service.path, subnet->path, *zone, fs.path)
          .note(attribute_range(fs, "subnets"),
                fmt::format("the mount targets of file_system `{}`", fs.path));
      return;
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* service : c.program.of_kind("service")) {
    for (const model::Block* fs : efs::mounted_by(*service)) {
      check(c, *service, *fs);
    }
  }
}

} // namespace
} // namespace efs_service_zones_rule

extern const Rule kEfsServiceZonesRule;
const Rule kEfsServiceZonesRule{
    "efs-service-zones",
    "a file system that tasks mount has a mount target in each zone they run in",
    "https://docs.aws.amazon.com/efs/latest/ug/accessing-fs.html",
    {Diag::EfsNoMountTarget, Diag::EfsZoneWithoutMountTarget},
    efs_service_zones_rule::run};

} // namespace ecl::check
