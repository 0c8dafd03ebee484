// fuzz_check: arbitrary bytes as an ECL program through the whole front end (UTF-8, lexing, the
// pre-pass, parsing with recovery, the AST transform, the checker and its rules) and both
// diagnostic renderings.
#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)ecl::fuzz::compile_bytes(data, size);
  return 0;
}
