// A role is assumed by someone (E3404), and each principal of its trust policy is a service
// (`NAME.amazonaws.com`), a 12-digit account ID or an IAM ARN (E3405).
#include "compiler/check/rules/rule.h"
#include "compiler/model/arn.h"

#include <cctype>
#include <optional>

namespace ecl::check {
namespace iam_trust_rule {
namespace {

bool is_account(std::string_view text) {
  if (text.size() != 12) {
    return false;
  }
  for (char ch : text) {
    if (!std::isdigit(static_cast<unsigned char>(ch))) {
      return false;
    }
  }
  return true;
}

// `ecs-tasks.amazonaws.com`, `ec2.amazonaws.com.cn`: a DNS-like name under amazonaws.com.
bool is_service(std::string_view text) {
  for (std::string_view suffix : {".amazonaws.com", ".amazonaws.com.cn"}) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      std::string_view head = text.substr(0, text.size() - suffix.size());
      for (char ch : head) {
        unsigned char u = static_cast<unsigned char>(ch);
        if (!std::islower(u) && !std::isdigit(u) && ch != '-' && ch != '.') {
          return false;
        }
      }
      return true;
    }
  }
  return false;
}

bool is_iam_arn(std::string_view text) {
  const std::optional<model::Arn> arn = model::Arn::parse(text);
  return arn && arn->well_formed() && arn->service == "iam" && arn->region.empty();
}

void run(RuleContext& c) {
  for (const model::Block* role : c.program.of_kind("role")) {
    const model::Value* trusted = role->get("assumed_by");
    const model::List* list = trusted ? trusted->as<model::List>() : nullptr;
    if (!list) {
      continue;
    }
    if (list->empty()) {
      c.diags.report(Diag::RoleTrustedByNobody, trusted->range, role->path);
    }
    for (const model::Value& principal : *list) {
      const std::string* text = principal.string();
      if (text && !is_service(*text) && !is_account(*text) && !is_iam_arn(*text)) {
        c.diags.report(Diag::IamPrincipalFormat, principal.range, *text, role->path);
      }
    }
  }
}

} // namespace
} // namespace iam_trust_rule

extern const Rule kIamTrustRule;
const Rule kIamTrustRule{
    "iam-trust",
    "a role is assumed by someone: services, accounts or IAM ARNs",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
    {Diag::RoleTrustedByNobody, Diag::IamPrincipalFormat},
    iam_trust_rule::run};

} // namespace ecl::check
