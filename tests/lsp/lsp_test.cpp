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
#include <functional>
#include <gtest/gtest.h>
#include <set>
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

std::vector<json> written_messages(const std::string& output);

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
  // Deaf, the server would read to the end of input and return 1. Each of the issue's broken
  // frames, the 100 KB header line at full size: `shutdown` is answered and `exit` ends with 0.
  const std::string body = R"({"jsonrpc":"2.0","id":9,"method":"shutdown"})";
  for (const std::string& broken : {
           "Content-Length: abc\r\n\r\n" + body,
           "Content-Type: text/plain\r\n\r\n" + body,
           "Content-Length: 3\r\nContent-Length: 4\r\n\r\n" + body,
           "Content-Length: 5\r\n\r\n" + body,
           "X-Junk: " + std::string(100 * 1024, 'x') + "\r\n\r\n",
           "X-Junk: " + std::string(100 * 1024, 'x'),
       }) {
    std::istringstream in(frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize"})") + broken +
                          frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
                          frame(R"({"jsonrpc":"2.0","method":"exit"})"));
    std::ostringstream out;
    EXPECT_EQ(ecl::lsp::Server(in, out).run(), 0) << broken.substr(0, 40);
    bool answered = false;
    for (const json& m : written_messages(out.str())) {
      answered = answered || (m.contains("id") && m["id"] == 2 && m.contains("result"));
    }
    EXPECT_TRUE(answered) << broken.substr(0, 40);
  }
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

// ---- files changed on disk while the server runs ------------------------------------------------

// A client's messages handed to the server one at a time, each after its `before` ran (a file
// written on disk): the server reads a message only once it has handled the one before.
class Steps : public std::streambuf {
public:
  void add(const json& message, std::function<void()> before = {}) {
    steps_.push_back({frame(message.dump()), std::move(before)});
  }

protected:
  int_type underflow() override {
    if (next_ == steps_.size()) {
      return traits_type::eof();
    }
    Step& step = steps_[next_++];
    if (step.before) {
      step.before();
    }
    setg(step.text.data(), step.text.data(), step.text.data() + step.text.size());
    return traits_type::to_int_type(step.text.front());
  }

private:
  struct Step {
    std::string text;
    std::function<void()> before;
  };
  std::vector<Step> steps_;
  std::size_t next_ = 0;
};

