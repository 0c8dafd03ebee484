// A container's restart policy ignores at most 50 exit codes (E3127); its attempt period, 60 to
// 1800 seconds, is the schema's range.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerRestartPolicy.html
#include "compiler/check/rules/rule.h"

namespace ecl::check {
namespace restart_policy_rule {
namespace {

constexpr std::size_t kMaxIgnoredExitCodes = 50;

void run(RuleContext& c) {
  for (const model::Block* container : c.program.of_kind("container")) {
    const model::Value* restart = container->get("restart");
    const model::Value* codes = restart ? restart->field("ignored_exit_codes") : nullptr;
    const model::List* list = codes ? codes->as<model::List>() : nullptr;
    if (list && list->size() > kMaxIgnoredExitCodes) {
      c.diags.report(Diag::RestartExitCodes, codes->range, container->path, list->size());
    }
  }
}

} // namespace
} // namespace restart_policy_rule

extern const Rule kRestartPolicyRule;
const Rule kRestartPolicyRule{"restart-policy",
                              "a container's restart policy ignores at most 50 exit codes",
                              "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/"
                              "API_ContainerRestartPolicy.html",
                              {Diag::RestartExitCodes},
                              restart_policy_rule::run};

} // namespace ecl::check
