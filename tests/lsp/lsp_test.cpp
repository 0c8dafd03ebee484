// The language server: golden sessions and unit tests of its pieces.
//
// A session is tests/lsp/sessions/NAME.jsonl, one client message a line, sent in order to a server
// running in this process; everything the server writes is compared with NAME.expected.jsonl (one
// message a line, then a last line with the exit status). In the script:
//   - a line starting with `#` is a comment; `#raw "…"` sends the JSON string's bytes as they are
//     (broken framing, garbage);
//   - the string "${FILE:docs/x.ecl}" stands for that file's text (relative to sessions/);
//   - "${DIR}" inside any string stands for the file URI of tests/lsp; the server's output has it
//     put back, so the expectations do not depend on where the repository lives.
// ECL_UPDATE_GOLDEN=1 rewrites the expectations; review the diff like code.
#include "compiler/lsp/positions.h"
#include "compiler/lsp/server.h"
#include "compiler/lsp/transport.h"
#include "tests/test_util.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kLspDir = fs::path(ECL_SOURCE_DIR) / "tests" / "lsp";

std::string dir_uri() {
  return ecl::lsp::path_to_uri(kLspDir.string());
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

json substitute(const json& j, const fs::path& base) {
  if (j.is_string()) {
    std::string s = j.get<std::string>();
    if (s.starts_with("${FILE:") && s.ends_with("}")) {
      return ecl::test::read_file(base / s.substr(7, s.size() - 8));
    }
    replace_all(s, "${DIR}", dir_uri());
    return s;
  }
  if (j.is_array() || j.is_object()) {
    json out = j;
    for (auto it = out.begin(); it != out.end(); ++it) {
      *it = substitute(*it, base);
    }
    return out;
  }
  return j;
}

std::string frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Runs a script through a server; returns the expectation text.
std::string run_session(const fs::path& script) {
  std::istringstream lines(ecl::test::read_file(script));
  std::string input;
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || (line[0] == '#' && !line.starts_with("#raw "))) {
      continue;
    }
    if (line.starts_with("#raw ")) {
      input += json::parse(line.substr(5)).get<std::string>();
    } else {
      input += frame(substitute(json::parse(line), script.parent_path()).dump());
    }
  }
  std::istringstream in(input);
  std::ostringstream out;
  int status = ecl::lsp::Server(in, out).run();

  std::string result;
  std::istringstream output(out.str());
  ecl::lsp::Transport reader(output, out);
  std::string body, error;
  while (reader.read(body, error) == ecl::lsp::Transport::Read::Message) {
    std::string text = json::parse(body).dump();
    replace_all(text, dir_uri(), "${DIR}");
    result += text + "\n";
  }
  result += json{{"exit", status}}.dump() + "\n";
  return result;
}

class Session : public testing::TestWithParam<std::string> {};

TEST_P(Session, MatchesExpectation) {
  fs::path script = kLspDir / "sessions" / (GetParam() + ".jsonl");
  fs::path expected = kLspDir / "sessions" / (GetParam() + ".expected.jsonl");
  std::string actual = run_session(script);
  if (ecl::test::update_golden()) {
    ecl::test::write_file(expected, actual);
    return;
  }
  ASSERT_TRUE(fs::exists(expected)) << "no " << expected << "; run with ECL_UPDATE_GOLDEN=1";
  EXPECT_EQ(ecl::test::read_file(expected), actual);
}

std::vector<std::string> sessions() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kLspDir / "sessions")) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".jsonl") && !name.ends_with(".expected.jsonl")) {
      names.push_back(name.substr(0, name.size() - 6));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Lsp, Session, testing::ValuesIn(sessions()),
                         [](const auto& param_info) { return param_info.param; });

// ---- positions: UTF-16 columns ---------------------------------------------------------------

TEST(Positions, Utf16Columns) {
  // `é` is 2 bytes and 1 UTF-16 unit; `😀` is 4 bytes and 2 units (a surrogate pair).
  std::string text = "a = \"é😀x\"\r\nb\rc\n";
  ecl::lsp::LineIndex index(text);
  auto x = static_cast<std::uint32_t>(text.find('x'));
  EXPECT_EQ(index.position(x).line, 0u);
  EXPECT_EQ(index.position(x).character, 8u); // a, ' ', =, ' ', ", é, 😀(2)
  EXPECT_EQ(index.offset({0, 8}), x);
  EXPECT_EQ(index.offset({0, 7}), x - 4); // inside the pair: before the emoji
  EXPECT_EQ(index.position(static_cast<std::uint32_t>(text.find('b'))).line, 1u);
  EXPECT_EQ(index.position(static_cast<std::uint32_t>(text.find('c'))).line, 2u);
  EXPECT_EQ(index.offset({1, 99}), text.find('b') + 1); // clamped to the line's end
  EXPECT_EQ(index.offset({99, 0}), text.size());        // past the end: the end
  EXPECT_EQ(index.position(1000).line, 3u);             // an offset past the end clamps
}