TEST(Server, RechecksWhenWatchedFilesChangeOnDisk) {
  // main.ecl is open and instantiates ./mod, which is not. The module gains a required param, a
  // sibling declaring the same cluster appears, then goes: each reported by
  // workspace/didChangeWatchedFiles, after which a workspace/symbol request marks the step's end.
  fs::path dir = fs::temp_directory_path() / ("eclc-lsp-watch-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "mod");
  ecl::test::write_file(dir / "mod" / "m.ecl", "param cluster: cluster\n");
  auto uri = [&](const fs::path& p) { return ecl::lsp::path_to_uri((dir / p).string()); };
  const std::string main_text = "cluster apps {}\nmodule web {\n  source  = \"./mod\"\n"
                                "  cluster = apps\n}\n";
  auto watched = [&](const fs::path& p, int type) {
    return json{{"jsonrpc", "2.0"},
                {"method", "workspace/didChangeWatchedFiles"},
                {"params", {{"changes", {{{"uri", uri(p)}, {"type", type}}}}}}};
  };
  auto mark = [](int id) {
    return json{{"jsonrpc", "2.0"},
                {"id", id},
                {"method", "workspace/symbol"},
                {"params", {{"query", "zzz"}}}};
  };
  Steps steps;
  steps.add({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"}, {"params", json::object()}});
  steps.add(
      {{"jsonrpc", "2.0"},
       {"method", "textDocument/didOpen"},
       {"params",
        {{"textDocument", {{"uri", uri("main.ecl")}, {"version", 1}, {"text", main_text}}}}}});
  steps.add(mark(1));
  steps.add(watched("mod/m.ecl", 2), [&] {
    ecl::test::write_file(dir / "mod" / "m.ecl", "param cluster: cluster\nparam image: string\n");
  });
  steps.add(mark(2));
  steps.add(watched("other.ecl", 1),
            [&] { ecl::test::write_file(dir / "other.ecl", "cluster apps {}\n"); });
  steps.add(mark(3));
  steps.add(watched("other.ecl", 3), [&] { fs::remove(dir / "other.ecl"); });
  steps.add(mark(4));
  steps.add({{"jsonrpc", "2.0"}, {"id", 5}, {"method", "shutdown"}});
  steps.add({{"jsonrpc", "2.0"}, {"method", "exit"}});
  std::istream in(&steps);
  std::ostringstream out;
  int status = ecl::lsp::Server(in, out).run();
  fs::remove_all(dir);
  EXPECT_EQ(status, 0);

  // The codes published for each file in each step (the last publication of the step).
  std::map<int, std::map<std::string, std::vector<std::string>>> published;
  int step = 1;
  for (const json& m : written_messages(out.str())) {
    if (m.contains("id") && m["id"].is_number() && m["id"].get<int>() >= 1) {
      step = m["id"].get<int>() + 1;
    } else if (m.value("method", "") == "textDocument/publishDiagnostics") {
      std::vector<std::string>& codes =
          published[step][m["params"]["uri"].get<std::string>().substr(uri("").size())];
      codes.clear();
      for (const json& d : m["params"]["diagnostics"]) {
        codes.push_back(d["code"].get<std::string>());
      }
    }
  }
  using Codes = std::vector<std::string>;
  EXPECT_EQ(published[1]["main.ecl"], Codes{});
  EXPECT_EQ(published[2]["main.ecl"], Codes{"E1018"}); // `image` is not given
  EXPECT_EQ(published[3]["main.ecl"], Codes{"E1018"});
  EXPECT_EQ(published[3]["other.ecl"], Codes{"E1003"}); // `apps` declared twice
  EXPECT_EQ(published[4]["main.ecl"], Codes{"E1018"});
  ASSERT_TRUE(published[4].contains("other.ecl"));
  EXPECT_EQ(published[4]["other.ecl"], Codes{}); // gone: its diagnostics cleared
}

// ---- quick fixes applied: the edit gives the expected text, which checks clean ----------------

// What the server writes for a session over `text` (opened as untitled:fix): initialize, didOpen,
// then `requests` (given ids from 2 on), shutdown and exit.
std::vector<json> answers(const std::string& text, std::vector<json> requests) {
  const json doc{{"uri", "untitled:fix"}};
  std::vector<json> messages{
      {{"id", 0}, {"method", "initialize"}, {"params", json::object()}},
      {{"method", "textDocument/didOpen"},
       {"params", {{"textDocument", {{"uri", "untitled:fix"}, {"version", 1}, {"text", text}}}}}}};
  for (json& request : requests) {
    request["id"] = messages.size();
    request["params"]["textDocument"] = doc;
    messages.push_back(std::move(request));
  }
  messages.push_back({{"id", messages.size()}, {"method", "shutdown"}});
  messages.push_back({{"method", "exit"}});
  std::string input;
  for (json& m : messages) {
    m["jsonrpc"] = "2.0";
    input += frame(m.dump());
  }
  std::istringstream in(input);
  std::ostringstream out;
  EXPECT_EQ(ecl::lsp::Server(in, out).run(), 0);
  return written_messages(out.str());
}

// The result of the request with id `id` among `messages`.
json result_of(const std::vector<json>& messages, int id) {
  for (const json& m : messages) {
    if (m.contains("id") && m["id"] == id && m.contains("result")) {
      return m["result"];
    }
  }
  ADD_FAILURE() << "no answer to request " << id;
  return nullptr;
}

// `text` with one LSP TextEdit applied.
std::string apply_edit(const std::string& text, const json& edit) {
  ecl::lsp::LineIndex index(text);
  std::uint32_t begin = index.offset(ecl::lsp::position_from_json(edit["range"]["start"]));
  std::uint32_t end = index.offset(ecl::lsp::position_from_json(edit["range"]["end"]));
  return text.substr(0, begin) + edit["newText"].get<std::string>() + text.substr(end);
}

// Asks for the code actions over the whole of `text` and applies the quick fix titled `title` for a
// `code` diagnostic; the text unchanged when the server offers no such fix.
// The code actions the server offers for the whole of `text`.
json code_actions(const std::string& text) {
  json whole{{"start", {{"line", 0}, {"character", 0}}},
             {"end", {{"line", 100000}, {"character", 0}}}};
  return result_of(
      answers(text,
              {{{"method", "textDocument/codeAction"},
                {"params", {{"range", whole}, {"context", {{"diagnostics", json::array()}}}}}}}),
      2);
}

std::string apply_quick_fix(const std::string& text, std::string_view code,
                            std::string_view title) {
  json actions = code_actions(text);
  for (const json& action : actions) {
    if (action["diagnostics"][0]["code"] == code && action["title"] == title) {
      const json& edits = action["edit"]["changes"]["untitled:fix"];
      EXPECT_EQ(edits.size(), 1u);
      return apply_edit(text, edits[0]);
    }
  }
  ADD_FAILURE() << "no quick fix `" << title << "` for " << code << " among " << actions.dump();
  return text;
}

// The codes of the diagnostics the server publishes for `text`; `formatted` says whether
// formatting leaves the text as it is.
std::vector<std::string> codes_of(const std::string& text, bool* formatted = nullptr) {
  std::vector<json> messages =
      answers(text, {{{"method", "textDocument/formatting"},
                      {"params", {{"options", {{"tabSize", 2}, {"insertSpaces", true}}}}}}});
  if (formatted) {
    *formatted = result_of(messages, 2) == json::array();
  }
  std::vector<std::string> codes;
  for (const json& m : messages) {
    if (m.value("method", "") == "textDocument/publishDiagnostics") {
      codes.clear(); // the last publication counts
      for (const json& d : m["params"]["diagnostics"]) {
        codes.push_back(d["code"]);
      }
    }
  }
  return codes;
}

using Codes = std::vector<std::string>;

// A network and one Fargate service, in eclc fmt's layout: `{SUBNETS}`, `{TABLE}` and `{SERVICE}`
// are filled in per test.
std::string network(const std::string& subnets, const std::string& table,
                    const std::string& service) {
  std::string text = R"(stack demo {
  region = "us-east-1"
}

vpc net {
  cidr = "10.0.0.0/16"
  subnet web {
    cidr   = "10.0.1.0/24"
    zone   = "us-east-1a"
    public = true
  }
{SUBNETS}
  internet_gateway igw {}
  nat_gateway nat {
    subnet = web
  }
  route_table public {
    subnets = [web]
    route {
      destination = "0.0.0.0/0"
      target      = igw
    }
  }
{TABLE}
  security_group api {
    description = "API tasks"
  }
}

task api {
  cpu    = 0.25vcpu
  memory = 512MiB
  container app {
    image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0"
    port  = 8080
    log {
      driver = awslogs
    }
  }
}

cluster prod {
  service api {
    task            = api
{SERVICE}
    security_groups = [net.api]
  }
}
)";
  replace_all(text, "{SUBNETS}\n", subnets);
  replace_all(text, "{TABLE}\n", table);
  replace_all(text, "{SERVICE}\n", service);
  return text;
}

const std::string kNat = "  nat_gateway nat {\n    subnet = web\n  }\n";
const std::string kTwoPrivate = R"(  subnet app_a {
    cidr = "10.0.2.0/24"
    zone = "us-east-1a"
  }
  subnet app_b {
    cidr = "10.0.3.0/24"
    zone = "us-east-1b"
  }
)";
const std::string kPrivateTable = "  route_table private {\n    subnets = [app_a, app_b]\n  }\n";
const std::string kOnPrivate = "    desired         = 2\n"
                               "    subnets         = [net.app_a, net.app_b]\n";
