// The backends' JSON writer against nlohmann's dump: the golden sidecars are dump's bytes, so the
// writer must produce exactly those for every value, indent and nesting.
#include "backends/common/json_writer.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <sstream>
#include <vector>

namespace {

using ecl::backend::common::json;
using ecl::backend::common::JsonWriter;

// The value written whole, as the backends write their ECS requests and plan params.
std::string dump(const json& v, int indent = -1) {
  std::string out;
  JsonWriter(out, indent).value(v);
  return out;
}

std::string random_string(std::mt19937& rng) {
  // Mostly plain ASCII, with every character that dump escapes and some UTF-8.
  static const std::vector<std::string> pieces = {
      "a",  "Z",  "0",    " ",    "-",    "${x}", "\"",   "\\", "/",   "\b",      "\f",  "\n",
      "\r", "\t", "\x01", "\x1f", "\x7f", "é",    "日本", "😀",  "key", "Fn::Sub", "\x00"};
  std::string s;
  int n = static_cast<int>(rng() % 12);
  for (int i = 0; i < n; ++i) {
    const std::string& p = pieces[rng() % pieces.size()];
    s += p == std::string("\x00") ? std::string(1, '\0') : p;
  }
  return s;
}

json random_value(std::mt19937& rng, int depth) {
  switch (rng() % (depth > 4 ? 7 : 9)) {
  case 0:
    return nullptr;
  case 1:
    return rng() % 2 == 0;
  case 2:
    return static_cast<std::int64_t>(rng()) - static_cast<std::int64_t>(rng()) * 4096;
  case 3:
    return static_cast<std::uint64_t>(rng()) * 1000003ULL;
  case 4: {
    static const double doubles[] = {0.0,     -0.0, 1.5, 100.0, 1e20, 1e-7, 3.141592653589793,
                                     -2.5e300};
    return doubles[rng() % 8];
  }
  case 5:
  case 6:
    return random_string(rng);
  case 7: {
    json a = json::array();
    int n = static_cast<int>(rng() % 5);
    for (int i = 0; i < n; ++i) {
      a.push_back(random_value(rng, depth + 1));
    }
    return a;
  }
  default: {
    json o = json::object();
    int n = static_cast<int>(rng() % 5);
    for (int i = 0; i < n; ++i) {
      o[random_string(rng)] = random_value(rng, depth + 1);
    }
    return o;
  }
  }
}

TEST(JsonWriter, DumpsLikeNlohmannOnRandomValues) {
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    json v = random_value(rng, 0);
    for (int indent : {-1, 0, 2, 4}) {
      ASSERT_EQ(dump(v, indent), v.dump(indent)) << "indent " << indent << ": " << v.dump();
    }
  }
}

TEST(JsonWriter, DumpsLikeNlohmannOnEveryGoldenDocument) {
  int documents = 0;
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"examples", "tests"}) { // where the sidecars are; no build tree
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             std::filesystem::path(ECL_SOURCE_DIR) / dir)) {
      std::string name = entry.path().filename().string();
      if (name.ends_with(".cfn.json") || name.ends_with(".plan.json")) {
        files.push_back(entry.path());
      }
    }
  }
  for (const std::filesystem::path& file : files) {
    std::string path = file.string();
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    json v = json::parse(text.str());
    EXPECT_EQ(dump(v, 2) + "\n", text.str()) << path;
    EXPECT_EQ(dump(v, -1), v.dump()) << path;
    ++documents;
  }
  EXPECT_GT(documents, 20);
}

TEST(JsonWriter, InvalidUtf8ThrowsAsDumpDoes) {
  json v = std::string("a\xff");
  EXPECT_THROW(v.dump(), json::type_error);
  EXPECT_THROW(dump(v), json::type_error);
}

TEST(JsonWriter, EscapesEveryByteAtEveryPosition) {
  // The writer tests plain strings eight bytes at a time (shorter ones in two overlapping four
  // byte loads): each byte value, at every position of strings of every length class, as a key and
  // as a value.
  for (int c = 0; c < 0x80; ++c) {
    for (std::size_t length : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u, 9u, 15u, 16u, 17u, 21u}) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string s(length, 'a');
        s[at] = static_cast<char>(c);
        json o = json::object();
        o[s] = s;
        std::string out;
        JsonWriter(out, 2).begin_object().member(s, s).end_object();
        ASSERT_EQ(out, o.dump(2)) << "byte " << c << " at " << at << " of " << length;
      }
    }
  }
  for (int c = 0x80; c < 0x100; ++c) { // a lone byte of 0x80 or more is invalid UTF-8
    std::string s = "abcdefghij";
    s[5] = static_cast<char>(c);
    std::string out;
    EXPECT_THROW(JsonWriter(out).value(s), json::type_error) << "byte " << c;
  }
}

