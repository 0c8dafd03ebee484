// Every backend, by name: the command line picks one with `--target`, and the golden runner
// compares each one's output with its sidecar (`NAME.cfn.json`, `NAME.plan.json`).
#pragma once

#include "backends/backend.h"

#include <memory>
#include <span>
#include <string_view>

namespace ecl::backend {

struct BackendInfo {
  std::string_view name;      // "cloudformation"
  std::string_view extension; // ".cfn.json": the golden sidecar of a clean program
  std::unique_ptr<Backend> (*make)();
};

std::span<const BackendInfo> all_backends();
const BackendInfo* find_backend(std::string_view name);

} // namespace ecl::backend