const std::string kNatRoute = R"(    route {
      destination = "0.0.0.0/0"
      target      = nat
    }
)";
const std::string kEndpointsGroup = R"(  security_group endpoints {
    description = "VPC endpoints: HTTPS from the VPC"
    ingress {
      protocol = tcp
      port     = 443
      from     = net.cidr
    }
  }
)";
const std::string kS3Endpoint = R"(  endpoint s3 {
    service      = "s3"
    route_tables = [private]
  }
)";

// An interface endpoint as the fix writes it, in both private subnets.
std::string interface_endpoint(const std::string& name, const std::string& service) {
  return "  endpoint " + name + " {\n    service         = \"" + service +
         "\"\n    subnets         = [app_a, app_b]\n    security_groups = [endpoints]\n  }\n";
}

TEST(QuickFix, W0004AddsTheEndpoints) {
  // No NAT gateway: the endpoints are the only private path.
  std::string text = network(kTwoPrivate, kPrivateTable, kOnPrivate);
  replace_all(text, kNat, "");
  ASSERT_EQ(codes_of(text), (Codes{"W0004", "W0004"}));
  std::string fixed =
      apply_quick_fix(text, "W0004", "add endpoints for `ecr.api`, `ecr.dkr`, `logs`, `s3`");
  std::string expected = text;
  replace_all(expected, "    description = \"API tasks\"\n  }\n}\n",
              "    description = \"API tasks\"\n  }\n" + kEndpointsGroup +
                  interface_endpoint("ecr_api", "ecr.api") +
                  interface_endpoint("ecr_dkr", "ecr.dkr") + interface_endpoint("logs", "logs") +
                  kS3Endpoint + "}\n");
  EXPECT_EQ(fixed, expected);
  bool formatted = false;
  EXPECT_EQ(codes_of(fixed, &formatted), Codes{});
  EXPECT_TRUE(formatted) << "the inserted blocks are not in eclc fmt's layout";
}

