// The resources of a policy statement are ARNs or `*`, and managed policies are named by their ARN
// (E3403). An ARN has six colon-separated parts, `arn:partition:service:region:account:resource`;
// region and account may be empty (`arn:aws:s3:::bucket/*`). A resource written with another
// block's deferred `arn` is known to be one.
#include "compiler/check/rules/iam.h"
#include "compiler/check/rules/rule.h"
#include "compiler/model/arn.h"

#include <fmt/format.h>
#include <optional>

namespace ecl::check {
namespace iam_arns_rule {
namespace {

bool is_arn(std::string_view text) {
  const std::optional<model::Arn> arn = model::Arn::parse(text);
  return arn && arn->well_formed();
}

// `arn:aws:iam::aws:policy/NAME` (AWS managed) or `arn:aws:iam::ACCOUNT:policy/NAME`.
bool is_policy_arn(std::string_view text) {
  const std::optional<model::Arn> arn = model::Arn::parse(text);
  return arn && arn->well_formed() && arn->service == "iam" && arn->resource_type() == "policy" &&
         !arn->resource_id().empty();
}

void run(RuleContext& c) {
  for (const iam::Statement& s : iam::statements(c.program)) {
    for (const model::Value* resource : iam::strings_of(*s.value, "resources")) {
      const std::string& text = *resource->string();
      if (text != "*" && !is_arn(text)) {
        c.diags.report(Diag::IamArnFormat, resource->range, "resource", text,
                       "an ARN (`arn:partition:service:region:account:resource`) or `*`");
      }
    }
  }
  auto managed = [&](const model::Block& block, std::string_view attribute) {
    const model::Value* list = block.get(attribute);
    const model::List* items = list ? list->as<model::List>() : nullptr;
    for (const model::Value& item : items ? *items : model::List{}) {
      const std::string* text = item.string();
      if (text && !is_policy_arn(*text)) {
        c.diags.report(Diag::IamArnFormat, item.range, "managed policy", *text,
                       "a policy ARN (`arn:aws:iam::aws:policy/NAME`, "
                       "`arn:aws:iam::ACCOUNT:policy/NAME`)");
      }
    }
  };
  for (const model::Block* role : c.program.of_kind("role")) {
    managed(*role, "managed_policies");
  }
  for (const model::Block* task : c.program.of_kind("task")) {
    managed(*task, "execution_policies");
  }
}

} // namespace
} // namespace iam_arns_rule

extern const Rule kIamArnsRule;
const Rule kIamArnsRule{
    "iam-arns",
    "policy resources are ARNs or `*`, managed policies policy ARNs",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html",
    {Diag::IamArnFormat},
    iam_arns_rule::run};

} // namespace ecl::check
