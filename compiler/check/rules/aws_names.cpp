// The names AWS gives resources, each checked against its own resource's rule (E3410): a table,
// one row per naming rule, each citing the API page that states it. A name is the one the program
// gives, or the default the schema makes from the block's (a container's, a cluster's, a service's,
// a task's family). The role and capacity provider names have rules of their own (E3408, E3251).
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::check {
namespace aws_names_rule {
namespace {

struct NameRule {
  std::string_view kind;
  std::string_view attribute;
  std::string_view what;        // "load balancer"
  std::size_t max;              // characters
  std::string_view punctuation; // allowed besides ASCII letters and digits
  std::string_view described;   // the allowed characters, for the message
  bool no_hyphen_edges;         // may neither start nor end with `-`
  std::string_view reserved;    // a prefix AWS refuses, "" for none
  std::string_view source;      // the page stating the rule
};

constexpr std::string_view kEcsCharacters = "letters, digits, `_` and `-`";

const NameRule kRules[] = {
    {"cluster", "name", "cluster", 255, "_-", kEcsCharacters, false, "",
     "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html"},
    {"service", "name", "service", 255, "_-", kEcsCharacters, false, "",
     "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html"},
    {"task", "family", "task family", 255, "_-", kEcsCharacters, false, "",
     "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html"},
    {"container", "name", "container", 255, "_-", kEcsCharacters, false, "",
     "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html"},
    {"security_group", "name", "security group", 255, " ._-:/()#,@[]+=&;{}!$*",
     "letters, digits, spaces and `._-:/()#,@[]+=&;{}!$*`", false, "sg-",
     "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html"},
    {"load_balancer", "name", "load balancer", 32, "-", "letters, digits and `-`", true,
     "internal-",
     "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/"
     "API_CreateLoadBalancer.html"},
    {"target_group", "name", "target group", 32, "-", "letters, digits and `-`", true, "",
     "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/"
     "API_CreateTargetGroup.html"},
    {"job", "name", "schedule", 64, "-_.", "letters, digits, `-`, `_` and `.`", false, "",
     "https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html"},
};

bool allowed(unsigned char c, std::string_view punctuation) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         punctuation.find(static_cast<char>(c)) != std::string_view::npos;
}

// What is wrong with `name` under `rule`, "" when nothing is.
std::string problem_of(const NameRule& rule, std::string_view name) {
  if (name.empty()) {
    return "is empty";
  }
  if (!rule.reserved.empty() && name.starts_with(rule.reserved)) {
    return fmt::format("starts with `{}`, which AWS reserves", rule.reserved);
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (!allowed(c, rule.punctuation)) {
      // The whole UTF-8 sequence of a non-ASCII character.
      std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      return fmt::format("has `{}`; only {} are allowed", name.substr(i, length), rule.described);
    }
  }
  if (rule.no_hyphen_edges && (name.front() == '-' || name.back() == '-')) {
    return "starts or ends with `-`";
  }
  if (name.size() > rule.max) {
    return fmt::format("has {} characters; at most {} are allowed", name.size(), rule.max);
  }
  return "";
}

void run(RuleContext& c) {
  for (const NameRule& rule : kRules) {
    for (const model::Block* block : c.program.of_kind(rule.kind)) {
      const std::string* name = block->get_string(rule.attribute);
      if (!name) {
        continue;
      }
      std::string problem = problem_of(rule, *name);
      if (problem.empty()) {
        continue;
      }
      const model::Attribute* written = block->attribute(rule.attribute);
      std::string hint = written && !written->defaulted
                             ? fmt::format("choose another `{}`", rule.attribute)
                             : fmt::format("it is made from the block's name by default; give "
                                           "the block a `{}`",
                                           rule.attribute);
      c.diags.report(Diag::AwsNameFormat, attribute_range(*block, rule.attribute), rule.what, *name,
                     problem, hint);
    }
  }
}

} // namespace
} // namespace aws_names_rule

extern const Rule kAwsNamesRule;
const Rule kAwsNamesRule{
    "aws-names",
    "container, cluster, service, family, security group and load balancing names are valid",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
    {Diag::AwsNameFormat},
    aws_names_rule::run};

} // namespace ecl::check
