// A role's name is 1 to 64 characters of `[A-Za-z0-9+=,.@_-]`, its path `/` or `/TEXT/` of
// printable ASCII, at most 512 characters (E3408).
#include "compiler/check/rules/rule.h"

#include <cctype>
#include <fmt/format.h>

namespace ecl::check {
namespace role_name_rule {
namespace {

bool name_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) ||
         std::string_view("+=,.@_-").find(ch) != std::string_view::npos;
}

void run(RuleContext& c) {
  for (const model::Block* role : c.program.of_kind("role")) {
    if (const std::string* name = role->get_string("name")) {
      bool chars = true;
      for (char ch : *name) {
        chars = chars && name_char(ch);
      }
      if (name->empty() || name->size() > 64 || !chars) {
        c.diags.report(Diag::RoleNameFormat, attribute_range(*role, "name"),
                       fmt::format("role name `{}` is not 1 to 64 characters of letters, digits "
                                   "and `+=,.@_-`",
                                   *name));
      }
    }
    if (const std::string* path = role->get_string("path")) {
      bool ok =
          !path->empty() && path->size() <= 512 && path->front() == '/' && path->back() == '/';
      for (char ch : *path) {
        ok = ok && ch >= '!' && ch <= '~';
      }
      if (!ok) {
        c.diags.report(Diag::RoleNameFormat, attribute_range(*role, "path"),
                       fmt::format("role path `{}` is not `/` or `/TEXT/` of printable ASCII "
                                   "characters (at most 512)",
                                   *path));
      }
    }
  }
}

} // namespace
} // namespace role_name_rule

extern const Rule kRoleNameRule;
const Rule kRoleNameRule{"role-name",
                         "role names and paths are what IAM accepts",
                         "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html",
                         {Diag::RoleNameFormat},
                         role_name_rule::run};

} // namespace ecl::check
