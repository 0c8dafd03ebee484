// Diagnostics headed for JSON: invalid UTF-8 in a path or a message becomes U+FFFD, never an
// exception from the JSON writer (`eclc check --format json` on a file named with Latin-1 bytes
// used to abort).
#include "compiler/diagnostics/render.h"
#include "compiler/diagnostics/utf8.h"
#include "compiler/driver/driver.h"
#include "tests/test_util.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using ecl::replace_invalid_utf8;

const std::string kFFFD = "\xEF\xBF\xBD";

TEST(Utf8, ValidTextIsUnchanged) {
  for (const std::string& s :
       std::vector<std::string>{"", "ascii", "caf\xC3\xA9", "\xE2\x82\xAC 5", "\xF0\x9F\x98\x80!",
                                "\xF4\x8F\xBF\xBF", "\xED\x9F\xBF", std::string("nul\0in", 6)}) {
    EXPECT_EQ(replace_invalid_utf8(s), s);
  }
}

TEST(Utf8, EachMaximalSubpartBecomesOneReplacement) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"\xFF", kFFFD},
      {"a\xC3", "a" + kFFFD},                              // `é` cut off at the end
      {"\xE2\x82x", kFFFD + "x"},                          // `€` cut off before an ASCII byte
      {"\xF0\x9F\x98", kFFFD},                             // an emoji missing its last byte
      {"\xE2\x82\xC3\xA9", kFFFD + "\xC3\xA9"},            // the next character survives
      {"\x80\xBF", kFFFD + kFFFD},                         // stray continuation bytes
      {"\xC0\xAF", kFFFD + kFFFD},                         // overlong `/`
      {"\xE0\x80\xAF", kFFFD + kFFFD + kFFFD},             // overlong, three bytes
      {"\xED\xA0\x80", kFFFD + kFFFD + kFFFD},             // a UTF-16 surrogate
      {"\xF4\x90\x80\x80", kFFFD + kFFFD + kFFFD + kFFFD}, // above U+10FFFF
      {"\xF5\x80", kFFFD + kFFFD},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(replace_invalid_utf8(c.in), c.out) << testing::PrintToString(c.in);
  }
}

TEST(RenderJson, InvalidUtf8InPathAndMessagesIsReplaced) {
  ecl::SourceManager sources;
  ecl::FileId file = sources.add("dir/\xFF\xFEname.ecl", "vpc main {}\n");
  ecl::Diagnostics diags;
  const ecl::DiagInfo& kind = ecl::all_diagnostic_kinds().front();
  diags
      .add({kind.kind, kind.severity, ecl::Range{file, 4, 8}, "quotes `caf\xC3` cut short", {}, {}})
      .note(ecl::Range{file, 0, 3}, "and \xE2\x82 here")
      .note(ecl::Range{}, "stray \x80");
  std::string out;
  // The strict writer: it throws on any invalid UTF-8 left in the document.
  ASSERT_NO_THROW(out = ecl::render_json(diags, sources).dump());
  auto j = nlohmann::json::parse(out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["file"], "dir/" + kFFFD + kFFFD + "name.ecl");
  EXPECT_EQ(j[0]["message"], "quotes `caf" + kFFFD + "` cut short");
  EXPECT_EQ(j[0]["notes"][0]["file"], "dir/" + kFFFD + kFFFD + "name.ecl");
  EXPECT_EQ(j[0]["notes"][0]["message"], "and " + kFFFD + " here");
  EXPECT_EQ(j[0]["notes"][1]["message"], "stray " + kFFFD);
  EXPECT_EQ(j[0]["range"]["start"]["column"], 5);
}

TEST(RenderJson, FileNamedWithInvalidUtf8ThroughTheDriver) {
  // The whole pipeline on a real file whose name is not UTF-8, as `eclc check --format json` runs.
  fs::path dir = fs::temp_directory_path() / ("eclc-diag-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path path = dir / "\xFF\xC3.ecl";
  ecl::test::write_file(path, "vpc main {\n  cidr = \"10.0.0.0/16\"\n  bogus = 1\n}\n");
  ecl::driver::Compilation c = ecl::driver::compile(path.string(), {});
  fs::remove_all(dir);
  ASSERT_TRUE(c.diags.has_errors());
  std::string out;
  ASSERT_NO_THROW(out = ecl::render_json(c.diags, c.sources).dump());
  auto j = nlohmann::json::parse(out);
  ASSERT_FALSE(j.empty());
  EXPECT_EQ(j[0]["file"], (dir / (kFFFD + kFFFD + ".ecl")).string());
  EXPECT_EQ(j[0]["range"]["start"]["line"], 3);
}

} // namespace