TEST(QuickFix, W0004EndpointsTakeFreeNamesAndOnlyWhatIsMissing) {
  // `logs` is taken (by a security group) and the ECR endpoints exist (behind a group that lets
  // the tasks in, W0024): the fix adds the `logs` and `s3` endpoints only, under free names, in a
  // VPC closed on the line of its last block, behind the group of the others.
  std::string text = network(kTwoPrivate, kPrivateTable, kOnPrivate);
  replace_all(text, kNat, "");
  replace_all(text, "    description = \"API tasks\"\n  }\n}\n",
              "    description = \"API tasks\"\n  }\n"
              "  security_group logs { ingress { port = 443  from = api } }\n"
              "  endpoint ecr_api { service = \"ecr.api\"  subnets = [app_a]  security_groups = "
              "[logs] }\n"
              "  endpoint ecr_dkr { service = \"ecr.dkr\"  subnets = [app_a]  security_groups = "
              "[logs] } }\n");
  ASSERT_EQ(codes_of(text), (Codes{"W0004", "W0004"}));
  std::string fixed = apply_quick_fix(text, "W0004", "add endpoints for `logs`, `s3`");
  std::string expected = text;
  std::string logs = interface_endpoint("logs_2", "logs");
  replace_all(logs, "[endpoints]", "[logs]");
  replace_all(expected, "security_groups = [logs] } }\n",
              "security_groups = [logs] }\n" + logs + kS3Endpoint + "}\n");
  EXPECT_EQ(fixed, expected);
  EXPECT_EQ(codes_of(fixed), Codes{});
}

TEST(QuickFix, W0004ReusesTheEndpointsGroup) {
  // The VPC has the group the fix writes and an endpoint behind it: the missing endpoints go
  // behind that group, not behind a new `endpoints_2` alike (a new user's finding).
  std::string text = network(kTwoPrivate, kPrivateTable, kOnPrivate);
  replace_all(text, kNat, "");
  replace_all(text, "    description = \"API tasks\"\n  }\n}\n",
              "    description = \"API tasks\"\n  }\n" + kEndpointsGroup +
                  interface_endpoint("ecr_api", "ecr.api") + "}\n");
  ASSERT_EQ(codes_of(text), (Codes{"W0004", "W0004"}));
  std::string fixed = apply_quick_fix(text, "W0004", "add endpoints for `ecr.dkr`, `logs`, `s3`");
  std::string expected = text;
  replace_all(expected, interface_endpoint("ecr_api", "ecr.api") + "}\n",
              interface_endpoint("ecr_api", "ecr.api") + interface_endpoint("ecr_dkr", "ecr.dkr") +
                  interface_endpoint("logs", "logs") + kS3Endpoint + "}\n");
  EXPECT_EQ(fixed, expected);
  bool formatted = false;
  EXPECT_EQ(codes_of(fixed, &formatted), Codes{});
  EXPECT_TRUE(formatted);
}

