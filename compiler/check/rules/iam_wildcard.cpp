// A statement that allows `*` on `*` grants full administrator access (W0012): AWS's least
// privilege advice.
#include "compiler/check/rules/iam.h"
#include "compiler/check/rules/rule.h"

namespace ecl::check {
namespace iam_wildcard_rule {
namespace {

bool has_star(const model::Value& statement, std::string_view field) {
  for (const model::Value* v : iam::strings_of(statement, field)) {
    if (*v->string() == "*") {
      return true;
    }
  }
  return false;
}

void run(RuleContext& c) {
  for (const iam::Statement& s : iam::statements(c.program)) {
    const model::Value* effect = s.value->field("effect");
    const std::string* member = effect ? effect->enum_member() : nullptr;
    if (member && *member == "allow" && has_star(*s.value, "actions") &&
        has_star(*s.value, "resources")) {
      c.diags.report(Diag::IamWildcardAllow, s.value->range, s.owner);
    }
  }
}

} // namespace
} // namespace iam_wildcard_rule

extern const Rule kIamWildcardRule;
const Rule kIamWildcardRule{
    "iam-wildcard",
    "no statement allows every action on every resource",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    {Diag::IamWildcardAllow},
    iam_wildcard_rule::run};

} // namespace ecl::check
