// The golden runner. Every program under tests/golden (a `.ecl` file, or a directory `NAME.d` of
// `.ecl` files) is checked and its rendered diagnostics compared with the sidecar `NAME.diag`.
// The file name carries the expectation:
//   fail_*  must report at least one error;
//   warn_*  must report warnings and no error;
//   others  must report nothing (no sidecar).
// A first line `// args: -p name=value --werror` passes options. Every program under examples/
// must check clean. Every program without errors is also lowered by each backend and compared
// with its sidecar (`NAME.cfn.json`, `NAME.plan.json`; examples too). ECL_UPDATE_GOLDEN=1 rewrites
// the sidecars; review the diff like code.
#include "backends/registry.h"
#include "compiler/diagnostics/render.h"
#include "compiler/driver/driver.h"
#include "tests/test_util.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Case {
  std::string name; // path relative to its root, e.g. "network/fail_subnet_outside.ecl"
  fs::path root;
  bool example = false;
};

// Test names and failure messages show the program's path, not the bytes of the struct.
void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

std::vector<Case> discover() {
  std::vector<Case> cases;
  auto walk = [&](const fs::path& root, bool example) {
    if (!fs::exists(root)) {
      return;
    }
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
         ++it) {
      const fs::path& p = it->path();
      bool program_dir =
          it->is_directory() && (p.extension() == ".d" || (example && it.depth() == 0));
      if (program_dir) {
        cases.push_back({fs::relative(p, root).string(), root, example});
        it.disable_recursion_pending();
      } else if (it->is_regular_file() && p.extension() == ".ecl") {
        cases.push_back({fs::relative(p, root).string(), root, example});
      }
    }
  };
  walk(fs::path(ECL_SOURCE_DIR) / "tests" / "golden", false);
  walk(fs::path(ECL_SOURCE_DIR) / "examples", true);
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) {
    return std::tie(a.example, a.name) < std::tie(b.example, b.name);
  });
  return cases;
}

// Options from a leading `// args:` line of the program (its first file for a directory).
std::vector<std::string> args_of(const fs::path& program) {
  fs::path first = program;
  if (fs::is_directory(program)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(program)) {
      if (e.path().extension() == ".ecl") {
        files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      return {};
    }
    first = files.front();
  }
  std::string line = ecl::test::first_line(first);
  const std::string prefix = "// args:";
  if (line.rfind(prefix, 0) != 0) {
    return {};
  }
  std::istringstream words(line.substr(prefix.size()));
  std::vector<std::string> args;
  for (std::string w; words >> w;) {
    args.push_back(w);
  }
  return args;
}

class Golden : public testing::TestWithParam<Case> {};

TEST_P(Golden, Diagnostics) {
  const Case& c = GetParam();
  // Paths in the output are relative to the root, so sidecars do not depend on the checkout.
  ecl::test::ScopedCwd cwd(c.root);
  auto args = args_of(c.root / c.name);
  ecl::check::Options options;
  bool werror = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-p" && i + 1 < args.size()) {
      auto eq = args[i + 1].find('=');
      options.params.push_back({args[i + 1].substr(0, eq), args[i + 1].substr(eq + 1)});
      ++i;
    } else if (args[i] == "--werror") {
      werror = true;
    }
  }
  ecl::driver::Compilation result = ecl::driver::compile(c.name, options);
  if (werror) {
    result.diags.promote_warnings();
  }
  std::string actual = ecl::render_text(result.diags, result.sources);
  std::string base = fs::path(c.name).filename().string();
  std::string stem = fs::path(c.name).stem().string();

  fs::path dir = c.root / fs::path(c.name).parent_path();
  if (!result.diags.has_errors()) {
    // The sidecar name drops a directory program's `.d`: `multi.d` -> `multi.cfn.json`.
    for (const auto& backend : ecl::backend::all_backends()) {
      std::string output;
      ecl::Diagnostics lowering;
      bool lowered = backend.make()->lower(*result.program, lowering, output);
      EXPECT_TRUE(lowered) << backend.name << " failed on " << c.name << ":\n"
                           << ecl::render_text(lowering, result.sources);
      fs::path expected = dir / (stem + std::string(backend.extension));
      if (ecl::test::update_golden()) {
        ecl::test::write_file(expected, output);
        continue;
      }
      ASSERT_TRUE(fs::exists(expected))
          << "missing " << expected << "; run with ECL_UPDATE_GOLDEN=1 and review it";
      EXPECT_EQ(output, ecl::test::read_file(expected))
          << backend.name << " output of " << c.name << " changed";
    }
  }
  if (c.example) {
    EXPECT_EQ(actual, "") << "every example must check clean";
    return;
  }
  fs::path sidecar = dir / (stem + ".diag");
  bool expect_fail = base.rfind("fail_", 0) == 0;
  bool expect_warn = base.rfind("warn_", 0) == 0;
  if (expect_fail) {
    EXPECT_TRUE(result.diags.has_errors()) << c.name << " is a fail_ test but reports no error";
  } else if (expect_warn) {
    EXPECT_FALSE(result.diags.has_errors()) << c.name << " is a warn_ test but reports errors";
    EXPECT_GT(result.diags.warning_count(), 0u) << c.name << " is a warn_ test without warnings";
  } else {
    EXPECT_EQ(actual, "") << c.name << " must check clean";
    return;
  }
  if (ecl::test::update_golden()) {
    ecl::test::write_file(sidecar, actual);
    return;
  }
  ASSERT_TRUE(fs::exists(sidecar))
      << "missing " << sidecar << "; run with ECL_UPDATE_GOLDEN=1 and review it";
  EXPECT_EQ(actual, ecl::test::read_file(sidecar)) << "diagnostics of " << c.name << " changed";
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
  std::string name = (info.param.example ? "example_" : "") + info.param.name;
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) {
      ch = '_';
    }
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Programs, Golden, testing::ValuesIn(discover()), case_name);

// Every code of the diagnostic table is exercised by a golden sidecar or named in a unit test.
TEST(Coverage, EveryDiagnosticCodeIsTested) {
  std::string corpus;
  for (auto it = fs::recursive_directory_iterator(fs::path(ECL_SOURCE_DIR) / "tests");
       it != fs::recursive_directory_iterator(); ++it) {
    auto ext = it->path().extension();
    if (it->is_regular_file() &&
        (ext == ".diag" || ext == ".cpp" || ext == ".sh" || ext == ".py")) {
      if (it->path().filename() == "golden_test.cpp") {
        continue;
      }
      corpus += ecl::test::read_file(it->path());
    }
  }
  for (const ecl::DiagInfo& d : ecl::all_diagnostic_kinds()) {
    if (d.summary.rfind("(retired)", 0) == 0 || d.code[1] == '4') {
      continue; // retired codes, and lowering codes that their backends' tests cover
    }
    EXPECT_NE(corpus.find(std::string(d.code)), std::string::npos)
        << d.code << " (" << d.name << ") is exercised by no test";
  }
}

} // namespace
