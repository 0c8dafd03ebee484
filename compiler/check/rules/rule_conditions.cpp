// A listener rule's conditions compare the request with at most three values each, and with at
// most five in all: `paths` is one condition, `hosts` another, each item of `headers` one more.
#include "compiler/check/rules/load_balancing.h"

#include <fmt/format.h>

namespace ecl::check {
namespace rule_conditions_rule {
namespace {

constexpr std::size_t kPerCondition = 3;
constexpr std::size_t kPerRule = 5;

void run(RuleContext& c) {
  for (const model::Block* rule : c.program.of_kind("rule")) {
    std::size_t total = 0;
    auto count = [&](const model::List* values, Range where, const std::string& what) {
      if (!values) {
        return;
      }
      total += values->size();
      if (values->size() > kPerCondition) {
        c.diags.report(Diag::RuleConditionValues, where,
                       fmt::format("{} of rule `{}` lists {} values; a condition compares at "
                                   "most {}",
                                   what, rule->path, values->size(), kPerCondition));
      }
    };
    for (std::string_view attribute : {"paths", "hosts"}) {
      const model::Value* v = rule->get(attribute);
      count(v ? v->as<model::List>() : nullptr, attribute_range(*rule, attribute),
            fmt::format("`{}`", attribute));
    }
    const model::Value* headers = rule->get("headers");
    const model::List* list = headers ? headers->as<model::List>() : nullptr;
    for (const model::Value& header : list ? *list : model::List{}) {
      const model::Value* name = header.field("name");
      const model::Value* values = header.field("values");
      const std::string* text = name ? name->string() : nullptr;
      count(values ? values->as<model::List>() : nullptr,
            values ? values->range : attribute_range(*rule, "headers"),
            fmt::format("header `{}`", text ? *text : "?"));
    }
    if (total > kPerRule) {
      c.diags.report(Diag::RuleConditionValues, rule->header_range,
                     fmt::format("rule `{}` compares {} values in all; a rule compares at most {}",
                                 rule->path, total, kPerRule));
    }
  }
}

} // namespace
} // namespace rule_conditions_rule

extern const Rule kRuleConditionRule;
const Rule kRuleConditionRule{
    "rule-conditions",
    "A listener rule compares at most three values a condition and five in all",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
    "rule-condition-types.html",
    {Diag::RuleConditionValues},
    rule_conditions_rule::run};

} // namespace ecl::check
