// The formatter: golden layouts, idempotence on every program of the repository, and files with
// syntax errors left alone.
//
// Each tests/format/NAME.ecl is formatted and compared with NAME.fmt (ECL_UPDATE_GOLDEN=1 rewrites
// the .fmt files; review the diff like code).
#include "compiler/format/format.h"
#include "tests/test_util.h"

#include <filesystem>
#include <gtest/gtest.h>

namespace fs = std::filesystem;

namespace {

bool format_text(const std::string& path, const std::string& text, std::string& out,
                 ecl::Diagnostics& diags) {
  ecl::SourceManager sources;
  ecl::FileId id = sources.add(path, text);
  return ecl::format::format_file(sources, id, diags, out);
}

std::vector<fs::path> ecl_files(const std::vector<fs::path>& roots) {
  std::vector<fs::path> files;
  for (const auto& root : roots) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".ecl") {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Format, Golden) {
  auto files = ecl_files({fs::path(ECL_SOURCE_DIR) / "tests" / "format"});
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    std::string out;
    ecl::Diagnostics diags;
    ASSERT_TRUE(format_text(file.string(), ecl::test::read_file(file), out, diags));
    fs::path expected = fs::path(file).replace_extension(".fmt");
    if (ecl::test::update_golden()) {
      ecl::test::write_file(expected, out);
      continue;
    }
    EXPECT_EQ(ecl::test::read_file(expected), out);
  }
}

// fmt(fmt(x)) == fmt(x) for every program of the repository that parses, and the result parses.
TEST(Format, IdempotentOnEveryTestAndExample) {
  std::size_t formatted = 0;
  for (const auto& file :
       ecl_files({fs::path(ECL_SOURCE_DIR) / "tests", fs::path(ECL_SOURCE_DIR) / "examples"})) {
    SCOPED_TRACE(file.string());
    std::string once, twice;
    ecl::Diagnostics diags;
    if (!format_text(file.string(), ecl::test::read_file(file), once, diags)) {
      // Only syntax errors may stop the formatter (tests of the syntax layer have them).
      for (const auto& d : diags.items()) {
        EXPECT_EQ(d.code().substr(0, 2), "E0") << d.message;
        EXPECT_EQ(d.message.find("bug in eclc"), std::string::npos) << d.message;
      }
      continue;
    }
    ++formatted;
    ASSERT_TRUE(format_text(file.string(), once, twice, diags));
    EXPECT_EQ(once, twice);
  }
  EXPECT_GT(formatted, 20u);
}

TEST(Format, SyntaxErrorsAreReportedNotFormatted) {
  std::string out = "untouched";
  ecl::Diagnostics diags;
  EXPECT_FALSE(format_text("bad.ecl", "vpc main {\n  cidr = \n}\nlet = 3\n", out, diags));
  EXPECT_TRUE(diags.has_errors());
  EXPECT_EQ(out, "untouched");
}

// A result past the size limit is refused (E0013) rather than failing the lexer's safety net,
// which reported "a bug in eclc" for a 64 MiB file whose layout grew past 64 MiB.
TEST(Format, ResultLargerThanTheLimitIsRefused) {
  ecl::SourceManager sources;
  ecl::FileId id = sources.add("big.ecl", "let a=[1,2,3]\n");
  ecl::Diagnostics diags;
  std::string out;
  EXPECT_FALSE(ecl::format::format_file(sources, id, diags, out, 16));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code(), "E0013");
  EXPECT_EQ(diags.items()[0].message, "file is 18 bytes; the limit is 16 bytes per file");
  EXPECT_TRUE(out.empty());
}

TEST(Format, CommentsAreKept) {
  std::string text = "// a\nvpc main { /* b */ cidr = \"10.0.0.0/16\" // c\n  // d\n}\n// e\n";
  std::string out;
  ecl::Diagnostics diags;
  ASSERT_TRUE(format_text("c.ecl", text, out, diags));
  EXPECT_EQ(out, "// a\nvpc main { /* b */\n  cidr = \"10.0.0.0/16\" // c\n  // d\n}\n// e\n");
}

TEST(Format, EmptyAndCommentOnlyFiles) {
  std::string out;
  ecl::Diagnostics diags;
  ASSERT_TRUE(format_text("e.ecl", "\n\n  \n", out, diags));
  EXPECT_EQ(out, "");
  ASSERT_TRUE(format_text("e.ecl", "\n// only\n\n", out, diags));
  EXPECT_EQ(out, "// only\n");
}

} // namespace
