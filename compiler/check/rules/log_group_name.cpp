// A log group's name is 1 to 512 characters of `[A-Za-z0-9_/.#-]`, not starting with `aws/`
// (E3120), and unique: two `log_group` blocks, or one and a task's generated `/ecs/<family>`, of
// one name would make the second CreateLogGroup fail with ResourceAlreadyExistsException (E3122).
// A container's `group` written as text is checked the same way, and one that a `log_group` block
// creates should name the block, which orders the group first (W0011).
#include "compiler/check/rules/rule.h"

#include <cctype>
#include <fmt/format.h>
#include <map>
#include <set>

namespace ecl::check {
namespace log_group_name_rule {
namespace {

bool name_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) ||
         std::string_view("_-/.#").find(ch) != std::string_view::npos;
}

std::string format_problem(const std::string& name) {
  if (name.empty() || name.size() > 512) {
    return fmt::format("has {} characters; CloudWatch Logs takes 1 to 512", name.size());
  }
  for (char ch : name) {
    if (!name_char(ch)) {
      return fmt::format("holds `{}`; names are letters, digits and `_-/.#`", ch);
    }
  }
  if (name.rfind("aws/", 0) == 0) {
    return "starts with `aws/`, which AWS keeps for its own groups";
  }
  return "";
}

// Whether the task logs with awslogs to its generated group (a container without a `group`).
bool generates_group(const model::Block& task) {
  for (const model::Block* c : task.each_child("container")) {
    const model::Block* log = c->first_child("log");
    if (!log) {
      continue; // a container without a `log` block sends nothing
    }
    const std::string* driver = log->get_enum("driver");
    if ((!driver || *driver == "awslogs") && log->get("group") == nullptr) {
      return true;
    }
  }
  return false;
}

void run(RuleContext& c) {
  std::map<std::string, const model::Block*> names; // name -> its first log group
  for (const model::Block* group : c.program.of_kind("log_group")) {
    const std::string* name = group->get_string("name");
    if (!name) {
      continue;
    }
    if (std::string problem = format_problem(*name); !problem.empty()) {
      c.diags.report(Diag::LogGroupNameFormat, attribute_range(*group, "name"), *name, problem);
      continue;
    }
    auto [first, added] = names.emplace(*name, group);
    if (!added) {
      c.diags.report(Diag::DuplicateLogGroup, attribute_range(*group, "name"),
                     fmt::format("log_group `{}`", first->second->path),
                     fmt::format("log_group `{}`", group->path), *name, "rename one");
    }
  }
  // A group a container names as text: the same format, and a warning when a block declares it.
  for (const model::Block* log : c.program.of_kind("log")) {
    const model::Attribute* group = log->attribute("group");
    const std::string* name = group && !group->defaulted ? log->get_string("group") : nullptr;
    if (!name) {
      continue;
    }
    if (std::string problem = format_problem(*name); !problem.empty()) {
      c.diags.report(Diag::LogGroupNameFormat, attribute_range(*log, "group"), *name, problem);
    } else if (auto declared = names.find(*name); declared != names.end()) {
      c.diags.report(Diag::LogGroupByName, attribute_range(*log, "group"),
                     log->parent ? log->parent->path : log->path, *name, declared->second->path,
                     declared->second->name);
    }
  }
  std::set<std::string> families; // one report per family: its tasks share the generated group
  for (const model::Block* task : c.program.of_kind("task")) {
    const std::string* family = task->get_string("family");
    if (!family || !generates_group(*task) || !families.insert(*family).second) {
      continue;
    }
    auto same = names.find("/ecs/" + *family);
    if (same != names.end()) {
      c.diags.report(Diag::DuplicateLogGroup, attribute_range(*same->second, "name"),
                     fmt::format("log_group `{}`", same->second->path),
                     fmt::format("task `{}` (its generated group)", task->path), same->first,
                     fmt::format("let task `{}`'s containers log to it with `log {{ group = {} }}`",
                                 task->path, same->second->name));
    }
  }
}

} // namespace
} // namespace log_group_name_rule

extern const Rule kLogGroupNameRule;
const Rule kLogGroupNameRule{
    "log-group-name",
    "log group names are what CloudWatch Logs accepts, and unique",
    "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/"
    "API_CreateLogGroup.html",
    {Diag::LogGroupNameFormat, Diag::DuplicateLogGroup, Diag::LogGroupByName},
    log_group_name_rule::run};

} // namespace ecl::check
