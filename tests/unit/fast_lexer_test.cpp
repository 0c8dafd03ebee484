// Differential tests of the fast path of the syntax layer against the grammar:
// - fast_lex must produce exactly the tokens of the ANTLR lexer generated from grammar/Ecl.g4
// (type,
//   channel, byte range, in order), and exactly decode_utf8's E0001 on invalid UTF-8, on every
//   program of the repository, on hand-picked corners, on deterministic pseudo-random token soups
//   and on random mutations of real programs;
// - the generated parser reading fast_lex's tokens through TableTokenSource must build the same
//   parse trees and report the same errors as over the ANTLR lexer's tokens.
#include "compiler/syntax/decode.h"
#include "compiler/syntax/error_sink.h"
#include "compiler/syntax/fast_lexer.h"
#include "compiler/syntax/parse_errors.h"
#include "compiler/syntax/token_stream.h"
#include "compiler/syntax/tokens.h"
#include "tests/oracle/antlr_lexer.h"
#include "tests/test_util.h"

#include <EclParser.h>
#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <random>
#include <string>
#include <vector>

namespace ecl::syntax {
namespace {

namespace fs = std::filesystem;

std::string show(const std::vector<TokenInfo>& tokens) {
  std::string out;
  for (const TokenInfo& t : tokens) {
    out += fmt::format("{}/{}@{}-{} ", t.type == kEofType ? -1 : static_cast<int>(t.type),
                       t.channel, t.begin, t.end);
  }
  return out;
}

std::string show(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.items()) {
    out += fmt::format("{} {}-{} {}\n", d.code(), d.range.begin, d.range.end, d.message);
  }
  return out;
}

// Lexes `text` both ways and reports the first difference (with the input, escaped).
::testing::AssertionResult same_tokens(const std::string& text) {
  Diagnostics fast_diags;
  Diagnostics antlr_diags;
  std::optional<std::vector<TokenInfo>> fast = fast_lex(text, 0, fast_diags);
  std::optional<std::vector<TokenInfo>> antlr = antlr_lex(text, 0, antlr_diags);
  auto fail = [&](const char* what) {
    std::string escaped;
    for (unsigned char c : text.substr(0, 400)) {
      escaped += c >= 0x20 && c < 0x7F ? std::string(1, static_cast<char>(c))
                                       : fmt::format("\\x{:02X}", c);
    }
    return ::testing::AssertionFailure() << what << " for input \"" << escaped << "\"";
  };
  if (fast.has_value() != antlr.has_value()) {
    return fail("one lexer refused the text");
  }
  if (show(fast_diags) != show(antlr_diags)) {
    return fail("different diagnostics") << "\nfast:\n"
                                         << show(fast_diags) << "antlr:\n"
                                         << show(antlr_diags);
  }
  if (fast && *fast != *antlr) {
    std::size_t i = 0;
    while (i < fast->size() && i < antlr->size() && (*fast)[i] == (*antlr)[i]) {
      ++i;
    }
    return fail("different tokens") << "\nfirst difference at token " << i
                                    << "\nfast:  " << show(*fast) << "\nantlr: " << show(*antlr);
  }
  return ::testing::AssertionSuccess();
}

std::vector<fs::path> repository_programs() {
  std::vector<fs::path> out;
  for (const char* dir : {"tests", "examples", "fuzz", "docs", "editors"}) {
    fs::path root = fs::path(ECL_SOURCE_DIR) / dir;
    if (!fs::exists(root)) {
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".ecl") {
        out.push_back(entry.path());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Pieces that exercise every lexer rule and the corners between them.
const std::vector<std::string>& fragments() {
  static const std::vector<std::string> pieces = {"\"",
                                                  "\"",
                                                  "\"",
                                                  "${",
                                                  "${",
                                                  "}",
                                                  "}",
                                                  "}",
                                                  "{",
                                                  "{",
                                                  "\\",
                                                  "\\",
                                                  "$",
                                                  "$",
                                                  "$$",
                                                  "/*",
                                                  "*/",
                                                  "*",
                                                  "/",
                                                  "//",
                                                  "#",
                                                  "\n",
                                                  "\n",
                                                  "\r",
                                                  "\r\n",
                                                  " ",
                                                  "\t",
                                                  "\f",
                                                  "\xEF\xBB\xBF",
                                                  "\xC3\xA9",
                                                  "\xE2\x82\xAC",
                                                  "\xF0\x9F\x98\x80",
                                                  "\xC2\xA0",
                                                  "0",
                                                  "42",
                                                  "3.14",
                                                  "1.",
                                                  ".5",
                                                  "512MiB",
                                                  "0.25vcpu",
                                                  "30s",
                                                  "1e3",
                                                  "9_x",
                                                  "x",
                                                  "abc",
                                                  "_a1",
                                                  "param",
                                                  "let",
                                                  "output",
                                                  "true",
                                                  "false",
                                                  "params",
                                                  "let_",
                                                  "vpc",
                                                  "main",
                                                  "[",
                                                  "]",
                                                  "(",
                                                  ")",
                                                  ",",
                                                  ".",
                                                  ":",
                                                  "?",
                                                  "==",
                                                  "!=",
                                                  "<=",
                                                  ">=",
                                                  "<",
                                                  ">",
                                                  "&&",
                                                  "||",
                                                  "&",
                                                  "|",
                                                  "=",
                                                  "!",
                                                  "+",
                                                  "-",
                                                  "%",
                                                  "@",
                                                  "`",
                                                  "'",
                                                  "~",
                                                  "^",
                                                  ";",
                                                  std::string(1, '\0'),
                                                  "\x01",
                                                  "\x7F",
                                                  "\"a${b}c\"",
                                                  "\"${x}\"",
                                                  "\\\"",
                                                  "\\$",
                                                  "\\${",
                                                  "\\\n",
                                                  "$\"",
                                                  "${}",
                                                  "}\"",
                                                  "\\\\"};
  return pieces;
}

std::string soup(std::mt19937& rng, std::size_t count) {
  const auto& pieces = fragments();
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += pieces[pick(rng)];
  }
  return out;
}

// ---- fast_lex against the ANTLR lexer
// -------------------------------------------------------------

TEST(FastLexer, EveryRepositoryProgram) {
  std::vector<fs::path> programs = repository_programs();
  ASSERT_GT(programs.size(), 50u);
  for (const fs::path& path : programs) {
    EXPECT_TRUE(same_tokens(test::read_file(path))) << path;
  }
}

TEST(FastLexer, Corners) {
  const char* cases[] = {
      "",
      "\n",
      "\r",
      "\r\n",
      "\n\r",
      "\"",
      "\"\\",
      "\"\\\n",
      "\"\\\r\n",
      "\"a\\\"b\"",
      "\"a$\"",
      "\"a$$\"",
      "\"a$${x}\"",
      "\"$\\${x}\"",
      "\"a${\n}b\"",
      "\"a${b}\n}c\"",
      "\"${\"${\n}}",
      "\"a${ {\"b${ {\n} }c\" } }\"",
      "\"a${\"b${c}\"}d\"",
      "\"a${ {} }b${ {x = 1} }c\"",
      "x = \"a${b\n y = 1 }",
      "\"a${b}c",
      "\"a${b}c\\",
      "\"a${b}\\\n",
      "}",
      "}}}{",
      "\"${}",
      "\"${}}",
      "\"${\"${\"${}}}\"",
      "/* a */ b",
      "/* a ** / **/",
      "/***/",
      "/*/",
      "/* open",
      "/* open *",
      "/* a */ */",
      "// c\r\nx",
      "# hash\nx",
      "a & b | c && d || e",
      "1.2.3 1. .1 1.x 1x.2 007",
      "\xEF\xBB\xBFparam x: int",
      "a\xEF\xBB\xBF\xEF\xBB\xBF b",
      "\xC3\xA9t\xC3\xA9 = 1",
      "\"\xF0\x9F\x98\x80\" \xF0\x9F\x98\x80",
      "\"\\\xC3\xA9\"",
      "\f\t x",
  };
  for (const char* text : cases) {
    EXPECT_TRUE(same_tokens(text));
  }
  EXPECT_TRUE(same_tokens(std::string("a\0b \"\0\"", 7)));
}

TEST(FastLexer, InvalidUtf8IsReportedLikeDecode) {
  const std::string cases[] = {
      "\xFF",
      "a = \"\x80\"",
      "\xC0\xAF",
      "\xE0\x80\x80",
      "\xED\xA0\x80",
      "\xF4\x90\x80\x80",
      "\xF5",
      "ok \xC3",
      "\xE2\x82",
      std::string(30, '\x80'),
      std::string(15, '\xC3') + "x",
  };
  for (const std::string& text : cases) {
    EXPECT_TRUE(same_tokens(text));
    Diagnostics diags;
    EXPECT_FALSE(fast_lex(text, 0, diags).has_value());
    EXPECT_FALSE(diags.items().empty());
  }
}

TEST(FastLexer, TokenSoup) {
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<std::size_t> length(1, 40);
  for (int i = 0; i < 4000; ++i) {
    std::string text = soup(rng, length(rng));
    ASSERT_TRUE(same_tokens(text)) << "soup #" << i;
  }
}

TEST(FastLexer, MutatedPrograms) {
  std::vector<fs::path> programs = repository_programs();
  ASSERT_FALSE(programs.empty());
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 1500; ++i) {
    std::string text = test::read_file(programs[rng() % programs.size()]);
    int edits = 1 + static_cast<int>(rng() % 6);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      std::size_t at = rng() % (text.size() + 1);
      switch (rng() % 4) {
      case 0: // a random byte, often breaking UTF-8
        if (at < text.size()) {
          text[at] = static_cast<char>(byte(rng));
        }
        break;
      case 1: // a fragment
        text.insert(at, fragments()[rng() % fragments().size()]);
        break;
      case 2: // a short deletion
        text.erase(at, rng() % 8);
        break;
      default: // a token soup
        text.insert(at, soup(rng, 1 + rng() % 5));
        break;
      }
    }
    ASSERT_TRUE(same_tokens(text)) << "mutation #" << i;
  }
}

TEST(FastLexer, LexForToolsKeepsEveryToken) {
  std::string text = "vpc main { # x\n  cidr = \"a${b}c\" // d\n}\n";
  std::optional<std::vector<Token>> tokens = lex(text);
  ASSERT_TRUE(tokens.has_value());
  std::string joined;
  std::string kinds;
  for (const Token& t : *tokens) {
    joined += t.text;
    kinds += std::to_string(static_cast<int>(t.kind)) + " ";
  }
  // Every byte but white space is in a token; `#…` is an Error token, comments are kept.
  EXPECT_EQ(joined, "vpcmain{# x\ncidr=\"a${b}c\"// d\n}\n");
  EXPECT_EQ(kinds, "0 0 7 11 10 0 7 4 0 6 8 10 7 10 ");
  EXPECT_FALSE(lex("\xFF").has_value());
}

// ---- The parser over TableTokenSource against the parser over the ANTLR lexer
// -----------------------------------------------

struct AntlrSide {
  explicit AntlrSide(const std::string& text)
      : code_points(*decode_utf8(text, 0, ignored)), input(code_points), lexer(&input),
        stream(&lexer) {
    lexer.removeErrorListeners();
    stream.fill();
  }
  Diagnostics ignored;
  std::u32string code_points;
  CodePointStream input;
  Lexer lexer;
  antlr4::CommonTokenStream stream;
};

std::string describe(antlr4::Token* t) {
  if (t == nullptr) {
    return "null";
  }
  return fmt::format("#{} type {} ch {} text '{}' {}:{}", t->getTokenIndex(),
                     static_cast<long long>(t->getType()), t->getChannel(), t->getText(),
                     t->getLine(), t->getCharPositionInLine());
}

// Parses like syntax.cpp's parse_file (the lexer's structure check, SLL with bail-out, then LL
// with our error strategy) over `stream`; returns the tree as text and the diagnostics.
template <typename Stream>
std::string parse_with(Stream& stream, const TokenTable& tokens) {
  Diagnostics diags;
  ErrorSink sink(diags);
  std::string tree;
  try {
    bool parseable = false;
    if (!lex_for_parser(tokens.source(), 0, sink, parseable) || !parseable) {
      return "structure check failed\n" + show(diags);
    }
    ecl_gen::EclParser parser(&stream);
    auto* interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
    parser.removeErrorListeners();
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    ecl_gen::EclParser::ProgramContext* program = nullptr;
    try {
      program = parser.program();
    } catch (const antlr4::ParseCancellationException&) {
      stream.seek(0);
      parser.reset();
      parser.setErrorHandler(error_strategy(tokens, sink));
      interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
      program = parser.program();
    }
    tree = program->toStringTree(&parser);
    // The rule contexts' token bounds, which the AST builder reads.
    tree += fmt::format(" [{}..{}]", describe(program->getStart()), describe(program->getStop()));
  } catch (const StopParsing&) {
    tree = "stopped";
  }
  return tree + "\n" + show(diags);
}

void expect_same_parse(const std::string& text) {
  Diagnostics ignored;
  if (!fast_lex(text, 0, ignored)) {
    return;
  }
  SCOPED_TRACE(text.substr(0, 200));
  SourceFile source("", text);
  AntlrSide antlr(text);
  TokenTable antlr_table(source, 0, token_infos(text, antlr.stream.getTokens()));
  std::string expected = parse_with(antlr.stream, antlr_table);

  Diagnostics diags;
  TokenTable table(source, 0, *fast_lex(text, 0, diags));
  TableTokenSource tokens(table, 0);
  antlr4::CommonTokenStream stream(&tokens);
  EXPECT_EQ(parse_with(stream, table), expected);
}

TEST(TableTokenSource, ParsesLikeTheAntlrLexer) {
  for (const fs::path& path : repository_programs()) {
    expect_same_parse(test::read_file(path));
  }
  // Error recovery: broken programs, where ANTLR conjures and skips tokens.
  const char* broken[] = {
      "vpc main {\n  cidr = \n}\n",
      "vpc main cidr\n",
      "param x: = 1\nlet = 2\noutput o 3\n",
      "vpc main {\n  a = [1, 2,, 3]\n  b = (1 + )\n  c = f(1 2)\n}\n",
      "vpc main {\n  tags = { a = 1 b = 2 }\n  x = 1 ? 2\n}\n",
      "let x = \"a${ }b\"\n",
      "let y = 1 +\n",
      "vpc {\n  = 1\n}\nsubnet a b c {\n}\n",
  };
  for (const char* text : broken) {
    expect_same_parse(text);
  }
  std::mt19937 rng(5);
  std::vector<fs::path> programs = repository_programs();
  for (int i = 0; i < 300; ++i) {
    std::string text = test::read_file(programs[rng() % programs.size()]);
    for (int e = 0; e < 3; ++e) {
      std::size_t at = rng() % (text.size() + 1);
      if (rng() % 2 == 0) {
        text.erase(at, rng() % 6);
      } else {
        text.insert(at, fragments()[rng() % fragments().size()]);
      }
    }
    expect_same_parse(text);
  }
}

} // namespace
} // namespace ecl::syntax
