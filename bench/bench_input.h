// Inputs of the benchmarks: programs made by bench/generate.py, so every benchmark measures the
// same program shape as bench/run.py and docs/performance.md.
#pragma once

#include <cstddef>
#include <string>

namespace ecl::bench {

// The text of a generated program: `generate.py --lines N` (by_services false) or `--services N`.
// Exits the process with a message when the generator cannot be run: a benchmark without its
// input has nothing honest to report.
std::string generate_program(std::size_t n, bool by_services);

// Number of lines of `text` (line breaks, plus one for a last line without one).
std::size_t count_lines(const std::string& text);

// "1k", "10k", "1M", "500": a size for benchmark names.
std::string size_label(std::size_t n);

} // namespace ecl::bench
