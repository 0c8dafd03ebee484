// The folder rule (driver::split_programs) and the fixes diagnostics carry for the editor.
#include "tests/unit/check_fixture.h"

#include <gtest/gtest.h>

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

} // namespace
