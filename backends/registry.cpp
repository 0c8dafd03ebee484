#include "backends/registry.h"

#include "backends/cloudformation/cloudformation.h"
#include "backends/plan/plan.h"

#include <vector>

namespace ecl::backend {

std::span<const BackendInfo> all_backends() {
  // Backends register here as they are written (cloudformation, plan).
  static const std::vector<BackendInfo> backends = {
      {"cloudformation", ".cfn.json", make_cloudformation_backend},
      {"plan", ".plan.json", make_plan_backend},
  };
  return backends;
}

const BackendInfo* find_backend(std::string_view name) {
  for (const BackendInfo& b : all_backends()) {
    if (b.name == name) {
      return &b;
    }
  }
  return nullptr;
}

} // namespace ecl::backend
