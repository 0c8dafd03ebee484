// The mount targets of a file system that a service's tasks mount let those tasks in on NFS (TCP
// 2049): an ingress of one of the file system's security groups from one of the service's groups,
// or from an address range holding all the service's subnets; and the tasks' groups let them out
// to it (a group with `egress` rules needs one to TCP 2049 of the mount targets) (E3144). Otherwise
// the mount times out and the tasks stop before their containers start
// (ResourceInitializationError), so it is an error. Mount targets without `security_groups` are in
// their VPC's default group, which lets in only its own members: tasks without `security_groups`
// too.
#include "compiler/check/rules/efs.h"
#include "compiler/check/rules/service_common.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::check {
namespace efs_nfs_ingress_rule {
namespace {

constexpr std::int64_t kNfsPort = 2049;

// Why the mount targets do not let the tasks in, or "".
std::string ingress_refused(const std::vector<const model::Block*>& fs_groups,
                            const std::vector<const model::Block*>& task_groups,
                            const std::vector<const model::Block*>& subnets) {
  if (fs_groups.empty()) {
    if (task_groups.empty()) {
      return ""; // both in the VPC's default group, which lets its members in
    }
    return fmt::format("its mount targets are in the VPC's default security group, which lets in "
                       "only its own members; give the file system a security group with "
                       "`ingress {{ port = 2049  from = {} }}`",
                       task_groups.front()->name);
  }
  if (admits(fs_groups, kNfsPort, task_groups, subnets)) {
    return "";
  }
  const model::Block* group = fs_groups.front();
  if (task_groups.empty()) {
    return fmt::format("the service has no `security_groups` and no ingress of security group "
                       "`{}` allows tcp 2049 from an address range holding its subnets; give the "
                       "service a security group and add `ingress {{ port = 2049  from = GROUP "
                       "}}` to security_group `{}`",
                       group->path, group->path);
  }
  const model::Block* source = task_groups.front();
  return fmt::format("no ingress of {} allows tcp 2049 from security group `{}`; add `ingress {{ "
                     "port = 2049  from = {} }}` to security_group `{}`",
                     fs_groups.size() == 1 ? fmt::format("security group `{}`", group->path)
                                           : std::string("the file system's security groups"),
                     source->path, vpc_of(source) == vpc_of(group) ? source->name : source->path,
                     group->path);
}

// Why the tasks may not connect out to the mount targets, or "": a group without `egress` lets
// everything out; one with egress rules needs one to TCP 2049 of a mount target's group (or of
// an address range holding the file system's subnets).
std::string egress_refused(const model::Block& fs,
                           const std::vector<const model::Block*>& fs_groups,
                           const std::vector<const model::Block*>& task_groups) {
  const std::vector<const model::Block*> targets = fs.get_refs("subnets");
  for (const model::Block* group : task_groups) {
    if (group->each_child("egress").empty()) {
      return "";
    }
    for (const model::Block* egress : group->each_child("egress")) {
      if (allows_tcp_port(*egress, kNfsPort) && peer_is(*egress, "to", fs_groups, targets)) {
        return "";
      }
    }
  }
  if (task_groups.empty()) {
    return ""; // the VPC's default group lets everything out
  }
  const model::Block* group = task_groups.front();
  return fmt::format("no egress of {} allows tcp 2049 to the mount targets; add `egress {{ port = "
                     "2049  to = {} }}` to security_group `{}`",
                     task_groups.size() == 1 ? fmt::format("security group `{}`", group->path)
                                             : std::string("the service's security groups"),
                     fs_groups.empty() ? std::string("CIDR") : fs_groups.front()->name,
                     group->path);
}

void check(RuleContext& c, const model::Block& service, const model::Block& fs) {
  const std::vector<const model::Block*> fs_groups = fs.get_refs("security_groups");
  const std::vector<const model::Block*> task_groups = service.get_refs("security_groups");
  const std::vector<const model::Block*> targets = fs.get_refs("subnets");
  const model::Block* vpc = targets.empty() ? nullptr : vpc_of(targets.front());
  std::string why = security_rules_unknown(fs_groups, vpc)
                        ? ""
                        : ingress_refused(fs_groups, task_groups, service.get_refs("subnets"));
  if (why.empty() && !security_rules_unknown(task_groups, vpc)) {
    why = egress_refused(fs, fs_groups, task_groups);
  }
  if (why.empty()) {
    return;
  }
  c.diags
      .report(Diag::EfsNfsNotAllowed, attribute_range(service, "task"), service.path, fs.path, why)
      .note(attribute_range(fs, fs_groups.empty() ? "subnets" : "security_groups"),
            fmt::format("the mount targets of file_system `{}`", fs.path));
}

void run(RuleContext& c) {
  for (const model::Block* service : c.program.of_kind("service")) {
    const std::string* mode = services::network_mode(service->get_ref("task"));
    if (!mode || *mode != "awsvpc") {
      continue; // bridge and host tasks mount through their instances' groups
    }
    for (const model::Block* fs : efs::mounted_by(*service)) {
      if (!fs->get_refs("subnets").empty()) { // no mount target at all: E3149
        check(c, *service, *fs);
      }
    }
  }
}

} // namespace
} // namespace efs_nfs_ingress_rule

extern const Rule kEfsNfsIngressRule;
const Rule kEfsNfsIngressRule{
    "efs-nfs-ingress",
    "the mount targets' security groups let the tasks that mount the file system in on TCP 2049",
    "https://docs.aws.amazon.com/efs/latest/ug/network-access.html",
    {Diag::EfsNfsNotAllowed},
    efs_nfs_ingress_rule::run};

} // namespace ecl::check
