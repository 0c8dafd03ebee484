// The mount targets of a file system that a service's tasks mount let those tasks in on NFS (TCP
// 2049): an ingress of one of the file system's security groups from one of the service's groups,
// or from an address range holding all the service's subnets (E3144). Otherwise the mount times
// out and the tasks stop before their containers start (ResourceInitializationError), so it is an
// error. Mount targets without `security_groups` are in their VPC's default group, which lets in
// only its own members: tasks without `security_groups` too.
#include "compiler/check/rules/efs.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>

namespace ecl::check {
namespace {

constexpr std::int64_t kNfsPort = 2049;

bool allows_nfs(const model::Block& ingress) {
  const std::string* protocol = ingress.get_enum("protocol");
  if (protocol && *protocol == "all") {
    return true;
  }
  if (!protocol || *protocol != "tcp") {
    return false;
  }
  if (auto p = ingress.get_int("port")) {
    return *p == kNfsPort;
  }
  auto from = ingress.get_int("from_port");
  auto to = ingress.get_int("to_port");
  return from && to && *from <= kNfsPort && kNfsPort <= *to;
}

// Whether the ingress's source is one of the tasks' groups, or a CIDR holding all their subnets.
bool from_tasks(const model::Block& ingress, const std::vector<const model::Block*>& task_groups,
                const std::vector<const model::Block*>& subnets) {
  const model::Value* peer = ingress.get("from");
  if (!peer) {
    return false;
  }
  if (const model::Block* group = peer->block()) {
    return std::find(task_groups.begin(), task_groups.end(), group) != task_groups.end();
  }
  auto range = cidr_of(ingress, "from");
  if (!range || subnets.empty()) {
    return false;
  }
  for (const model::Block* subnet : subnets) {
    auto cidr = cidr_of(*subnet, "cidr");
    if (!cidr || !range->contains(*cidr)) {
      return false;
    }
  }
  return true;
}

void check(RuleContext& c, const model::Block& service, const model::Block& fs) {
  const std::vector<const model::Block*> fs_groups = fs.get_refs("security_groups");
  const std::vector<const model::Block*> task_groups = service.get_refs("security_groups");
  const std::vector<const model::Block*> subnets = service.get_refs("subnets");
  std::string why;
  if (fs_groups.empty()) {
    if (task_groups.empty()) {
      return; // both in the VPC's default group, which lets its members in
    }
    why = fmt::format("its mount targets are in the VPC's default security group, which lets in "
                      "only its own members; give the file system a security group with "
                      "`ingress {{ port = 2049  from = {} }}`",
                      task_groups.front()->name);
  } else {
    for (const model::Block* group : fs_groups) {
      for (const model::Block* ingress : group->each_child("ingress")) {
        if (allows_nfs(*ingress) && from_tasks(*ingress, task_groups, subnets)) {
          return;
        }
      }
    }
    const model::Block* group = fs_groups.front();
    why =
        task_groups.empty()
            ? fmt::format("the service has no `security_groups` and no ingress of security "
                          "group `{}` allows tcp 2049 from an address range holding its "
                          "subnets; give the service a security group and add `ingress {{ port "
                          "= 2049  from = GROUP }}` to security_group `{}`",
                          group->path, group->path)
            : fmt::format("no ingress of {} allows tcp 2049 from security group `{}`; add "
                          "`ingress {{ port = 2049  from = {} }}` to security_group `{}`",
                          fs_groups.size() == 1 ? fmt::format("security group `{}`", group->path)
                                                : std::string("the file system's security groups"),
                          task_groups.front()->path,
                          vpc_of(task_groups.front()) == vpc_of(group) ? task_groups.front()->name
                                                                       : task_groups.front()->path,
                          group->path);
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

extern const Rule kEfsNfsIngressRule;
const Rule kEfsNfsIngressRule{
    "efs-nfs-ingress",
    "the mount targets' security groups let the tasks that mount the file system in on TCP 2049",
    "https://docs.aws.amazon.com/efs/latest/ug/network-access.html",
    {Diag::EfsNfsNotAllowed},
    run};

} // namespace ecl::check