TEST(QuickFix, W0004AddsTheRouteToTheNatGateway) {
  std::string text = network(kTwoPrivate, kPrivateTable, kOnPrivate);
  ASSERT_EQ(codes_of(text), (Codes{"W0004", "W0004"}));
  std::string fixed = apply_quick_fix(text, "W0004", "add a route from 0.0.0.0/0 to `nat`");
  std::string expected = text;
  replace_all(expected, kPrivateTable,
              "  route_table private {\n    subnets = [app_a, app_b]\n" + kNatRoute + "  }\n");
  EXPECT_EQ(fixed, expected);
  bool formatted = false;
  EXPECT_EQ(codes_of(fixed, &formatted), Codes{});
  EXPECT_TRUE(formatted);
}

TEST(QuickFix, W0008OffersTheNatRouteButNoEndpoints) {
  // A Docker Hub image: VPC endpoints cannot serve it, so no endpoint fix is offered (#18).
  std::string text = network(kTwoPrivate, kPrivateTable, kOnPrivate);
  replace_all(text, "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0", "nginx:1.27");
  ASSERT_EQ(codes_of(text), (Codes{"W0008", "W0008"}));
  for (const json& action : code_actions(text)) {
    EXPECT_EQ(action["title"].get<std::string>().find("endpoint"), std::string::npos)
        << action.dump();
  }
  std::string fixed = apply_quick_fix(text, "W0008", "add a route from 0.0.0.0/0 to `nat`");
  EXPECT_EQ(codes_of(fixed), Codes{});
}

TEST(QuickFix, W0004AsksForAPublicIpInAPublicSubnet) {
  std::string text = network("", "", "    subnets         = [net.web]\n");
  ASSERT_EQ(codes_of(text), Codes{"W0004"});
  std::string fixed = apply_quick_fix(text, "W0004", "set `public_ip = true`");
  std::string expected = text;
  replace_all(expected, "    security_groups = [net.api]\n",
              "    security_groups = [net.api]\n    public_ip       = true\n");
  EXPECT_EQ(fixed, expected); // aligned with the attribute above, as eclc fmt aligns them
  bool formatted = false;
  EXPECT_EQ(codes_of(fixed, &formatted), Codes{});
  EXPECT_TRUE(formatted);
}

TEST(QuickFix, AnAddedAttributeAlignsWithTheOneAbove) {
  // `cidr` is missing (E2002): added under `public`, its `=` in `public`'s column.
  std::string subnet = "  subnet app_a {\n    zone   = \"us-east-1a\"\n    public = false\n  }\n";
  std::string text = network(subnet, "", "    subnets         = [net.app_a]\n");
  std::string fixed = apply_quick_fix(text, "E2002", "add `cidr`");
  std::string expected = text;
  replace_all(expected, "    public = false\n", "    public = false\n    cidr   = \"\"\n");
  EXPECT_EQ(fixed, expected);
}

TEST(QuickFix, W0003DropsThePublicIpInPrivateSubnets) {
  // Private subnets routed to the NAT gateway: the tasks need no public IP.
  std::string table =
      "  route_table private {\n    subnets = [app_a, app_b]\n" + kNatRoute + "  }\n";
  std::string text = network(kTwoPrivate, table, kOnPrivate + "    public_ip       = true\n");
  ASSERT_EQ(codes_of(text), (Codes{"W0003", "W0003"}));
  std::string fixed = apply_quick_fix(text, "W0003", "set `public_ip = false`");
  std::string expected = text;
  replace_all(expected, "public_ip       = true", "public_ip       = false");
  EXPECT_EQ(fixed, expected);
  bool formatted = false;
  EXPECT_EQ(codes_of(fixed, &formatted), Codes{});
  EXPECT_TRUE(formatted);
}

