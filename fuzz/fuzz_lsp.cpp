// fuzz_lsp: arbitrary bytes as what an editor sends the language server on stdin: JSON-RPC framing
// (Content-Length headers), JSON, and the requests behind it. The server must answer or skip
// every message; an "internal error" answer means a handler threw, which is a bug too.
#include "compiler/lsp/server.h"
#include "fuzz/fuzz_common.h"

#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream out;
  ecl::lsp::Server server(in, out);
  (void)server.run();
  if (ecl::fuzz::has_internal_error(out.str())) {
    ecl::fuzz::fail("a request handler threw (the server answered \"internal error\")");
  }
  return 0;
}
