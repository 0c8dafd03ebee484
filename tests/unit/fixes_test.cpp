// The folder rule (driver::split_programs) and the fixes diagnostics carry for the editor.
#include "tests/unit/check_fixture.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace {

using ecl::driver::declares_stack;
using ecl::driver::split_programs;

TEST(FolderRule, DeclaresStackAtTheTopLevelOnly) {
  EXPECT_TRUE(declares_stack("stack web { region = \"us-east-1\" }"));
  EXPECT_TRUE(declares_stack("// c\nlet a = 1\nstack {\n}"));
  EXPECT_FALSE(declares_stack("vpc main { cidr = \"10.0.0.0/16\" }"));
  EXPECT_FALSE(declares_stack("let stack = 1\nlet b = stack"));
  EXPECT_FALSE(declares_stack("// stack web {\n\"stack x {\""));
  EXPECT_FALSE(declares_stack("vpc main { stack x { } }")); // nested: not the program's stack
}

TEST(FolderRule, OneStackIsOneProgramTwoAreAFolder) {
  std::vector<std::string_view> one{"stack a {}", "vpc v {}", "let x = 1"};
  EXPECT_EQ(split_programs(one), (std::vector<std::vector<std::size_t>>{{0, 1, 2}}));
  std::vector<std::string_view> none{"vpc v {}", "let x = 1"};
  EXPECT_EQ(split_programs(none), (std::vector<std::vector<std::size_t>>{{0, 1}}));
  std::vector<std::string_view> folder{"stack a {}", "vpc v {}", "stack b {}"};
  EXPECT_EQ(split_programs(folder), (std::vector<std::vector<std::size_t>>{{0}, {1}, {2}}));
}

// The fixes of the first diagnostic with `code`, as "range-begin..range-end:text".
std::string fixes(const ecl::test::Checked& c, std::string_view code) {
  for (const auto& d : c.compilation.diags.items()) {
    if (d.code() == code) {
      std::string out;
      for (const auto& f : d.fixes) {
        out += fmt::format("{}{}..{}:{}", out.empty() ? "" : " | ", f.range.begin, f.range.end,
                           f.text);
      }
      return out;
    }
  }
  return "no " + std::string(code);
}

TEST(Fixes, DidYouMeanReplacesTheWord) {
  auto c =
      ecl::test::check_text("vpc main { cidr = \"10.0.0.0/16\"  instance_tenancy = dedicatd }\n");
  EXPECT_EQ(fixes(c, "E2005"), "52..60:dedicated") << c.diagnostics();
  auto unit = ecl::test::check_text("task t { memory = 512mib  cpu = 256 }\n");
  EXPECT_EQ(fixes(unit, "E0011"), "21..24:MiB") << unit.diagnostics();
}

TEST(Fixes, MissingAttributeIsAddedBeforeTheBrace) {
  // On a line of its own in a block written on several lines, one level deeper than the block.
  auto lines = ecl::test::check_text(
      "vpc main {\n  cidr = \"10.0.0.0/16\"\n  subnet a {\n    zone = \"us-east-1a\"\n  }\n}\n");
  EXPECT_EQ(fixes(lines, "E2002"), "71..71:    cidr = \"\"\n") << lines.diagnostics();
  // Before the brace of a block written on one line.
  auto one = ecl::test::check_text("vpc main {}\n");
  EXPECT_EQ(fixes(one, "E2002"), "10..10: cidr = \"\" ") << one.diagnostics();
}

// W0009 names the ingress rule to add; written into the group it names, as a user pastes it, the
// rule must parse and silence the warning (a suggestion with commas between the items was E0009).
TEST(Fixes, UnreachableTasksSuggestAnIngressThatParses) {
  std::ifstream in(std::filesystem::path(ECL_SOURCE_DIR) / "tests" / "golden" / "load_balancing" /
                   "warn_lb_cannot_reach_tasks.ecl");
  std::ostringstream text;
  text << in.rdbuf();
  std::string source = text.str();
  auto c = ecl::test::check_text(source);
  ASSERT_EQ(c.codes(), "W0009") << c.diagnostics();
  const std::string& message = c.compilation.diags.items().front().message;
  std::size_t begin = message.find("add `");
  std::size_t end = message.find("` to security_group `main.app`");
  ASSERT_TRUE(begin != std::string::npos && end != std::string::npos) << message;
  std::string rule = message.substr(begin + 5, end - begin - 5);
  std::size_t group = source.find("security_group app {");
  ASSERT_NE(group, std::string::npos);
  source.insert(group + std::string("security_group app {").size(), "\n    " + rule);
  auto fixed = ecl::test::check_text(source);
  EXPECT_TRUE(fixed.clean()) << rule << "\n" << fixed.diagnostics();
}

} // namespace