// ---- transport: framing never trusts the peer ------------------------------------------------

TEST(Transport, ReadsAndRecovers) {
  std::string input = "Content-Length: 2\r\n\r\n{}"
                      "X-Junk\r\n\r\n"
                      "content-length: 7\r\n\r\n[1,2,3]" +
                      std::string("Content-Length: 999999999999\r\n\r\n");
  std::istringstream in(input);
  std::ostringstream out;
  ecl::lsp::Transport t(in, out);
  std::string body, error;
  EXPECT_EQ(t.read(body, error), ecl::lsp::Transport::Read::Message);
  EXPECT_EQ(body, "{}");
  EXPECT_EQ(t.read(body, error), ecl::lsp::Transport::Read::Malformed);
  EXPECT_EQ(t.read(body, error), ecl::lsp::Transport::Read::Message);
  EXPECT_EQ(body, "[1,2,3]");
  // Larger than kMaxMessageBytes: skipped unread, and here the stream ends before its end.
  EXPECT_EQ(t.read(body, error), ecl::lsp::Transport::Read::End);
}

TEST(Transport, ResynchronisesOnTheNextHeader) {
  // Each broken frame is one Malformed (or a body that is not JSON), then the next message reads.
  const std::string next = "Content-Length: 2\r\n\r\n{}";
  const std::string body = R"({"jsonrpc":"2.0","method":"exit"})";
  for (const std::string& broken : {
           "Content-Length: abc\r\n\r\n" + body,
           "Content-Type: text/plain\r\n\r\n" + body,
           "Content-Length: 3\r\nContent-Length: 4\r\n\r\n" + body,
           "X-Junk: " + std::string(100 * 1024, 'x') + "\r\n\r\n",
       }) {
    std::istringstream in(broken + next);
    std::ostringstream out;
    ecl::lsp::Transport t(in, out);
    std::string read, error;
    EXPECT_EQ(t.read(read, error), ecl::lsp::Transport::Read::Malformed) << broken.substr(0, 40);
    EXPECT_EQ(t.read(read, error), ecl::lsp::Transport::Read::Message) << broken.substr(0, 40);
    EXPECT_EQ(read, "{}");
  }
  {
    // A 100 KB header line running into the next header: the garbage before it is skipped.
    std::istringstream in("X-Junk: " + std::string(100 * 1024, 'x') + next);
    std::ostringstream out;
    ecl::lsp::Transport t(in, out);
    std::string read, error;
    EXPECT_EQ(t.read(read, error), ecl::lsp::Transport::Read::Message);
    EXPECT_EQ(read, "{}");
  }
  // Too short: the cut body is a message (not JSON, answered so), then the next one reads.
  std::istringstream in("Content-Length: 5\r\n\r\n" + body + next);
  std::ostringstream out;
  ecl::lsp::Transport t(in, out);
  std::string read, error;
  EXPECT_EQ(t.read(read, error), ecl::lsp::Transport::Read::Message);
  EXPECT_EQ(read, body.substr(0, 5));
  EXPECT_EQ(t.read(read, error), ecl::lsp::Transport::Read::Message);
  EXPECT_EQ(read, "{}");
}

TEST(Server, ShutsDownAfterBrokenFraming) {
  // Deaf, the server would read to the end of input and return 1.
  std::istringstream in(frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize"})") +
                        "Content-Length: abc\r\n\r\n{}" +
                        frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
                        frame(R"({"jsonrpc":"2.0","method":"exit"})"));
  std::ostringstream out;
  EXPECT_EQ(ecl::lsp::Server(in, out).run(), 0);
}

TEST(Transport, TruncatedBodyEnds) {
  std::istringstream in("Content-Length: 10\r\n\r\n{\"a\"");
  std::ostringstream out;
  ecl::lsp::Transport t(in, out);
  std::string body, error;
  EXPECT_EQ(t.read(body, error), ecl::lsp::Transport::Read::End);
}

// ---- the server survives hostile input -------------------------------------------------------

