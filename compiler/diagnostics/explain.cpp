#include "compiler/diagnostics/explain.h"

#include <algorithm>
#include <cctype>

namespace ecl {

namespace {

constexpr Explanation kExplanations[] = {
#define ECL_EXPLAIN(code, text) Explanation{code, text},
#include "compiler/diagnostics/explanations.def"
#undef ECL_EXPLAIN
};

} // namespace

std::span<const Explanation> all_explanations() {
  return kExplanations;
}

std::string_view explanation(std::string_view code) {
  auto same = [&](const Explanation& e) {
    return std::equal(e.code.begin(), e.code.end(), code.begin(), code.end(), [](char a, char b) {
      return std::toupper(static_cast<unsigned char>(a)) ==
             std::toupper(static_cast<unsigned char>(b));
    });
  };
  auto it = std::find_if(std::begin(kExplanations), std::end(kExplanations), same);
  return it == std::end(kExplanations) ? std::string_view() : it->text;
}

} // namespace ecl
