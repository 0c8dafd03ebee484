// fuzz_check: arbitrary bytes as an ECL program through the whole front end (UTF-8, lexing, the
// pre-pass, parsing with recovery, the AST transform, the checker and its rules) and both
// diagnostic renderings; and the fast lexer against the grammar's (fuzz_lex.h).
#include "fuzz/fuzz_common.h"
#include "fuzz/fuzz_lex.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ecl::fuzz::check_lexers(data, size);
  (void)ecl::fuzz::compile_bytes(data, size);
  return 0;
}
