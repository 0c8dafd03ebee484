// Google Benchmark of the language server's reaction to an edit (issue #6: diagnostics for a
// 2,000-line file within 10 ms of a change).
//
// The real ecl::lsp::Server runs on its own thread behind two in-memory pipes, exactly as
// `eclc lsp` runs behind stdio: the benchmark is its client. It sends `initialize` and a `didOpen`
// of a generated program of about 2,000 lines, then times each incremental `didChange` from the
// moment its framed bytes are handed to the server to the moment the whole `publishDiagnostics`
// frame it causes has come back (JSON parsing, the edit, the re-analysis and the diagnostics'
// serialization are all inside; the pipe is a mutex and a condition variable, far below a
// millisecond).
//
//   lsp_change_valid    `desired = 2` <-> `desired = 3` in a service in the middle of the file:
//                       the program stays clean, each change publishes no diagnostics
//   lsp_change_error    `task = svcK` <-> `task = svcKx`: every other change breaks a reference
//                       (an error with a did-you-mean), the next one fixes it
//   lsp_completion      the same `desired` change, then at once a completion request at the value
//                       of `task = svcK` (every task of the program): the time until the answer
//   lsp_hover           the same, with a hover request on `svcK` (the task's folded attributes)
//   lsp_analysis        ecl::lsp::Analysis alone on the same text: what a change re-runs
//
//   lsp_bench [--lines=2000] [benchmark flags...]
#include "bench/bench_input.h"
#include "compiler/lsp/analysis.h"
#include "compiler/lsp/server.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <istream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// A byte queue between two threads.
class Pipe {
public:
  void write(std::string_view bytes) {
    {
      std::lock_guard lock(mutex_);
      data_.append(bytes);
    }
    ready_.notify_all();
  }
  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    ready_.notify_all();
  }
  // Blocks until bytes are there (returns them all) or the pipe is closed and empty ("").
  std::string take() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !data_.empty() || closed_; });
    std::string out;
    out.swap(data_);
    return out;
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::string data_;
  bool closed_ = false;
};

// The reading end of a Pipe as a streambuf: underflow blocks like a read(2) on stdin.
class PipeReader : public std::streambuf {
public:
  explicit PipeReader(Pipe& pipe) : pipe_(pipe) {}

protected:
  int_type underflow() override {
    if (gptr() < egptr()) {
      return traits_type::to_int_type(*gptr());
    }
    buffer_ = pipe_.take();
    if (buffer_.empty()) {
      return traits_type::eof();
    }
    setg(buffer_.data(), buffer_.data(), buffer_.data() + buffer_.size());
    return traits_type::to_int_type(*gptr());
  }

private:
  Pipe& pipe_;
  std::string buffer_;
};

// The writing end: bytes are collected and handed over on flush, as a buffered stdout would.
class PipeWriter : public std::streambuf {
public:
  explicit PipeWriter(Pipe& pipe) : pipe_(pipe) {}

protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      pending_.push_back(traits_type::to_char_type(c));
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    pending_.append(s, static_cast<std::size_t>(n));
    return n;
  }
  int sync() override {
    pipe_.write(pending_);
    pending_.clear();
    return 0;
  }

private:
  Pipe& pipe_;
  std::string pending_;
};

std::string frame(const json& message) {
  std::string body = message.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// The server on its thread, and the client's side of the two pipes.
class Session {
public:
  explicit Session(std::string text) : text_(std::move(text)) {
    thread_ = std::thread([this] {
      std::istream in(&reader_);
      std::ostream out(&writer_);
      ecl::lsp::Server server(in, out);
      server.run();
      to_client_.close();
    });
    send({{"jsonrpc", "2.0"},
          {"id", 1},
          {"method", "initialize"},
          {"params",
           {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}}}});
    wait_for([](const json& m) { return m.contains("id") && m["id"] == 1; });
    send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/didOpen"},
          {"params",
           {{"textDocument",
             {{"uri", kUri}, {"languageId", "ecl"}, {"version", 1}, {"text", text_}}}}}});
    json first = wait_for(is_publish);
    open_diagnostics_ = first["params"]["diagnostics"].size();
  }
  ~Session() {
    send({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}});
    wait_for([](const json& m) { return m.contains("id") && m["id"] == 2; });
    send({{"jsonrpc", "2.0"}, {"method", "exit"}});
    to_server_.close();
    thread_.join();
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  const std::string& text() const { return text_; }
  std::size_t open_diagnostics() const { return open_diagnostics_; }

  // Sends one incremental change replacing [line:col, line:col+length) by `replacement`; returns
  // the seconds until its publishDiagnostics frame had fully arrived, and that notification.
  double change(std::uint32_t line, std::uint32_t col, std::size_t length,
                const std::string& replacement, json& published) {
    std::string bytes = change_frame(line, col, length, replacement);
    auto start = Clock::now();
    to_server_.write(bytes);
    std::string body = next_body();
    auto stop = Clock::now();
    published = expect_publish(body);
    return std::chrono::duration<double>(stop - start).count();
  }

  // The same change and, in the same write (an editor asks for completion as the user types),
  // the request `method` at `position`; returns the seconds until the request's answer had fully
  // arrived, the diagnostics published before it and the answer.
  double change_then(std::uint32_t line, std::uint32_t col, std::size_t length,
                     const std::string& replacement, const std::string& method,
                     const json& position, json& published, json& answer) {
    std::int64_t id = ++request_id_;
    std::string bytes =
        change_frame(line, col, length, replacement) +
        frame({{"jsonrpc", "2.0"},
               {"id", id},
               {"method", method},
               {"params", {{"textDocument", {{"uri", kUri}}}, {"position", position}}}});
    auto start = Clock::now();
    to_server_.write(bytes);
    std::string publish = next_body();
    std::string body = next_body();
    auto stop = Clock::now();
    published = expect_publish(publish);
    answer = json::parse(body);
    if (!answer.contains("id") || answer["id"] != id || !answer.contains("result")) {
      std::fprintf(stderr, "lsp_bench: expected the answer to %s, got %s\n", method.c_str(),
                   body.c_str());
      std::exit(1);
    }
    return std::chrono::duration<double>(stop - start).count();
  }

  static constexpr const char* kUri = "untitled:bench.ecl";

