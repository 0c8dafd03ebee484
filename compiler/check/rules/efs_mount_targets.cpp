// A file system's mount targets: one a subnet of its `subnets`, at most one a zone (E3142: EFS
// answers MountTargetConflict), all in one VPC with the security groups they take (E3143: a mount
// target's groups are of its subnet's VPC, and a file system's mount targets of one VPC).
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>
#include <map>

namespace ecl::check {
namespace efs_mount_targets_rule {
namespace {

void check_zones(RuleContext& c, const model::Block& fs) {
  std::map<std::string, const services::RefItem*> by_zone;
  const std::vector<services::RefItem> subnets = services::ref_items(fs, "subnets");
  for (const services::RefItem& item : subnets) {
    const std::string* zone = model::zone_of(*item.block);
    if (!zone) {
      continue; // not known before deployment
    }
    auto [it, fresh] = by_zone.emplace(*zone, &item);
    if (!fresh) {
      c.diags
          .report(Diag::EfsMountTargetZones, item.value->range, fs.path, it->second->block->path,
                  item.block->path, *zone)
          .note(it->second->value->range,
                fmt::format("subnet `{}` is in `{}`", it->second->block->path, *zone));
    }
  }
}

void check_vpc(RuleContext& c, const model::Block& fs) {
  std::vector<services::RefItem> items = services::ref_items(fs, "subnets");
  std::vector<services::RefItem> groups = services::ref_items(fs, "security_groups");
  items.insert(items.end(), groups.begin(), groups.end());
  const services::RefItem* first = nullptr;
  for (const services::RefItem& item : items) {
    const model::Block* vpc = vpc_of(item.block);
    if (!vpc) {
      continue;
    }
    if (!first) {
      first = &item;
      continue;
    }
    if (vpc != vpc_of(first->block)) {
      c.diags
          .report(Diag::EfsMountTargetVpc, item.value->range, fs.path, item.block->display(),
                  vpc->path, vpc_of(first->block)->path)
          .note(first->value->range, fmt::format("{} is in vpc `{}`", first->block->display(),
                                                 vpc_of(first->block)->path));
      return;
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* fs : c.program.of_kind("file_system")) {
    check_zones(c, *fs);
    check_vpc(c, *fs);
  }
}

} // namespace
} // namespace efs_mount_targets_rule

extern const Rule kEfsMountTargetRule;
const Rule kEfsMountTargetRule{
    "efs-mount-targets",
    "a file system has at most one mount target a zone, in one VPC with its security groups",
    "https://docs.aws.amazon.com/efs/latest/ug/manage-fs-access.html",
    {Diag::EfsMountTargetZones, Diag::EfsMountTargetVpc},
    efs_mount_targets_rule::run};

} // namespace ecl::check
