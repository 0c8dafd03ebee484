// fuzz_cfn: arbitrary bytes checked and, when clean, lowered to a CloudFormation template.
#include "fuzz/fuzz_backend.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ecl::fuzz::lower_bytes("cloudformation", data, size);
  return 0;
}
