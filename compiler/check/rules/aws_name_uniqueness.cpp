// Where AWS wants a name unique, two blocks may not give the same one (E3411): a container's in
// its task definition (ContainerDefinition), a security group's in its VPC (CreateSecurityGroup),
// and a cluster's, capacity provider's, load balancer's, target group's (per account and region)
// or role's (per account). Services have their own rule (E3250); a task family is shared on
// purpose (its task definitions are revisions).
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (role names are not
// distinguished by case)
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <string>
#include <utility>

namespace ecl::check {
namespace {

struct Scope {
  std::string_view kind;
  std::string_view what;  // "target group"
  std::string_view scope; // the kind of the block names are unique in, "" for the account
  std::string_view where; // how a message says the account's scope
  bool any_case = false;  // IAM: names that differ only in case are one name
};

constexpr Scope kScopes[] = {
    {"container", "container", "task", ""},
    {"security_group", "security group", "vpc", ""},
    {"cluster", "cluster", "", "in the account and region"},
    {"ec2_capacity", "capacity provider", "", "in the account and region"},
    {"load_balancer", "load balancer", "", "in the account and region"},
    {"target_group", "target group", "", "in the account and region"},
    {"role", "role", "", "in the account", true},
};

void run(RuleContext& c) {
  for (const Scope& s : kScopes) {
    // (scope block, name) → the first block giving it.
    std::map<std::pair<const model::Block*, std::string>, const model::Block*> seen;
    for (const model::Block* block : c.program.of_kind(s.kind)) {
      const std::string* name = block->get_string("name");
      if (!name) {
        continue;
      }
      const model::Block* in = s.scope.empty() ? nullptr : block->ancestor(s.scope);
      std::string key = *name;
      if (s.any_case) {
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
      }
      auto [it, fresh] = seen.emplace(std::pair{in, key}, block);
      if (fresh) {
        continue;
      }
      std::string where =
          in ? fmt::format("in {} `{}`", in->kind_name == "vpc" ? "VPC" : "task", in->path)
             : std::string(s.where);
      c.diags
          .report(Diag::DuplicateAwsName, attribute_range(*block, "name"), s.what, block->path,
                  *name, where, s.what, it->second->path)
          .note(it->second->header_range, fmt::format("the other {} is declared here", s.what));
    }
  }
}

} // namespace

extern const Rule kAwsNameUniquenessRule;
const Rule kAwsNameUniquenessRule{
    "aws-name-uniqueness",
    "containers of a task, security groups of a VPC and account-wide resources have distinct names",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
    {Diag::DuplicateAwsName},
    run};

} // namespace ecl::check
