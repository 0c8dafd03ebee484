// The generated documentation is checked in; these tests fail when it is stale.
// ECL_UPDATE_GOLDEN=1 rewrites it (then review the diff).
#include "compiler/check/rules/rule.h"
#include "compiler/diagnostics/explain.h"
#include "compiler/driver/docs.h"
#include "tests/test_util.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <set>

namespace fs = std::filesystem;

namespace {

const fs::path kDocs = fs::path(ECL_SOURCE_DIR) / "docs";

TEST(Docs, DiagnosticsPageIsUpToDate) {
  std::string expected = ecl::docs::diagnostics_markdown();
  if (ecl::test::update_golden()) {
    ecl::test::write_file(kDocs / "diagnostics.md", expected);
  }
  EXPECT_EQ(ecl::test::read_file(kDocs / "diagnostics.md"), expected)
      << "docs/diagnostics.md is stale: run ECL_UPDATE_GOLDEN=1 ctest -R Docs";
}

TEST(Docs, LanguageReferenceIsUpToDate) {
  std::string current = ecl::test::read_file(kDocs / "language.md");
  auto expected = ecl::docs::replace_section(current, "reference", ecl::docs::reference_markdown());
  ASSERT_TRUE(expected.has_value()) << "docs/language.md lacks the GENERATED: reference markers";
  if (ecl::test::update_golden()) {
    ecl::test::write_file(kDocs / "language.md", *expected);
    current = *expected;
  }
  EXPECT_EQ(current, *expected)
      << "docs/language.md is stale: run ECL_UPDATE_GOLDEN=1 ctest -R Docs";
}

TEST(Docs, EveryDiagnosticIsListed) {
  std::string page = ecl::docs::diagnostics_markdown();
  for (const auto& d : ecl::all_diagnostic_kinds()) {
    EXPECT_NE(page.find(std::string(d.code)), std::string::npos) << d.code;
  }
}

// `eclc explain CODE` has something to say about every code, and nothing about a code the table
// does not have (a retired or misspelled key).
TEST(Docs, EveryDiagnosticIsExplained) {
  std::set<std::string_view> codes;
  for (const auto& d : ecl::all_diagnostic_kinds()) {
    codes.insert(d.code);
    EXPECT_GE(ecl::explanation(d.code).size(), 40u) << d.code << " has no long explanation";
  }
  std::set<std::string_view> explained;
  for (const auto& e : ecl::all_explanations()) {
    EXPECT_TRUE(codes.count(e.code)) << e.code << " is explained but is no diagnostic code";
    EXPECT_TRUE(explained.insert(e.code).second) << e.code << " is explained twice";
  }
  EXPECT_EQ(ecl::explanation("e3002"), ecl::explanation("E3002"));
  EXPECT_EQ(ecl::explanation("E9999"), "");
}

// Each AWS rule says what it enforces and which AWS page it comes from, and every E3xxx code and
// warning belongs to a rule.
TEST(Rules, EveryRuleIsComplete) {
  std::set<std::string_view> covered;
  std::set<std::string_view> names;
  for (const auto& rule : ecl::check::all_rules()) {
    EXPECT_FALSE(rule.description.empty()) << rule.name;
    EXPECT_EQ(rule.source.rfind("https://docs.aws.amazon.com/", 0), 0u) << rule.name;
    EXPECT_FALSE(rule.codes.empty()) << rule.name;
    EXPECT_TRUE(names.insert(rule.name).second) << "two rules named " << rule.name;
    for (auto code : rule.codes) {
      covered.insert(ecl::info(code).code);
    }
  }
  for (const auto& d : ecl::all_diagnostic_kinds()) {
    // `eclc import` warns of its source, and a backend of its output, not of a checked program:
    // no rule reports those.
    bool import_warning = d.summary.starts_with("`eclc import`");
    bool backend_warning = d.summary.starts_with("`eclc compile");
    if ((d.code[0] == 'W' && !import_warning && !backend_warning) || d.code.substr(0, 2) == "E3") {
      EXPECT_TRUE(covered.count(d.code)) << d.code << " belongs to no rule";
    }
  }
}

} // namespace
