#include "bench/bench_input.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace ecl::bench {

std::string generate_program(std::size_t n, bool by_services) {
  // The generator's path is fixed at configure time; ECL_BENCH_GENERATOR in the environment
  // overrides it (a moved checkout).
  const char* env = std::getenv("ECL_BENCH_GENERATOR");
  std::string generator = env && *env ? env : ECL_BENCH_GENERATOR;
  std::string command = "python3 '" + generator + "' " +
                        (by_services ? "--services " : "--lines ") + std::to_string(n);
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) {
    std::fprintf(stderr, "bench: cannot run `%s`\n", command.c_str());
    std::exit(2);
  }
  std::string text;
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    text.append(buffer, got);
  }
  int status = ::pclose(pipe);
  if (status != 0 || text.empty()) {
    std::fprintf(stderr, "bench: `%s` failed (status %d)\n", command.c_str(), status);
    std::exit(2);
  }
  return text;
}

std::size_t count_lines(const std::string& text) {
  auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  return lines + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

std::string size_label(std::size_t n) {
  if (n >= 1000000 && n % 1000000 == 0) {
    return std::to_string(n / 1000000) + "M";
  }
  if (n >= 1000 && n % 1000 == 0) {
    return std::to_string(n / 1000) + "k";
  }
  return std::to_string(n);
}

} // namespace ecl::bench
