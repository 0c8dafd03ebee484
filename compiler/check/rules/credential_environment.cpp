// Environment variables named like credentials belong in `secrets` (W0002): a name warns when one
// of its words is PASSWORD, PASSWD, SECRET, TOKEN or KEY (or a plural), case-insensitively. Words
// are split at `_`, `-`, `.` and lowercase-to-uppercase changes, so `API_KEY`, `DB_PASSWORD`,
// `GITHUB_TOKEN`, `AWS_SECRET_ACCESS_KEY` and `dbPassword` warn while `KEYCLOAK_URL` and `MONKEY`
// do not.
#include "compiler/check/rules/rule.h"

#include <array>
#include <cctype>

namespace ecl::check {
namespace credential_environment_rule {
namespace {

constexpr std::array<std::string_view, 9> kCredentialWords{
    "PASSWORD", "PASSWORDS", "PASSWD", "SECRET", "SECRETS", "TOKEN", "TOKENS", "KEY", "KEYS"};

std::vector<std::string> words_of(std::string_view name) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(name[i]);
    if (!std::isalnum(ch)) {
      words.emplace_back();
      continue;
    }
    bool camel_break =
        i > 0 && std::isupper(ch) && std::islower(static_cast<unsigned char>(name[i - 1]));
    if (camel_break) {
      words.emplace_back();
    }
    words.back() += static_cast<char>(std::toupper(ch));
  }
  return words;
}

bool looks_like_credential(std::string_view name) {
  for (const std::string& word : words_of(name)) {
    for (std::string_view credential : kCredentialWords) {
      if (word == credential) {
        return true;
      }
    }
  }
  return false;
}

void run(RuleContext& c) {
  for (const model::Block* container : c.program.of_kind("container")) {
    const model::Value* environment = container->get("environment");
    if (!environment || !environment->as<model::Map>()) {
      continue;
    }
    for (const auto& [name, value] : *environment->as<model::Map>()) {
      if (looks_like_credential(name)) {
        c.diags.report(Diag::CredentialInEnvironment, value.range, name);
      }
    }
  }
}

} // namespace
} // namespace credential_environment_rule

extern const Rule kCredentialEnvironmentRule;
const Rule kCredentialEnvironmentRule{
    "credential-environment",
    "environment variables named like passwords, secrets, tokens or keys should be `secrets`",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/taskdef-envfiles.html",
    {Diag::CredentialInEnvironment},
    credential_environment_rule::run};

} // namespace ecl::check
