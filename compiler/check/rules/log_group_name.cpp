// A log group's name is 1 to 512 characters of `[A-Za-z0-9_/.#-]`, not starting with `aws/`
// (E3120), and unique: two `log_group` blocks, or one and a task's generated `/ecs/<family>`, of
// one name would make the second CreateLogGroup fail with ResourceAlreadyExistsException (E3122).
#include "compiler/check/rules/rule.h"

#include <cctype>
#include <fmt/format.h>
#include <map>

namespace ecl::check {
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
  for (const model::Block* task : c.program.of_kind("task")) {
    const std::string* family = task->get_string("family");
    if (!family || !generates_group(*task)) {
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

extern const Rule kLogGroupNameRule;
const Rule kLogGroupNameRule{"log-group-name",
                             "log group names are what CloudWatch Logs accepts, and unique",
                             "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/"
                             "API_CreateLogGroup.html",
                             {Diag::LogGroupNameFormat, Diag::DuplicateLogGroup},
                             run};

} // namespace ecl::check
