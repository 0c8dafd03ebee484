// The documented limits (docs/limits.md), each enforced with its own clear error and never a
// stack overflow, an out-of-memory or a hang. Each test builds the smallest hostile program for
// one limit, checks the exact diagnostic and that nothing else is reported, and checks that the
// largest program within the limit is accepted.
#include "check_fixture.h"
#include "compiler/driver/driver.h"
#include "compiler/syntax/limits.h"
#include "compiler/syntax/syntax.h"

#include <algorithm>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <string>

namespace ecl {
namespace {

using test::check_text;

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

// True when `c` reported `code` at least once and nothing else. A value that hits a limit becomes
// Null; a later `let` may grow past the limit again from there, and reports again.
bool only(const test::Checked& c, std::string_view code) {
  const auto& items = c.compilation.diags.items();
  return !items.empty() && std::all_of(items.begin(), items.end(),
                                       [&](const Diagnostic& d) { return d.code() == code; });
}

// `let a0 = SEED` then `let aI = STEP` with `{}` standing for the previous name, `count` times.
std::string let_chain(std::string_view seed, std::string_view step, std::size_t count) {
  std::string out = fmt::format("let a0 = {}\n", seed);
  for (std::size_t i = 1; i <= count; ++i) {
    std::string previous = fmt::format("a{}", i - 1);
    out += fmt::format("let a{} = {}\n", i, fmt::format(fmt::runtime(step), previous));
  }
  return out;
}

// ---- E0019: string length ----------------------------------------------------------------------

TEST(Limits, E0019LiteralStringAtTheLimitIsAccepted) {
  auto c = check_text("let s = \"" + repeat("x", limits::kMaxStringBytes) + "\"\noutput o = s\n");
  EXPECT_TRUE(c.clean()) << c.diagnostics();
}

TEST(Limits, E0019LiteralStringTooLong) {
  auto c = check_text("let s = \"" + repeat("x", limits::kMaxStringBytes + 1) + "\"\n");
  EXPECT_EQ(c.codes(), "E0019");
  const Diagnostic& d = c.compilation.diags.items().at(0);
  EXPECT_EQ(d.message, "string is 65537 bytes long; the limit is 65536 bytes");
  EXPECT_EQ(d.range.begin, 8u); // the whole literal, from its opening quote
  EXPECT_EQ(d.range.end, 8u + limits::kMaxStringBytes + 3);
}

TEST(Limits, E0019StringBuiltByDoublingStopsAtTheLimit) {
  // 16 bytes doubled 40 times would be 16 TiB.
  auto c = check_text(let_chain("\"0123456789abcdef\"", "{0} + {0}", 40));
  EXPECT_EQ(c.codes(), "E0019") << c.diagnostics();
  EXPECT_EQ(c.compilation.diags.items().at(0).message,
            "string is 131072 bytes long; the limit is 65536 bytes");
}

TEST(Limits, E0019InterpolationAndJoinAreBoundedToo) {
  auto c = check_text(let_chain("\"0123456789abcdef\"", "\"${{{0}}}${{{0}}}\"", 40));
  EXPECT_EQ(c.codes(), "E0019") << c.diagnostics();
  std::string big_sep = "let sep = \"" + repeat("-", 60000) + "\"\n";
  auto j = check_text(big_sep + "let s = join(sep, [\"a\", \"b\", \"c\"])\n");
  EXPECT_EQ(j.codes(), "E0019") << j.diagnostics();
}

// ---- E0020: value size --------------------------------------------------------------------------

TEST(Limits, E0020ListBuiltByDoubling) {
  for (std::string step : {"[{0}, {0}]", "{0} + {0}", "concat({0}, {0})"}) {
    auto c = check_text(let_chain("[1, 2, 3, 4]", step, 40));
    EXPECT_TRUE(only(c, "E0020")) << step << "\n" << c.diagnostics();
    EXPECT_EQ(c.compilation.diags.items().at(0).message,
              "value is larger than 262144 (string bytes plus list and map elements); split it "
              "up");
  }
}

TEST(Limits, E0020MapBuiltByDoubling) {
  auto c = check_text(let_chain("{ k = \"v\" }", "{{ a = {0}, b = {0} }}", 40));
  EXPECT_TRUE(only(c, "E0020")) << c.diagnostics();
}

TEST(Limits, E0020ManyReferencesInOneList) {
  // Each item is within the limit; the list is checked as it grows, before it is built.
  std::string text = "let big = [" + repeat("\"" + std::string(1000, 'x') + "\", ", 900) + "]\n";
  text += "let many = [" + repeat("big, ", 2000) + "]\n";
  auto c = check_text(text);
  EXPECT_EQ(c.codes(), "E0020") << c.diagnostics();
}

TEST(Limits, E0020ObjectWithManyKeysStaysLinear) {
  // Duplicate keys were found by scanning the entries so far: quadratic, minutes for this one.
  std::string text = "let o = {";
  for (std::size_t i = 0; i < 50000; ++i) {
    text += fmt::format("key_{}_of_a_rather_long_object = 1, ", i);
  }
  text += "}\n";
  auto c = check_text(text);
  EXPECT_EQ(c.codes(), "E0020") << c.diagnostics();
}

// ---- E0021: value depth -------------------------------------------------------------------------

TEST(Limits, E0021ListNestedThroughLets) {
  auto c = check_text(let_chain("1", "[{0}]", 300));
  EXPECT_EQ(c.codes(), "E0021") << c.diagnostics();
  EXPECT_EQ(c.compilation.diags.items().at(0).message,
            "value nests lists and maps deeper than 256 levels; flatten it");
}

// ---- E0022: evaluation depth --------------------------------------------------------------------

TEST(Limits, E0022LongLetChainInEitherOrder) {
  auto forward = check_text(let_chain("1", "{0}", 100000));
  EXPECT_TRUE(forward.clean() || forward.codes() == "E0022") << forward.diagnostics();
  // Written last-first, the checker meets the deepest dependency first.
  std::string backward;
  const std::size_t n = 100000;
  for (std::size_t i = n; i > 0; --i) {
    backward += fmt::format("let a{} = a{}\n", i, i - 1);
  }
  backward += "let a0 = 1\n";
  auto c = check_text(backward);
  EXPECT_EQ(c.codes(), "E0022") << c.diagnostics();
  EXPECT_EQ(c.compilation.diags.items().at(0).message,
            "evaluation nests deeper than 1000 levels here; shorten the chain of `let`s and "
            "references");
}

TEST(Limits, E0022ChainOfAttributes) {
  // Each vpc's tags are the next one's, so checking v0 needs all 3,000 first.
  std::string text;
  const std::size_t n = 3000;
  for (std::size_t i = 0; i < n; ++i) {
    text += fmt::format("vpc v{} {{\n  cidr = \"10.0.0.0/16\"\n  tags = v{}.tags\n}}\n", i, i + 1);
  }
  text += fmt::format("vpc v{} {{\n  cidr = \"10.0.0.0/16\"\n  tags = {{ a = \"x\" }}\n}}\n", n);
  auto c = check_text(text);
  EXPECT_EQ(c.codes(), "E0022") << c.diagnostics().substr(0, 2000);
}

// ---- E0013: file size ---------------------------------------------------------------------------

// A path that is not a regular file (a device that never ends, a FIFO that would block) is refused
// with E0015 before anything is read.
TEST(Limits, E0015DevicesAreNotRead) {
  SourceManager sources;
  std::vector<FileId> files;
  Diagnostics diags;
  EXPECT_FALSE(driver::load("/dev/zero", sources, files, diags));
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code(), "E0015");
  EXPECT_EQ(diags.items()[0].message, "cannot read `/dev/zero`: not a regular file");
}

// ---- E0023: blocks per file ---------------------------------------------------------------------

// Checked on the syntax layer alone: the checker's own limits (blocks of a kind per parent) would
// report a million blocks too. `a{}` is the shortest block.
TEST(Limits, E0023TooManyBlocks) {
  SourceManager sources;
  FileId id = sources.add("test.ecl", repeat("a{}", limits::kMaxBlocksPerFile + 1));
  Diagnostics diags;
  ast::File file = syntax::parse_file(sources, id, diags);
  ASSERT_EQ(diags.items().size(), 1u);
  const Diagnostic& d = diags.items()[0];
  EXPECT_EQ(d.code(), "E0023");
  EXPECT_EQ(d.message, "file declares more than 1000000 blocks; split the program");
  EXPECT_EQ(d.range.begin, 3 * limits::kMaxBlocksPerFile); // the kind of the first block beyond
  EXPECT_EQ(file.blocks.size(), limits::kMaxBlocksPerFile);
}

TEST(Limits, E0023BlocksAtTheLimitAreAccepted) {
  SourceManager sources;
  FileId id = sources.add("test.ecl", repeat("a{}", limits::kMaxBlocksPerFile));
  Diagnostics diags;
  ast::File file = syntax::parse_file(sources, id, diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(file.blocks.size(), limits::kMaxBlocksPerFile);
}

} // namespace
} // namespace ecl