TEST(Server, GarbageNeverCrashes) {
  // Random bytes, random framing, random JSON: every run must end with a status, never a crash.
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  std::string init = frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})");
  std::string open = frame(
      R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///eclc-lsp-test-no-such-dir/x.ecl","version":1,"text":"vpc main { cidr = \"10.0.0.0/16\" }"}}})");
  const std::vector<std::string> methods{"textDocument/hover",      "textDocument/completion",
                                         "textDocument/definition", "textDocument/rename",
                                         "textDocument/didChange",  "textDocument/formatting"};
  for (int round = 0; round < 60; ++round) { // enough shapes of damage; each round is cheap
    std::string input = init + open;
    for (int k = 0; k < 5; ++k) {
      json params{{"textDocument", {{"uri", "file:///eclc-lsp-test-no-such-dir/x.ecl"}}},
                  {"position", {{"line", next() % 4}, {"character", next() % 40}}},
                  {"newName", "n"},
                  {"contentChanges",
                   {{{"range",
                      {{"start", {{"line", next() % 3}, {"character", next() % 50}}},
                       {"end", {{"line", next() % 3}, {"character", next() % 50}}}}},
                     {"text", std::string(1, static_cast<char>('!' + next() % 90))}}}}};
      json message{{"jsonrpc", "2.0"},
                   {"id", k + 2},
                   {"method", methods[next() % methods.size()]},
                   {"params", params}};
      if (message["method"] == "textDocument/didChange") {
        message.erase("id");
      }
      std::string body = message.dump();
      if (next() % 4 == 0) {
        body[next() % body.size()] = static_cast<char>(next() % 256); // corrupt one byte
      }
      input += frame(body);
    }
    if (next() % 2 == 0) {
      input.resize(next() % input.size()); // the client vanishes mid-message
    }
    std::istringstream in(input);
    std::ostringstream out;
    int status = ecl::lsp::Server(in, out).run();
    EXPECT_EQ(status, 1); // never shut down properly
  }
}

// ---- invalid UTF-8 never makes output unwritable ---------------------------------------------

// Every message a server wrote, each parsed by the strict reader (which rejects invalid UTF-8).
std::vector<json> written_messages(const std::string& output) {
  std::istringstream in(output);
  std::ostringstream sink;
  ecl::lsp::Transport reader(in, sink);
  std::vector<json> messages;
  std::string body, error;
  while (reader.read(body, error) == ecl::lsp::Transport::Read::Message) {
    messages.push_back(json::parse(body)); // throws on invalid UTF-8
  }
  return messages;
}

TEST(Transport, InvalidUtf8IsReplacedNotThrown) {
  // Strings built from a client's or the file system's bytes: a stray byte, a cut-off `é`.
  std::istringstream in;
  std::ostringstream out;
  ecl::lsp::Transport t(in, out);
  ASSERT_TRUE(t.write({{"a", "x\xFFy"}, {"b", "caf\xC3"}, {"c\xE2\x82", 1}}));
  std::vector<json> messages = written_messages(out.str());
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0]["a"], "x\xEF\xBF\xBDy");
  EXPECT_EQ(messages[0]["b"], "caf\xEF\xBF\xBD");
  EXPECT_EQ(messages[0]["c\xEF\xBF\xBD"], 1);
}

TEST(Server, InvalidUtf8FromClientAndDiskGivesValidJson) {
  // A directory named with bytes that are not UTF-8, holding a sibling named so too that declares
  // the same VPC as the open document: every message stays valid JSON, the sibling's diagnostics
  // name it by its percent-encoded URI, and raw invalid UTF-8 from the client is a parse error.
  fs::path dir = fs::temp_directory_path() / ("eclc-lsp-utf8-" + std::to_string(::getpid()));
  fs::create_directories(dir / "\xFF\xC3");
  ecl::test::write_file(dir / "\xFF\xC3" / "\xE2\x82.ecl", "vpc main { cidr = \"10.0.0.0/16\" }\n");
  std::string uri = ecl::lsp::path_to_uri((dir / "\xFF\xC3" / "a.ecl").string());
  std::string input =
      frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})") +
      frame(json{{"jsonrpc", "2.0"},
                 {"method", "textDocument/didOpen"},
                 {"params",
                  {{"textDocument",
                    {{"uri", uri},
                     {"version", 1},
                     {"text", "vpc main { cidr = \"10.0.0.0/16\" }\nbogus \"\xC3\xA9\" {}\n"}}}}}}
                .dump()) +
      // Raw invalid UTF-8 inside a JSON string: not valid JSON, answered with a parse error.
      frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/"
            "hover\",\"params\":{\"x\":\"\xFF\"}}") +
      frame(R"({"jsonrpc":"2.0","id":3,"method":"shutdown"})") +
      frame(R"({"jsonrpc":"2.0","method":"exit"})");
  std::istringstream in(input);
  std::ostringstream out;
  int status = ecl::lsp::Server(in, out).run();
  fs::remove_all(dir);
  EXPECT_EQ(status, 0);
  std::vector<json> messages;
  ASSERT_NO_THROW(messages = written_messages(out.str()));
  bool parse_error = false, sibling = false;
  for (const json& m : messages) {
    parse_error = parse_error || (m.contains("error") && m["error"]["code"] == -32700);
    if (m.value("method", "") == "textDocument/publishDiagnostics" &&
        m["params"]["uri"].get<std::string>().ends_with("/%FF%C3/%E2%82.ecl")) {
      sibling = !m["params"]["diagnostics"].empty();
    }
  }
  EXPECT_TRUE(parse_error);
  EXPECT_TRUE(sibling);
}

} // namespace
