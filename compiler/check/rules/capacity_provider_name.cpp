// A capacity provider's name (an `ec2_capacity`'s `name`, by default the stack's and the block's)
// is at most 255 letters, digits, `_` and `-`, and may not start with `aws`, `ecs` or `fargate`
// in any case (E3251): a stack called `ecs_prod` would otherwise fail at CreateCapacityProvider.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace capacity_provider_name_rule {
namespace {

bool starts_with_folded(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    if (c != prefix[i]) {
      return false;
    }
  }
  return true;
}

std::string problem_of(std::string_view name) {
  for (std::string_view reserved : {"aws", "ecs", "fargate"}) {
    if (starts_with_folded(name, reserved)) {
      return fmt::format("starts with `{}`, which AWS reserves", reserved);
    }
  }
  if (name.empty() || name.size() > 255) {
    return "must have 1 to 255 characters";
  }
  for (char ch : name) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '-';
    if (!ok) {
      return fmt::format("has `{}`; only letters, digits, `_` and `-` are allowed", ch);
    }
  }
  return "";
}

void run(RuleContext& c) {
  for (const model::Block* capacity : c.program.of_kind("ec2_capacity")) {
    const std::string* name = capacity->get_string("name");
    if (!name) {
      continue;
    }
    std::string problem = problem_of(*name);
    if (problem.empty()) {
      continue;
    }
    bool written = capacity->attribute("name") && !capacity->attribute("name")->defaulted;
    c.diags.report(Diag::CapacityProviderName, attribute_range(*capacity, "name"), *name, problem,
                   written ? "choose another `name`"
                           : "it is generated from the stack's name; give the block a `name`");
  }
}

} // namespace
} // namespace capacity_provider_name_rule

extern const Rule kCapacityProviderNameRule;
const Rule kCapacityProviderNameRule{
    "capacity-provider-name",
    "capacity provider names are valid and do not start with aws, ecs or fargate",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html",
    {Diag::CapacityProviderName},
    capacity_provider_name_rule::run};

} // namespace ecl::check
