// A task runs on Fargate when `fargate` is among its `compatibilities` (the default). Such a task
// needs `awsvpc` networking (E3101), task-level `cpu` and `memory` (E3102) forming a pair of the
// Fargate table (E3103), log drivers Fargate supports (E3113), and none of the EC2-only settings:
// privileged containers, capabilities added but `sys_ptrace`
// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html),
// `pid_mode = host`, any `ipc_mode`, a container's tmpfs, devices, shared memory size and swap
// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html), a
// volume's `host_path` (E3115; bind
// mounts on Fargate are task-scoped:
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html).
#include "compiler/check/fargate_sizes.h"
#include "compiler/check/rules/rule.h"

#include <cmath>
#include <fmt/format.h>

namespace ecl::check {
namespace fargate_task_rule {
namespace {

// Says why the task counts as a Fargate task: the list entry, or the default.
void explain_fargate(Diagnostic& d, const model::Block& task, const model::Value* member) {
  const model::Attribute* compat = task.attribute("compatibilities");
  if (compat && compat->defaulted) {
    d.note(task.header_range, "`compatibilities` defaults to `[fargate]`; write "
                              "`compatibilities = [ec2]` for a task that runs on EC2 instances");
  } else if (member) {
    d.note(member->range, "the task is Fargate-compatible here");
  }
}

void check_size(RuleContext& c, const model::Block& task, const model::Value* member) {
  for (std::string_view attr : {"cpu", "memory"}) {
    if (!task.attribute(attr)) {
      explain_fargate(
          c.diags.report(Diag::FargateNeedsTaskSize, task.header_range, task.name, attr), task,
          member);
    }
  }
  auto cpu = amount_of(task, "cpu");
  auto mib = amount_of(task, "memory");
  if (!cpu || !mib || is_valid_fargate_size(*cpu, *mib)) {
    return;
  }
  if (!fargate_cpu(*cpu)) {
    c.diags
        .report(Diag::FargateInvalidSize, attribute_range(task, "cpu"), task.name, *cpu, *mib,
                fmt::format("Fargate's CPU values are {} units (0.25 to 16 vCPU)",
                            describe_fargate_cpus()))
        .note(attribute_range(task, "memory"), "the task's memory is set here");
    return;
  }
  Range at = attribute_range(task, "memory");
  Diagnostic& d =
      c.diags
          .report(Diag::FargateInvalidSize, at, task.name, *cpu, *mib,
                  fmt::format("with {} CPU units use {}", *cpu, describe_fargate_memory(*cpu)))
          .note(attribute_range(task, "cpu"), "the task's cpu is set here");
  // The nearest sizes that fit, when the memory is written in the task itself (not in a `let`).
  if (at.file == task.range.file && task.range.begin <= at.begin && at.end <= task.range.end &&
      at != task.header_range) {
    for (std::int64_t v : nearest_fargate_memory(*cpu, *mib)) {
      d.fix(at, v % 1024 == 0 ? fmt::format("{}GiB", v / 1024) : fmt::format("{}MiB", v));
    }
  }
}

void check_settings(RuleContext& c, const model::Block& task, const model::Value* member) {
  if (const std::string* pid = task.get_enum("pid_mode"); pid && *pid == "host") {
    explain_fargate(c.diags.report(Diag::FargateUnsupportedSetting,
                                   attribute_range(task, "pid_mode"), task.display(),
                                   "pid_mode = host",
                                   "use `pid_mode = task` to share processes within the task"),
                    task, member);
  }
  if (const std::string* ipc = task.get_enum("ipc_mode")) {
    explain_fargate(c.diags.report(Diag::FargateUnsupportedSetting,
                                   attribute_range(task, "ipc_mode"), task.display(),
                                   fmt::format("ipc_mode = {}", *ipc),
                                   "remove it, or run the task on EC2"),
                    task, member);
  }
  if (const model::Value* volumes = task.get("volumes"); volumes && volumes->as<model::List>()) {
    for (const model::Value& volume : *volumes->as<model::List>()) {
      const model::Value* path = volume.field("host_path");
      if (path && path->as<std::string>()) {
        explain_fargate(c.diags.report(Diag::FargateUnsupportedSetting, path->range, task.display(),
                                       fmt::format("host_path = \"{}\"", *path->as<std::string>()),
                                       "drop `host_path` for a volume of the task's own storage, "
                                       "or run the task on EC2"),
                        task, member);
      }
    }
  }
  for (const model::Block* container : task.each_child("container")) {
    const model::Value* capabilities = container->get("capabilities");
    const model::Value* added = capabilities ? capabilities->field("add") : nullptr;
    for (const model::Value& v :
         added && added->as<model::List>() ? *added->as<model::List>() : model::List{}) {
      const std::string* name = v.enum_member();
      if (name && *name != "sys_ptrace") {
        explain_fargate(c.diags.report(Diag::FargateUnsupportedSetting, v.range,
                                       fmt::format("container `{}`", container->name),
                                       fmt::format("capabilities.add = [{}]", *name),
                                       "Fargate adds only `sys_ptrace`; run the task on EC2"),
                        task, member);
      }
    }
    // linuxParameters Fargate does not take: tmpfs, devices, /dev/shm's size, swap.
    for (std::string_view linux : {"tmpfs", "devices", "shared_memory", "swap", "swappiness"}) {
      const model::Attribute* set = container->attribute(linux);
      const model::List* items = set ? set->value.as<model::List>() : nullptr;
      if (!set || set->defaulted || set->value.is_null() || (items && items->empty())) {
        continue;
      }
      explain_fargate(c.diags.report(Diag::FargateUnsupportedSetting, set->range,
                                     fmt::format("container `{}`", container->name), linux,
                                     "run the task on EC2"),
                      task, member);
    }
    if (container->get_bool("privileged").value_or(false)) {
      explain_fargate(c.diags.report(Diag::FargateUnsupportedSetting,
                                     attribute_range(*container, "privileged"),
                                     fmt::format("container `{}`", container->name),
                                     "privileged = true", "remove it, or run the task on EC2"),
                      task, member);
    }
    for (const model::Block* log : container->each_child("log")) {
      const std::string* driver = log->get_enum("driver");
      if (driver && *driver != "awslogs" && *driver != "splunk" && *driver != "awsfirelens" &&
          *driver != "none") {
        explain_fargate(c.diags.report(Diag::LogDriverUnsupported, attribute_range(*log, "driver"),
                                       *driver, "`awslogs`, `splunk` or `awsfirelens`"),
                        task, member);
      }
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    const model::Value* member = fargate_compatibility(*task);
    if (!member) {
      continue;
    }
    const std::string* mode = task->get_enum("network_mode");
    if (mode && *mode != "awsvpc") {
      explain_fargate(c.diags.report(Diag::FargateNetworkMode,
                                     attribute_range(*task, "network_mode"), task->name, *mode),
                      *task, member);
    }
    check_size(c, *task, member);
    check_settings(c, *task, member);
  }
}

} // namespace
} // namespace fargate_task_rule

extern const Rule kFargateTaskRule;
const Rule kFargateTaskRule{
    "fargate-task",
    "Fargate tasks use awsvpc, a task size from the Fargate table, supported log drivers and no "
    "EC2-only settings",
    "https://docs.aws.amazon.com/AmazonECS/latest/userguide/task-cpu-memory-error.html",
    {Diag::FargateNetworkMode, Diag::FargateNeedsTaskSize, Diag::FargateInvalidSize,
     Diag::LogDriverUnsupported, Diag::FargateUnsupportedSetting},
    fargate_task_rule::run};

} // namespace ecl::check