// ---- the load balancing and scaling kinds ------------------------------------------------------

// Completion offers each kind where it may be declared (a load balancer and a target group in a
// VPC, a listener in a load balancer, a rule in a listener, scaling in a service, a metric and a
// schedule in a scaling), and not where it may not; hovering a kind's keyword shows its
// documentation.
TEST(LoadBalancingKinds, CompletedWhereTheyFitAndHovered) {
  // `|` marks where completion is asked, `^` (before a kind) where hover is.
  std::string text = "vpc main {\n"
                     "  cidr = \"10.0.0.0/16\"\n"
                     "  |\n"
                     "  ^load_balancer edge {\n"
                     "    |\n"
                     "    ^listener http {\n"
                     "      |\n"
                     "      ^rule api {\n"
                     "      }\n"
                     "    }\n"
                     "  }\n"
                     "  ^target_group api {\n"
                     "    port = 8080\n"
                     "  }\n"
                     "}\n"
                     "cluster prod {\n"
                     "  service api {\n"
                     "    |\n"
                     "    ^scaling {\n"
                     "      |\n"
                     "      cpu = 60\n"
                     "      ^metric backlog {\n"
                     "      }\n"
                     "    }\n"
                     "  }\n"
                     "}\n";
  std::vector<json> completions, hovers;
  for (int line = 0, character = 0; char c : std::string(text)) {
    if (c == '|' || c == '^') {
      json at{{"position", {{"line", line}, {"character", character}}}};
      (c == '|' ? completions : hovers)
          .push_back({{"method", c == '|' ? "textDocument/completion" : "textDocument/hover"},
                      {"params", at}});
    }
    if (c == '\n') {
      ++line, character = 0;
    } else if (c != '|' && c != '^') {
      ++character;
    }
  }
  std::erase(text, '|');
  std::erase(text, '^');
  std::vector<json> requests = completions;
  requests.insert(requests.end(), hovers.begin(), hovers.end());
  std::vector<json> messages = answers(text, requests);
  auto labels = [&](int id) {
    std::set<std::string> out;
    for (const json& item : result_of(messages, id)) {
      out.insert(item["label"].get<std::string>());
    }
    return out;
  };
  const std::set<std::string> kinds{"load_balancer", "listener", "rule",    "target_group",
                                    "scaling",       "metric",   "schedule"};
  auto offered = [&](int id) {
    std::set<std::string> out;
    for (const std::string& label : labels(id)) {
      if (kinds.count(label)) {
        out.insert(label);
      }
    }
    return out;
  };
  EXPECT_EQ(offered(2), (std::set<std::string>{"load_balancer", "target_group"}));
  EXPECT_EQ(offered(3), (std::set<std::string>{"listener"}));
  EXPECT_EQ(offered(4), (std::set<std::string>{"rule"}));
  EXPECT_EQ(offered(5), (std::set<std::string>{"scaling"}));
  EXPECT_EQ(offered(6), (std::set<std::string>{"metric", "schedule"}));
  auto hover = [&](int id) {
    json result = result_of(messages, id);
    return result.is_object() ? result["contents"]["value"].get<std::string>() : std::string();
  };
  const std::pair<int, const char*> docs[] = {
      {7, "An Elastic Load Balancing v2 load balancer"},
      {8, "A listener of its load balancer"},
      {9, "A rule of an application load balancer's listener"},
      {10, "A target group: the tasks a load balancer sends traffic to"},
      {11, "Target tracking auto scaling of the service's task count"},
      {12, "Target tracking of a CloudWatch metric of your choosing"}};
  for (const auto& [id, doc] : docs) {
    EXPECT_NE(hover(id).find(doc), std::string::npos) << id << ": " << hover(id);
  }
}

} // namespace
