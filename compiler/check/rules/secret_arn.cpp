// A container secret given as an ARN is one ECS can read (E3130): a Secrets Manager secret,
// `arn:PARTITION:secretsmanager:REGION:ACCOUNT:secret:NAME` (with an optional
// `:json-key:version-stage:version-id` after it), or an SSM parameter,
// `arn:PARTITION:ssm:REGION:ACCOUNT:parameter/NAME`. The execution role's `read-secrets` policy
// names these ARNs, and IAM (cfn-lint E3510) refuses one without its region or account. A value
// that is no ARN stays what the docs allow: the name of an SSM parameter of the stack's region.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar.html
#include "compiler/check/rules/rule.h"
#include "compiler/model/arn.h"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace ecl::check {
namespace secret_arn_rule {
namespace {

// What is wrong with `text`, an ARN ECS would be given, or "" when nothing is.
std::string problem(std::string_view text) {
  const std::optional<model::Arn> arn = model::Arn::parse(text);
  const bool located = arn && arn->well_formed() && model::is_region(arn->region) &&
                       arn->has_account_id() && !arn->resource_id().empty();
  if (arn && arn->service == "secretsmanager") {
    // `secret:NAME`, or with the JSON key, version stage and version ID ECS takes after it.
    const std::string_view id = arn->resource_id();
    const auto colons = std::count(id.begin(), id.end(), ':');
    return located && arn->resource.starts_with("secret:") && id[0] != ':' &&
                   (colons == 0 || colons == 3)
               ? ""
               : "not a Secrets Manager secret ARN, "
                 "`arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME`";
  }
  if (arn && arn->service == "ssm") {
    return located && arn->resource.starts_with("parameter/") &&
                   arn->resource.find(':') == std::string_view::npos
               ? ""
               : "not an SSM parameter ARN, `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`";
  }
  return "an ARN of neither Secrets Manager nor SSM Parameter Store, the only sources of ECS "
         "secrets";
}

void run(RuleContext& c) {
  for (const model::Block* container : c.program.of_kind("container")) {
    const model::Value* secrets = container->get("secrets");
    const model::Map* map = secrets ? secrets->as<model::Map>() : nullptr;
    if (!map) {
      continue;
    }
    for (const auto& [name, value] : *map) {
      const std::string* text = value.string();
      // A parameter name, a deferred ARN (AWS gives a well-formed one), or a literal `${NAME}`
      // placeholder that a tool substitutes before deploying.
      if (!text || text->rfind("arn:", 0) != 0 || text->find("${") != std::string::npos) {
        continue;
      }
      std::string why = problem(*text);
      if (!why.empty()) {
        c.diags.report(Diag::SecretArnFormat, value.range, name, container->path, *text, why,
                       "write the full ARN with its region and 12-digit account, or an SSM "
                       "parameter of the stack's region by name (`/app/key`)");
      }
    }
  }
}

} // namespace
} // namespace secret_arn_rule

extern const Rule kSecretArnRule;
const Rule kSecretArnRule{"secret-arn",
                          "a container secret's ARN is a Secrets Manager secret or an SSM "
                          "parameter with its region and account",
                          "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/"
                          "secrets-envvar.html",
                          {Diag::SecretArnFormat},
                          secret_arn_rule::run};

} // namespace ecl::check
