// fuzz_plan: arbitrary bytes checked and, when clean, lowered to an API plan. Until the plan
// backend is registered this runs as a second check-only target.
#include "fuzz/fuzz_backend.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ecl::fuzz::lower_bytes("plan", data, size);
  return 0;
}
