// Google Benchmark of the compiler's stages, one at a time, on programs from bench/generate.py:
//
//   tokens          ecl::syntax::lex: text -> the token vector the formatter and the language
//                   server use (comments and line breaks included)
//   ast             ecl::syntax::parse_file: the whole syntax layer, text -> AST
//   check           ecl::check::check: AST -> checked model (names, types, defaults, rules)
//   cloudformation  the cloudformation backend: model -> template text
//   plan            the plan backend: model -> plan document
//
// Iteration counts and the rate counters follow CPU time (Google Benchmark's default), which the
// other engineers' builds on the same cores disturb less than wall time; both are reported.
// Each stage's input is prepared outside the timed loop (the previous stages run once, untimed),
// so a stage's time is its own. Sizes are line counts (`generate.py --lines N`) plus the N=500
// services program of the peers' comparison (`s500`).
//
//   stages_bench [--sizes=1000,10000,100000] [--large] [--services=500] [benchmark flags...]
//
// --large adds the 1M-line program (slow while the syntax layer is ANTLR-bound).
#include "backends/registry.h"
#include "bench/bench_input.h"
#include "compiler/check/check.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/diagnostics/render.h"
#include "compiler/syntax/syntax.h"
#include "compiler/syntax/tokens.h"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

using ecl::bench::count_lines;
using ecl::bench::generate_program;
using ecl::bench::size_label;

// One program and the results of the stages before the one being timed. Built lazily up to the
// stage asked for and kept until a benchmark asks for another program: benchmarks are registered
// program by program, so each program's front end runs once, not once per stage.
struct Prepared {
  std::size_t n = 0;
  bool by_services = false;
  std::string text;
  std::size_t lines = 0;
  ecl::SourceManager sources;
  ecl::FileId file = 0;
  bool parsed = false;
  std::vector<ecl::ast::File> asts;
  ecl::Diagnostics parse_diags;
  bool checked = false;
  std::unique_ptr<ecl::model::Program> program;
  ecl::Diagnostics check_diags;
};

std::unique_ptr<Prepared> g_current;

Prepared& program_text(std::size_t n, bool by_services) {
  if (!g_current || g_current->n != n || g_current->by_services != by_services) {
    g_current.reset(); // free the previous program's ASTs and model first
    auto p = std::make_unique<Prepared>();
    p->n = n;
    p->by_services = by_services;
    p->text = generate_program(n, by_services);
    p->lines = count_lines(p->text);
    p->file = p->sources.add(
        by_services ? "s" + std::to_string(n) + ".ecl" : "l" + size_label(n) + ".ecl", p->text);
    g_current = std::move(p);
  }
  return *g_current;
}

Prepared& parsed(std::size_t n, bool by_services) {
  Prepared& p = program_text(n, by_services);
  if (!p.parsed) {
    p.asts.push_back(ecl::syntax::parse_file(p.sources, p.file, p.parse_diags));
    p.parsed = true;
  }
  return p;
}

Prepared& checked(std::size_t n, bool by_services) {
  Prepared& p = parsed(n, by_services);
  if (!p.checked) {
    p.program = ecl::check::check(p.asts, p.sources, {}, p.check_diags);
    p.checked = true;
  }
  return p;
}

// The first error of `diags`, as the command line prints it, for a skipped benchmark's message.
std::string first_error(const ecl::Diagnostics& diags, const ecl::SourceManager& sources) {
  for (const auto& d : diags.items()) {
    if (d.severity == ecl::Severity::Error) {
      ecl::Diagnostics one;
      one.add(d);
      std::string text = ecl::render_text(one, sources);
      return text.substr(0, text.find('\n'));
    }
  }
  return "";
}

// Throughput counters: input bytes/s and lines/s of the stage's source program.
void set_rates(benchmark::State& state, const Prepared& p) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(p.text.size()));
  state.counters["lines/s"] =
      benchmark::Counter(static_cast<double>(p.lines) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.counters["lines"] = static_cast<double>(p.lines);
}

void bench_tokens(benchmark::State& state, std::size_t n, bool by_services) {
  Prepared& p = program_text(n, by_services);
  std::size_t tokens = 0;
  for (auto _ : state) {
    auto result = ecl::syntax::lex(p.text);
    if (!result) {
      state.SkipWithError("lex refused the program (not UTF-8, or over kMaxFileBytes)");
      return;
    }
    tokens = result->size();
    benchmark::DoNotOptimize(result);
  }
  set_rates(state, p);
  state.counters["tokens"] = static_cast<double>(tokens);
}

