// The long explanation of each diagnostic code (explanations.def): `eclc explain CODE` and
// docs/diagnostics.md read it.
#pragma once

#include <span>
#include <string_view>

namespace ecl {

struct Explanation {
  std::string_view code;
  std::string_view text; // paragraphs separated by '\n'
};

// Every explanation, in the table's order.
std::span<const Explanation> all_explanations();
// The explanation of `code` (`E3002`, any letter case), or "" when the code has none.
std::string_view explanation(std::string_view code);

} // namespace ecl
