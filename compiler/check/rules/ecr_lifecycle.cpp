// A repository's lifecycle policy is one ECR's PutLifecyclePolicy accepts: each rule has a
// priority of its own (E3153); a `tagged` rule selects its images by `tag_prefixes` or
// `tag_patterns` (one of them, not both), which an `untagged` or `any` rule does not take, and a
// pattern has at most four `*` (E3154); a rule of `tag_status = any` has the highest priority
// number, so that it is evaluated last (E3155). The count is at least 1 (the schema's range), and
// a `since_image_pushed` count is in days (the lowering sends `countUnit = days`).
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace ecl::check {
namespace ecr_lifecycle_rule {
namespace {

struct LifecycleRule {
  const model::Value* item;
  std::int64_t priority;
  std::string tag_status;
};

std::size_t list_size(const model::Value* v) {
  const model::List* list = v ? v->as<model::List>() : nullptr;
  return list ? list->size() : 0;
}

Range range_of(const model::Value* field, const model::Value& item) {
  return field && field->range.valid() ? field->range : item.range;
}

void check_selection(RuleContext& c, const model::Block& repo, const model::Value& item,
                     const std::string& status, std::int64_t priority) {
  const model::Value* prefixes = item.field("tag_prefixes");
  const model::Value* patterns = item.field("tag_patterns");
  const std::size_t n_prefixes = list_size(prefixes), n_patterns = list_size(patterns);
  auto report = [&](const model::Value* where, const std::string& problem) {
    c.diags.report(Diag::EcrLifecycleSelection, range_of(where, item), repo.path, priority,
                   problem);
  };
  if (status == "tagged" && n_prefixes == 0 && n_patterns == 0) {
    report(item.field("tag_status"),
           "a `tagged` rule selects its images by `tag_prefixes` or `tag_patterns`: "
           "`tag_prefixes = [\"v\"]`");
  } else if (status == "tagged" && n_prefixes > 0 && n_patterns > 0) {
    report(patterns, "a rule takes `tag_prefixes` or `tag_patterns`, not both");
  } else if (status != "tagged" && (n_prefixes > 0 || n_patterns > 0)) {
    report(n_prefixes > 0 ? prefixes : patterns,
           fmt::format("`tag_status = {}` selects images whatever their tags; tag prefixes and "
                       "patterns are for `tagged` rules",
                       status));
  }
  if (const model::List* list = patterns ? patterns->as<model::List>() : nullptr) {
    for (const model::Value& pattern : *list) {
      const std::string* text = pattern.string();
      if (text && std::count(text->begin(), text->end(), '*') > 4) {
        report(&pattern, fmt::format("tag pattern `{}` has more than four `*`", *text));
      }
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* repo : c.program.of_kind("repository")) {
    const model::Value* v = repo->get("lifecycle");
    const model::List* items = v ? v->as<model::List>() : nullptr;
    if (!items) {
      continue;
    }
    std::vector<LifecycleRule> rules;
    std::map<std::int64_t, const model::Value*> priorities;
    for (const model::Value& item : *items) {
      const model::Value* priority = item.field("priority");
      const auto* number = priority ? priority->as<std::int64_t>() : nullptr;
      const model::Value* status = item.field("tag_status");
      const auto* member = status ? status->as<model::EnumMember>() : nullptr;
      if (!number || !member) {
        continue; // reported by the type checks
      }
      if (auto [first, added] = priorities.emplace(*number, &item); !added) {
        c.diags.report(Diag::EcrLifecyclePriority, range_of(priority, item), repo->path, *number)
            .note(range_of(first->second->field("priority"), *first->second),
                  "the rule that has it first");
      }
      check_selection(c, *repo, item, member->name, *number);
      rules.push_back({&item, *number, member->name});
    }
    for (const LifecycleRule& any : rules) {
      if (any.tag_status != "any") {
        continue;
      }
      for (const LifecycleRule& other : rules) {
        if (other.item != any.item && other.priority >= any.priority) {
          c.diags.report(Diag::EcrLifecycleAnyNotLast,
                         range_of(any.item->field("priority"), *any.item), repo->path, any.priority,
                         other.priority);
          break;
        }
      }
    }
  }
}

} // namespace
} // namespace ecr_lifecycle_rule

extern const Rule kEcrLifecycleRule;
const Rule kEcrLifecycleRule{
    "ecr-lifecycle",
    "a repository's lifecycle rules have unique priorities, tag selections ECR accepts, and the "
    "`any` rule last",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html",
    {Diag::EcrLifecyclePriority, Diag::EcrLifecycleSelection, Diag::EcrLifecycleAnyNotLast},
    ecr_lifecycle_rule::run};

} // namespace ecl::check
