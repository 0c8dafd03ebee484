// The ECR kind: repository (+ its scan-on-push setting and its lifecycle policy).
#include "backends/common/ecr_requests.h"
#include "backends/plan/planner.h"

#include <fmt/format.h>

namespace ecl::backend::plan {

void lower_repository(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "ecr", "CreateRepository");
  s.params = common::repository(p, b);
  p.add_tags(s, b);
  s.summary = fmt::format("{} tags, {} encryption", text_of(s.params["imageTagMutability"]),
                          text_of(s.params["encryptionConfiguration"]["encryptionType"]));
  if (p.get_bool(b, "scan_on_push")) {
    Step& scan = p.add(b, "scanning", "ecr", "PutImageScanningConfiguration");
    scan.params["repositoryName"] = p.output(b, "", "name");
    scan.params["imageScanningConfiguration"] = {{"scanOnPush", true}};
    scan.summary = "scan on push";
  }
  if (std::string policy = common::lifecycle_policy_text(p, b); !policy.empty()) {
    Step& l = p.add(b, "lifecycle", "ecr", "PutLifecyclePolicy");
    l.params["repositoryName"] = p.output(b, "", "name");
    l.params["lifecyclePolicyText"] = p.string_value(policy);
    const std::size_t rules = p.get_list(b, "lifecycle").size();
    l.summary = fmt::format("{} rule{}", rules, rules == 1 ? "" : "s");
  }
}

} // namespace ecl::backend::plan