private:
  static bool is_publish(const json& m) {
    return m.value("method", "") == "textDocument/publishDiagnostics";
  }
  static json expect_publish(const std::string& body) {
    json published = json::parse(body);
    if (!is_publish(published)) {
      std::fprintf(stderr, "lsp_bench: expected publishDiagnostics, got %s\n", body.c_str());
      std::exit(1);
    }
    return published;
  }
  std::string change_frame(std::uint32_t line, std::uint32_t col, std::size_t length,
                           const std::string& replacement) {
    json range = {{"start", {{"line", line}, {"character", col}}},
                  {"end", {{"line", line}, {"character", col + length}}}};
    return frame(
        {{"jsonrpc", "2.0"},
         {"method", "textDocument/didChange"},
         {"params",
          {{"textDocument", {{"uri", kUri}, {"version", ++version_}}},
           {"contentChanges", json::array({{{"range", range}, {"text", replacement}}})}}}});
  }
  void send(const json& message) { to_server_.write(frame(message)); }

  // The next complete frame's body; exits when the server went away.
  std::string next_body() {
    for (;;) {
      auto header_end = inbox_.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        auto at = inbox_.find("Content-Length: ");
        std::size_t length = std::strtoull(inbox_.c_str() + at + 16, nullptr, 10);
        if (inbox_.size() >= header_end + 4 + length) {
          std::string body = inbox_.substr(header_end + 4, length);
          inbox_.erase(0, header_end + 4 + length);
          return body;
        }
      }
      std::string more = to_client_.take();
      if (more.empty()) {
        std::fprintf(stderr, "lsp_bench: the server stopped\n");
        std::exit(1);
      }
      inbox_ += more;
    }
  }
  template <typename Pred>
  json wait_for(Pred pred) {
    for (;;) {
      json m = json::parse(next_body());
      if (pred(m)) {
        return m;
      }
    }
  }

  std::string text_;
  Pipe to_server_;
  Pipe to_client_;
  PipeReader reader_{to_server_};
  PipeWriter writer_{to_client_};
  std::thread thread_;
  std::string inbox_;
  std::int64_t version_ = 1;
  std::int64_t request_id_ = 2; // 1 and 2: initialize and shutdown
  std::size_t open_diagnostics_ = 0;
};

std::size_t g_lines = 2000;
std::unique_ptr<Session> g_session;

Session& session() {
  if (!g_session) {
    g_session = std::make_unique<Session>(ecl::bench::generate_program(g_lines, false));
  }
  return *g_session;
}

// Line (0-based) and column of the first `needle` at or after the middle of `text`.
bool find_middle(const std::string& text, const std::string& needle, std::uint32_t& line,
                 std::uint32_t& col) {
  std::size_t at = text.find(needle, text.size() / 2);
  if (at == std::string::npos) {
    return false;
  }
  std::size_t line_start = text.rfind('\n', at);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  line = static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + at, '\n'));
  col = static_cast<std::uint32_t>(at - line_start);
  return true;
}

void set_counters(benchmark::State& state, const Session& s) {
  state.counters["lines"] = static_cast<double>(ecl::bench::count_lines(s.text()));
}

void lsp_change_valid(benchmark::State& state) {
  Session& s = session();
  if (s.open_diagnostics() != 0) {
    state.SkipWithError("the generated program has diagnostics on open");
    return;
  }
  const std::string needle = "desired         = 2";
  std::uint32_t line = 0, col = 0;
  if (!find_middle(s.text(), needle, line, col)) {
    state.SkipWithError("no `desired = 2` in the generated program");
    return;
  }
  col += static_cast<std::uint32_t>(needle.size() - 1);
  bool three = false;
  for (auto _ : state) {
    three = !three;
    json published;
    double seconds = s.change(line, col, 1, three ? "3" : "2", published);
    state.SetIterationTime(seconds);
    if (!published["params"]["diagnostics"].empty()) {
      state.SkipWithError("a valid edit published diagnostics");
      return;
    }
  }
  if (three) { // leave the document as it was opened
    json published;
    s.change(line, col, 1, "2", published);
  }
  set_counters(state, s);
}

