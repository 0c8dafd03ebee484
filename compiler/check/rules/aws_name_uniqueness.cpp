// Where AWS wants a name unique, two blocks may not give the same one (E3411): a container's in
// its task definition (ContainerDefinition), a security group's in its VPC (CreateSecurityGroup),
// and a cluster's, capacity provider's, load balancer's, target group's (per account and region)
// or role's (per account), and a job's schedule (per account and region). Services have their own
// rule (E3250); a task family is shared on purpose (its task definitions are revisions). A name the
// plan makes for a block the program does not name (security groups, load balancers, target groups,
// roles, and the execution and instance roles it adds) counts too: CreateTargetGroup answers an
// existing group of the same settings with that group, and two blocks would share it.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (role names are not
// distinguished by case)
#include "compiler/check/rules/rule.h"
#include "compiler/model/made_names.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <string>
#include <unordered_map>
#include <utility>

namespace ecl::check {
namespace aws_name_uniqueness_rule {
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
    {"job", "schedule", "", "in the account and region"},
};

// Who holds a name: a block that gives it, or one the plan makes it for (and which of its names).
enum class Holder { Given, Made, ExecutionRole, InstanceRole, SchedulerRole };

struct Named {
  const model::Block* block;
  Holder holder;
};

// "target group `main.api`", "the name the plan makes for …": formatted only for a message, as
// nearly every name is unique.
std::string label(const Scope& s, const Named& n) {
  const std::string& path = n.block->path;
  switch (n.holder) {
  case Holder::Given:
    return fmt::format("{} `{}`", s.what, path);
  case Holder::Made:
    return fmt::format("the name the plan makes for {} `{}`", s.what, path);
  case Holder::ExecutionRole:
    return fmt::format("the name the plan makes for task `{}`'s execution role", path);
  case Holder::InstanceRole:
    return fmt::format("the name the plan makes for ec2_capacity `{}`'s instance role", path);
  case Holder::SchedulerRole:
    return fmt::format("the name the plan makes for job `{}`'s scheduler role", path);
  }
  return "";
}

using Key = std::pair<const model::Block*, std::string>; // (scope block, name)
struct KeyHash {
  std::size_t operator()(const Key& key) const {
    return std::hash<std::string>()(key.second) ^ std::hash<const void*>()(key.first);
  }
};

void run(RuleContext& c) {
  for (const Scope& s : kScopes) {
    auto key_of = [&](const model::Block* in, std::string name) {
      if (s.any_case) {
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
      }
      return Key{in, std::move(name)};
    };
    auto scope_of = [&](const model::Block& block) {
      return s.scope.empty() ? nullptr : block.ancestor(s.scope);
    };
    // (scope block, name) → who has it: first the names the plan makes, which carry the block's
    // path, then the names the program gives, in order.
    std::unordered_map<Key, Named, KeyHash> seen;
    // Sized once: rehashing walks every node, in no order the cache can follow.
    seen.reserve(c.program.of_kind(s.kind).size() +
                 (s.kind == "role" ? c.program.of_kind("task").size() +
                                         c.program.of_kind("ec2_capacity").size() +
                                         c.program.of_kind("job").size()
                                   : 0));
    for (const model::Block* block : c.program.of_kind(s.kind)) {
      if (block->get_string("name")) {
        continue;
      }
      if (std::string name = model::made_name_of(c.program, *block); !name.empty()) {
        seen.emplace(key_of(scope_of(*block), name), Named{block, Holder::Made});
      }
    }
    // The roles the plan makes for what the program does not give one.
    if (s.kind == "role") {
      for (const model::Block* task : c.program.of_kind("task")) {
        if (!task->get("execution_role")) {
          seen.emplace(key_of(nullptr, model::made_role_name(c.program, *task)),
                       Named{task, Holder::ExecutionRole});
        }
      }
      for (const model::Block* capacity : c.program.of_kind("ec2_capacity")) {
        seen.emplace(key_of(nullptr, model::made_role_name(c.program, *capacity)),
                     Named{capacity, Holder::InstanceRole});
      }
      for (const model::Block* job : c.program.of_kind("job")) {
        if (job->get("schedule")) {
          seen.emplace(key_of(nullptr, model::made_role_name(c.program, *job)),
                       Named{job, Holder::SchedulerRole});
        }
      }
    }
    for (const model::Block* block : c.program.of_kind(s.kind)) {
      const std::string* name = block->get_string("name");
      if (!name) {
        continue;
      }
      const model::Block* in = scope_of(*block);
      auto [it, fresh] = seen.emplace(key_of(in, *name), Named{block, Holder::Given});
      if (fresh) {
        continue;
      }
      std::string where =
          in ? fmt::format("in {} `{}`", in->kind_name == "vpc" ? "VPC" : "task", in->path)
             : std::string(s.where);
      c.diags
          .report(Diag::DuplicateAwsName, attribute_range(*block, "name"),
                  fmt::format("{} `{}`", s.what, block->path), *name, where, label(s, it->second))
          .note(it->second.block->header_range,
                fmt::format("{} `{}` is declared here", it->second.block->kind_name,
                            it->second.block->path));
    }
  }
}

} // namespace
} // namespace aws_name_uniqueness_rule

extern const Rule kAwsNameUniquenessRule;
const Rule kAwsNameUniquenessRule{
    "aws-name-uniqueness",
    "containers of a task, security groups of a VPC and account-wide resources have distinct names",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
    {Diag::DuplicateAwsName},
    aws_name_uniqueness_rule::run};

} // namespace ecl::check