void bench_ast(benchmark::State& state, std::size_t n, bool by_services) {
  Prepared& p = program_text(n, by_services);
  std::size_t errors = 0;
  for (auto _ : state) {
    ecl::Diagnostics diags;
    ecl::ast::File file = ecl::syntax::parse_file(p.sources, p.file, diags);
    errors = diags.error_count();
    benchmark::DoNotOptimize(file);
    // The AST's destruction is part of the stage's cost to a process that frees it, but eclc
    // exits without freeing: keep it out of the timing, as the whole-process numbers do.
    state.PauseTiming();
    { ecl::ast::File dropped = std::move(file); }
    state.ResumeTiming();
  }
  set_rates(state, p);
  state.counters["errors"] = static_cast<double>(errors);
}

// Check, CloudFormation and plan need an error-free AST (the backends an error-free model):
// a program the syntax layer refuses (E0023 beyond kMaxBlocksPerFile, say) is skipped with the
// reason instead of timing the checker on a truncated AST.
bool front_end_clean(benchmark::State& state, const Prepared& p, bool need_model) {
  if (p.parse_diags.has_errors()) {
    state.SkipWithError(("syntax errors: " + first_error(p.parse_diags, p.sources)).c_str());
    return false;
  }
  if (need_model && (p.check_diags.has_errors() || !p.program)) {
    state.SkipWithError(("check errors: " + first_error(p.check_diags, p.sources)).c_str());
    return false;
  }
  return true;
}

void bench_check(benchmark::State& state, std::size_t n, bool by_services) {
  Prepared& p = parsed(n, by_services);
  if (!front_end_clean(state, p, false)) {
    return;
  }
  for (auto _ : state) {
    ecl::Diagnostics diags;
    auto program = ecl::check::check(p.asts, p.sources, {}, diags);
    benchmark::DoNotOptimize(program);
    state.PauseTiming();
    program.reset();
    state.ResumeTiming();
  }
  set_rates(state, p);
}

void bench_backend(benchmark::State& state, std::size_t n, bool by_services, const char* target) {
  const ecl::backend::BackendInfo* info = ecl::backend::find_backend(target);
  if (!info) {
    state.SkipWithError((std::string("no backend ") + target).c_str());
    return;
  }
  Prepared& p = checked(n, by_services);
  if (!front_end_clean(state, p, true)) {
    return;
  }
  std::size_t output_bytes = 0;
  for (auto _ : state) {
    ecl::Diagnostics diags;
    std::string output;
    bool ok = info->make()->lower(*p.program, diags, output);
    if (!ok) {
      state.SkipWithError(("lowering failed: " + first_error(diags, p.sources)).c_str());
      return;
    }
    output_bytes = output.size();
    benchmark::DoNotOptimize(output);
  }
  set_rates(state, p);
  state.counters["output_bytes"] = static_cast<double>(output_bytes);
}

struct Size {
  std::size_t n;
  bool by_services;
};

std::vector<Size> parse_sizes(const char* list) {
  std::vector<Size> sizes;
  const char* p = list;
  while (*p) {
    char* end = nullptr;
    unsigned long long n = std::strtoull(p, &end, 10);
    if (end == p || n == 0) {
      std::fprintf(stderr, "stages_bench: bad --sizes list `%s`\n", list);
      std::exit(2);
    }
    sizes.push_back({static_cast<std::size_t>(n), false});
    p = *end == ',' ? end + 1 : end;
  }
  return sizes;
}

} // namespace

int main(int argc, char** argv) {
  std::vector<Size> sizes = {{1000, false}, {10000, false}, {100000, false}};
  std::size_t services = 500;
  bool large = false;
  // Our flags first; the rest go to Google Benchmark.
  std::vector<char*> rest = {argv[0]};
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--sizes=", 8) == 0) {
      sizes = parse_sizes(argv[i] + 8);
    } else if (std::strcmp(argv[i], "--large") == 0) {
      large = true;
    } else if (std::strncmp(argv[i], "--services=", 11) == 0) {
      services = std::strtoull(argv[i] + 11, nullptr, 10);
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (large) {
    sizes.push_back({1000000, false});
  }
  if (services > 0) {
    sizes.push_back({services, true});
  }
  int rest_argc = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_argc, rest.data());
  if (benchmark::ReportUnrecognizedArguments(rest_argc, rest.data())) {
    return 2;
  }
  for (const Size& s : sizes) {
    std::string label = s.by_services ? "s" + std::to_string(s.n) : size_label(s.n);
    auto add = [&](const char* stage, auto fn) {
      benchmark::RegisterBenchmark((std::string(stage) + "/" + label).c_str(), fn)
          ->Unit(benchmark::kMillisecond);
    };
    add("tokens", [s](benchmark::State& st) { bench_tokens(st, s.n, s.by_services); });
    add("ast", [s](benchmark::State& st) { bench_ast(st, s.n, s.by_services); });
    add("check", [s](benchmark::State& st) { bench_check(st, s.n, s.by_services); });
    add("cloudformation",
        [s](benchmark::State& st) { bench_backend(st, s.n, s.by_services, "cloudformation"); });
    add("plan", [s](benchmark::State& st) { bench_backend(st, s.n, s.by_services, "plan"); });
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  g_current.reset();
  return 0;
}