void lsp_change_error(benchmark::State& state) {
  Session& s = session();
  std::uint32_t line = 0, col = 0;
  const std::string needle = "task            = svc";
  if (!find_middle(s.text(), needle, line, col)) {
    state.SkipWithError("no `task = svcK` in the generated program");
    return;
  }
  // The end of the reference `svcK`: insert or remove an `x` there.
  std::size_t line_start = 0;
  for (std::uint32_t i = 0; i < line; ++i) {
    line_start = s.text().find('\n', line_start) + 1;
  }
  std::size_t end = s.text().find('\n', line_start);
  auto ref_end = static_cast<std::uint32_t>(end - line_start);
  bool broken = false;
  std::size_t errors_seen = 0;
  for (auto _ : state) {
    json published;
    double seconds = broken ? s.change(line, ref_end, 1, "", published)
                            : s.change(line, ref_end, 0, "x", published);
    broken = !broken;
    state.SetIterationTime(seconds);
    std::size_t count = published["params"]["diagnostics"].size();
    if ((count != 0) != broken) {
      state.SkipWithError("the edit did not produce (or clear) its error");
      return;
    }
    errors_seen += count;
  }
  if (broken) {
    json published;
    s.change(line, ref_end, 1, "", published);
  }
  set_counters(state, s);
  state.counters["diagnostics"] = static_cast<double>(errors_seen);
}

// Flips `desired = 2` and `3` in the middle service, each change followed at once by `method` at
// the value of that service's `task = svcK`: `task` completes to every task, hover shows svcK.
// `valid` checks the answer.
template <typename Valid>
void change_then_request(benchmark::State& state, const std::string& method, Valid valid) {
  Session& s = session();
  std::uint32_t line = 0, col = 0, task_line = 0, task_col = 0;
  const std::string desired = "desired         = 2";
  const std::string task = "task            = ";
  if (s.open_diagnostics() != 0 || !find_middle(s.text(), desired, line, col) ||
      !find_middle(s.text(), task, task_line, task_col)) {
    state.SkipWithError("the generated program has diagnostics, or no service in its middle");
    return;
  }
  col += static_cast<std::uint32_t>(desired.size() - 1);
  json position = {{"line", task_line},
                   {"character", task_col + static_cast<std::uint32_t>(task.size()) + 1}};
  bool three = false;
  for (auto _ : state) {
    three = !three;
    json published, answer;
    double seconds =
        s.change_then(line, col, 1, three ? "3" : "2", method, position, published, answer);
    state.SetIterationTime(seconds);
    if (!published["params"]["diagnostics"].empty() || !valid(answer["result"])) {
      state.SkipWithError(("a valid edit published diagnostics, or a wrong answer to " + method +
                           ": " + answer.dump().substr(0, 200))
                              .c_str());
      return;
    }
  }
  if (three) {
    json published;
    s.change(line, col, 1, "2", published);
  }
  set_counters(state, s);
}

void lsp_completion(benchmark::State& state) {
  std::size_t tasks = 0;
  change_then_request(state, "textDocument/completion", [&](const json& items) {
    tasks = items.is_array() ? items.size() : 0;
    return tasks > 1;
  });
  state.counters["items"] = static_cast<double>(tasks);
}

void lsp_hover(benchmark::State& state) {
  change_then_request(state, "textDocument/hover", [](const json& hover) {
    return hover.is_object() &&
           hover["contents"]["value"].get<std::string>().find("task svc") != std::string::npos;
  });
}

void lsp_analysis(benchmark::State& state) {
  Session& s = session();
  for (auto _ : state) {
    ecl::lsp::Analysis analysis({{Session::kUri, Session::kUri, s.text()}});
    benchmark::DoNotOptimize(analysis.diagnostics());
  }
  set_counters(state, s);
}

} // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest = {argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--lines=", 8) == 0) {
      g_lines = std::strtoull(argv[i] + 8, nullptr, 10);
    } else {
      rest.push_back(argv[i]);
    }
  }
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  if (benchmark::ReportUnrecognizedArguments(rest_argc, rest.data())) {
    return 2;
  }
  std::string label = "/" + ecl::bench::size_label(g_lines);
  benchmark::RegisterBenchmark(("lsp_change_valid" + label).c_str(), lsp_change_valid)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(("lsp_change_error" + label).c_str(), lsp_change_error)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(("lsp_completion" + label).c_str(), lsp_completion)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(("lsp_hover" + label).c_str(), lsp_hover)
      ->UseManualTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(("lsp_analysis" + label).c_str(), lsp_analysis)
      ->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_session.reset();
  return 0;
}
