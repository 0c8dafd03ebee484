// A repository's name is what ECR takes (E3150): 2 to 256 characters, lowercase letters, digits
// and `._-/`, components of letters and digits separated by one `.`, `_` or `-`, namespaces by `/`
// (`(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`); it is unique in the account's
// registry, so two repository blocks of one name would make the second CreateRepository fail with
// RepositoryAlreadyExistsException (E3151). A `kms_key` encrypts with KMS: it goes with
// `encryption = kms` (E3152), which ECR refuses otherwise.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>
#include <map>

namespace ecl::check {
namespace ecr_repository_rule {
namespace {

bool lower_alnum(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

// Why `name` is not an ECR repository name, or "".
std::string name_problem(const std::string& name) {
  if (name.size() < 2 || name.size() > 256) {
    return fmt::format("has {} character{}; ECR takes 2 to 256", name.size(),
                       name.size() == 1 ? "" : "s");
  }
  for (char ch : name) {
    if (ch >= 'A' && ch <= 'Z') {
      return "holds an upper-case letter; ECR takes lowercase names only";
    }
    if (!lower_alnum(ch) && std::string_view("._-/").find(ch) == std::string_view::npos) {
      return fmt::format("holds `{}`; names are lowercase letters, digits and `._-/`", ch);
    }
  }
  // Every `/`-separated component: letters and digits, separated by single `.`, `_` or `-`.
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t slash = name.find('/', start);
    std::string_view part(name.data() + start,
                          (slash == std::string::npos ? name.size() : slash) - start);
    if (part.empty()) {
      return "has an empty part between `/`";
    }
    if (!lower_alnum(part.front()) || !lower_alnum(part.back())) {
      return fmt::format("has a part `{}` that does not start and end with a letter or digit",
                         part);
    }
    for (std::size_t i = 1; i < part.size(); ++i) {
      if (!lower_alnum(part[i]) && !lower_alnum(part[i - 1])) {
        return fmt::format("has `{}{}` in `{}`; separators `._-` stand alone between letters "
                           "and digits",
                           part[i - 1], part[i], part);
      }
    }
    if (slash == std::string::npos) {
      break;
    }
    start = slash + 1;
  }
  return "";
}

void run(RuleContext& c) {
  std::map<std::string, const model::Block*> names; // name -> its first repository
  for (const model::Block* repo : c.program.of_kind("repository")) {
    if (const std::string* name = repo->get_string("name")) {
      if (std::string problem = name_problem(*name); !problem.empty()) {
        c.diags.report(Diag::EcrRepositoryName, attribute_range(*repo, "name"), *name, problem);
      } else if (auto [first, added] = names.emplace(*name, repo); !added) {
        c.diags.report(Diag::EcrDuplicateRepository, attribute_range(*repo, "name"), repo->path,
                       first->second->path, *name);
      }
    }
    const std::string* encryption = repo->get_enum("encryption");
    if (repo->get("kms_key") && encryption && *encryption != "kms") {
      c.diags.report(Diag::EcrKmsKeyWithoutKms, attribute_range(*repo, "kms_key"), repo->path,
                     *encryption);
    }
  }
}

} // namespace
} // namespace ecr_repository_rule

extern const Rule kEcrRepositoryRule;
const Rule kEcrRepositoryRule{
    "ecr-repository",
    "repository names are what ECR accepts, unique, and a KMS key goes with KMS encryption",
    "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html",
    {Diag::EcrRepositoryName, Diag::EcrDuplicateRepository, Diag::EcrKmsKeyWithoutKms},
    ecr_repository_rule::run};

} // namespace ecl::check
