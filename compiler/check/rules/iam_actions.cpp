// Every action of a policy statement is `*` or `service:Action`, `*` and `?` as wildcards (E3401),
// and a statement has at least one action (E3402).
#include "compiler/check/rules/iam.h"
#include "compiler/check/rules/rule.h"

#include <cctype>

namespace ecl::check {
namespace iam_actions_rule {
namespace {

// `*`, or a service prefix (letters, digits, `-`) and an action (letters, digits, `*`, `?`).
bool valid_action(std::string_view action) {
  if (action == "*") {
    return true;
  }
  std::size_t colon = action.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 == action.size()) {
    return false;
  }
  for (std::size_t i = 0; i < action.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(action[i]);
    bool ok = i < colon ? (std::isalnum(ch) || ch == '-')
                        : (i == colon || std::isalnum(ch) || ch == '*' || ch == '?');
    if (!ok) {
      return false;
    }
  }
  return true;
}

void run(RuleContext& c) {
  for (const iam::Statement& s : iam::statements(c.program)) {
    const model::Value* actions = s.value->field("actions");
    const model::List* list = actions ? actions->as<model::List>() : nullptr;
    if (list && list->empty()) {
      c.diags.report(Diag::IamStatementNoActions, actions->range, s.owner);
    }
    for (const model::Value* action : iam::strings_of(*s.value, "actions")) {
      if (!valid_action(*action->string())) {
        c.diags.report(Diag::IamActionFormat, action->range, *action->string());
      }
    }
  }
}

} // namespace
} // namespace iam_actions_rule

extern const Rule kIamActionsRule;
const Rule kIamActionsRule{
    "iam-actions",
    "policy statements have actions, each `*` or `service:Action`",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html",
    {Diag::IamActionFormat, Diag::IamStatementNoActions},
    iam_actions_rule::run};

} // namespace ecl::check
