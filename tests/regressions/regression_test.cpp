// Replays every input in tests/regressions/ through the fuzz targets' bodies: `*.ecl` through the
// checker and every backend (fuzz_check, fuzz_cfn, fuzz_plan), `lsp/*` through the language server
// (fuzz_lsp). The fuzz invariants abort on a broken one; sanitizer builds (ECL_SANITIZE) catch
// memory errors and undefined behaviour. A first line `// expect: E0008 E0014` also requires those
// codes to be reported, so a limit keeps its own clear error.
#include "fuzz/fuzz_backend.h"

#ifdef ECL_HAVE_LSP
#include "compiler/lsp/server.h"
#endif

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace ecl {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(ECL_SOURCE_DIR) / "tests" / "regressions";

std::vector<fs::path> inputs(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> paths;
  if (fs::is_directory(dir)) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_regular_file() && (extension.empty() || entry.path().extension() == extension)) {
        paths.push_back(entry.path());
      }
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The test's name: the file's stem with anything but letters, digits and `_` replaced.
std::string test_name(const testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      c = '_';
    }
  }
  return name;
}

// Codes listed on a first line `// expect: E0008 E0014`.
std::set<std::string> expected_codes(const std::string& text) {
  std::set<std::string> codes;
  const std::string marker = "// expect:";
  if (text.rfind(marker, 0) != 0) {
    return codes;
  }
  std::istringstream line(text.substr(marker.size(), text.find('\n') - marker.size()));
  for (std::string code; line >> code;) {
    codes.insert(code);
  }
  return codes;
}

const auto* bytes(const std::string& s) {
  return reinterpret_cast<const std::uint8_t*>(s.data());
}

class Program : public testing::TestWithParam<fs::path> {};

TEST_P(Program, KeepsEveryInvariant) {
  std::string text = read(GetParam());
  driver::Compilation c = fuzz::compile_bytes(bytes(text), text.size());
  std::set<std::string> reported;
  for (const Diagnostic& d : c.diags.items()) {
    reported.insert(std::string(d.code()));
  }
  for (const std::string& code : expected_codes(text)) {
    EXPECT_TRUE(reported.count(code)) << code << " not reported; got:\n"
                                      << render_text(c.diags, c.sources);
  }
  for (const backend::BackendInfo& backend : backend::all_backends()) {
    fuzz::lower_compiled(backend.name, c);
  }
}

INSTANTIATE_TEST_SUITE_P(Regressions, Program, testing::ValuesIn(inputs(kDir, ".ecl")), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Program);

#ifdef ECL_HAVE_LSP
class LspSession : public testing::TestWithParam<fs::path> {};

TEST_P(LspSession, IsAnsweredWithoutInternalErrors) {
  std::istringstream in(read(GetParam()));
  std::ostringstream out;
  lsp::Server server(in, out);
  (void)server.run();
  EXPECT_FALSE(fuzz::has_internal_error(out.str())) << out.str();
}

INSTANTIATE_TEST_SUITE_P(Regressions, LspSession, testing::ValuesIn(inputs(kDir / "lsp", "")),
                         test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(LspSession);
#endif

} // namespace
} // namespace ecl
