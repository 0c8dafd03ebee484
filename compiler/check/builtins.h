// The built-in functions: cidrsubnet, cidrhost, length, concat, join, lower, upper, min, max,
// availability_zones.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/model/value.h"

#include <span>
#include <string_view>
#include <vector>

namespace ecl::check {

struct BuiltinCall {
  std::string_view name;
  Range name_range;
  Range range;                     // the whole call
  std::vector<model::Value>& args; // folded, known at compile time, none null
  Diagnostics& diags;
};

struct Builtin {
  std::string_view name;
  std::string_view signature; // "cidrsubnet(prefix: cidr, newbits: int, netnum: int) -> cidr"
  std::string_view doc;
  model::Value (*run)(BuiltinCall& call);
};

std::span<const Builtin> builtins();

// A null value at `range`: what an expression or a call that cannot be folded evaluates to.
inline model::Value null_at(Range range) {
  return model::Value{model::Null{}, range};
}
const Builtin* find_builtin(std::string_view name);
std::vector<std::string_view> builtin_names();

} // namespace ecl::check
