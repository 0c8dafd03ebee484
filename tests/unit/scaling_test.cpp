// Memory and work that grow with the program, counted rather than timed (issue #20: 4.6 million
// `let`s took 11.4 s and 1.37 GB). This binary replaces the global operator new and delete with
// counting ones, so each test can ask how many allocations, and how many bytes at the peak, a
// stage made per item of its input: a cost that grows faster than the input, or an item that
// takes the parser's slow path, shows as a ratio that moves, whatever the machine's speed.
#include "check_fixture.h"
#include "compiler/syntax/syntax.h"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <malloc.h>
#include <new>
#include <string>

namespace {

struct Counters {
  bool on = false;
  std::size_t allocations = 0;
  long long live = 0; // bytes allocated since reset(), less those freed
  long long peak = 0;
};
Counters counters;

void* counted_new(std::size_t size) {
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) {
    throw std::bad_alloc();
  }
  if (counters.on) {
    ++counters.allocations;
    counters.live += static_cast<long long>(malloc_usable_size(p));
    counters.peak = std::max(counters.peak, counters.live);
  }
  return p;
}

void counted_delete(void* p) {
  if (p != nullptr && counters.on) {
    counters.live -= static_cast<long long>(malloc_usable_size(p));
  }
  std::free(p);
}

} // namespace

void* operator new(std::size_t size) {
  return counted_new(size);
}
void* operator new[](std::size_t size) {
  return counted_new(size);
}
void operator delete(void* p) noexcept {
  counted_delete(p);
}
void operator delete[](void* p) noexcept {
  counted_delete(p);
}
void operator delete(void* p, std::size_t) noexcept {
  counted_delete(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  counted_delete(p);
}

namespace ecl {
namespace {

struct Cost {
  double allocations = 0; // per item
  double peak_bytes = 0;  // per item
};

// `n` one-line `let`s, as in issue #20 and bench/run.py: `let v1f=1`.
std::string lets(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += fmt::format("let v{:x}=1\n", i);
  }
  return out;
}

// What `stage` costs per let on a program of `n` lets (the program text itself not counted).
template <typename Stage>
Cost per_let(std::size_t n, Stage stage) {
  std::string text = lets(n);
  counters = Counters{};
  counters.on = true;
  stage(text);
  counters.on = false;
  return {static_cast<double>(counters.allocations) / static_cast<double>(n),
          static_cast<double>(counters.peak) / static_cast<double>(n)};
}

void parse_only(const std::string& text) {
  SourceManager sources;
  FileId id = sources.add("lets.ecl", text);
  Diagnostics diags;
  ast::File file = syntax::parse_file(sources, id, diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_GT(file.lets.size(), 0u);
}

void check_all(const std::string& text) {
  test::Checked c = test::check_text(text);
  EXPECT_TRUE(c.clean()) << c.diagnostics();
}

// A `let` with a simple value is parsed without the ANTLR parser (see simple_assignment in
// compiler/syntax/syntax.cpp): its expression node is its one allocation, and the AST's vectors
// grow geometrically. Through the parser it was ten times that, in parse-tree nodes.
TEST(LimitsScaling, LetsParseWithoutParseTrees) {
  Cost cost = per_let(20000, parse_only);
  EXPECT_LE(cost.allocations, 1.1) << "allocations per let";
  // The token table (16 bytes a token, 6 tokens a line, reserved at one a byte) and the AST (a
  // Let and an Expr).
  EXPECT_LE(cost.peak_bytes, 500) << "bytes per let at the peak";
}

// Parsing and checking stay linear: four times the `let`s cost four times the allocations and the
// memory, within a margin for vectors and hash tables caught just after or before they grow.
TEST(LimitsScaling, LetsCheckLinearly) {
  Cost small = per_let(10000, check_all);
  Cost large = per_let(40000, check_all);
  EXPECT_LE(large.allocations, small.allocations * 1.1 + 0.5)
      << small.allocations << " allocations per let for 10,000";
  EXPECT_LE(large.peak_bytes, small.peak_bytes * 1.3)
      << small.peak_bytes << " bytes per let at the peak for 10,000";
  EXPECT_LE(large.peak_bytes, 600) << "bytes per let at the peak";
}

} // namespace
} // namespace ecl
