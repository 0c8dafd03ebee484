// The body of the backend fuzz targets (fuzz_cfn, fuzz_plan): check the input and, when it checks
// clean, lower it with one backend twice. Lowering must succeed or explain itself with an error,
// produce JSON, and produce the same bytes both times.
#pragma once

#include "backends/registry.h"
#include "fuzz/fuzz_common.h"

#include <nlohmann/json.hpp>
#include <string_view>

namespace ecl::fuzz {

inline void lower_compiled(std::string_view backend_name, const driver::Compilation& c) {
  // A backend not registered yet leaves a check-only target (still worth running).
  const backend::BackendInfo* info = backend::find_backend(backend_name);
  if (info == nullptr || c.diags.has_errors()) {
    return;
  }
  std::string first;
  std::string second;
  Diagnostics first_diags;
  Diagnostics second_diags;
  bool ok = info->make()->lower(*c.program, first_diags, first);
  bool again = info->make()->lower(*c.program, second_diags, second);
  if (!ok) {
    if (!first_diags.has_errors()) {
      fail("lower() failed without reporting an error");
    }
  } else if (!nlohmann::json::accept(first)) {
    fail("lower() succeeded but its output is not JSON");
  }
  if (ok != again || first != second) {
    fail("lowering the same program twice gave different results");
  }
}

inline void lower_bytes(std::string_view backend_name, const std::uint8_t* data, std::size_t size) {
  lower_compiled(backend_name, compile_bytes(data, size));
}

} // namespace ecl::fuzz