TEST(JsonWriter, IndentsDeeperThanItsSpacesInOnePiece) {
  json v = json::array();
  json* inner = &v;
  for (int i = 0; i < 80; ++i) { // 160 spaces at the innermost level
    inner->push_back(json::array());
    inner = &inner->back();
  }
  inner->push_back("x");
  std::string out;
  JsonWriter w(out, 2);
  for (int i = 0; i < 81; ++i) {
    w.begin_array();
  }
  w.value("x");
  for (int i = 0; i < 81; ++i) {
    w.end_array();
  }
  EXPECT_EQ(out, v.dump(2));
  EXPECT_EQ(dump(v, 2), v.dump(2));
}

TEST(JsonWriter, WritesKeysAndClosesAtEveryDepth) {
  // Keys and closing brackets are written with their line's indent in one piece up to a width,
  // and in parts beyond it (and beyond the spaces kept for indents): every depth up to past both.
  for (int indent : {-1, 0, 1, 2, 4}) {
    json v = "x";
    for (int i = 0; i < 70; ++i) {
      json o = json::object();
      o["k" + std::to_string(i)] = std::move(v);
      o["a\tb"] = i; // escaped key
      v = std::move(o);
    }
    std::string out = "head ";
    {
      JsonWriter w(out, indent);
      for (int i = 69; i >= 0; --i) {
        w.begin_object().key("k" + std::to_string(i));
      }
      w.value("x");
      for (int i = 0; i < 70; ++i) {
        w.member("a\tb", i).end_object();
      }
    }
    ASSERT_EQ(out, "head " + v.dump(indent)) << "indent " << indent;
  }
}

TEST(JsonWriter, OutputIsCompleteOnceTheDocumentIs) {
  // While a document is open the output ends in room the writer has not filled yet; once the
  // outermost value is complete it is exact, and the caller may append to it with the writer
  // still alive (the writer goes on from the new end).
  std::string out;
  JsonWriter w(out, 2);
  w.begin_object().key("big").begin_array();
  for (int i = 0; i < 5000; ++i) {
    w.value("item").value(json::array({i})); // nlohmann values in between
  }
  w.end_array().end_object();
  json expected = {{"big", json::array()}};
  for (int i = 0; i < 5000; ++i) {
    expected["big"].push_back("item");
    expected["big"].push_back(json::array({i}));
  }
  EXPECT_EQ(out, expected.dump(2));
  out += '\n';
  w.value(7);
  EXPECT_EQ(out, expected.dump(2) + "\n7");
}

TEST(JsonWriter, StreamsTheSameBytesAsABuiltDocument) {
  std::mt19937 rng(11);
  for (int i = 0; i < 2000; ++i) {
    json members = json::object();
    json items = json::array();
    for (int n = static_cast<int>(rng() % 4); n > 0; --n) {
      members[random_string(rng)] = random_value(rng, 1);
      items.push_back(random_value(rng, 1));
    }
    std::vector<std::string> strings;
    for (int n = static_cast<int>(rng() % 3); n > 0; --n) {
      strings.push_back(random_string(rng));
    }
    json built = json::object();
    built["version"] = 1;
    built["name"] = "x\ty";
    built["flag"] = true;
    built["members"] = members;
    built["items"] = items;
    built["strings"] = strings;
    built["empty"] = json::object();
    for (int indent : {-1, 2}) {
      std::string out;
      JsonWriter w(out, indent);
      w.begin_object();
      w.member("version", 1).member("name", "x\ty").member("flag", true);
      w.key("members").begin_object();
      for (const auto& [k, v] : members.items()) {
        w.member(k, v);
      }
      w.end_object();
      w.key("items").begin_array();
      for (const json& v : items) {
        w.value(v);
      }
      w.end_array();
      w.member("strings", strings);
      w.key("empty").begin_object().end_object();
      w.end_object();
      ASSERT_EQ(out, built.dump(indent));
    }
  }
}

} // namespace
