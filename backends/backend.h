// The interface the backends implement. A backend reads only the checked model (never the AST or
// the parse tree) and produces one artifact; it may report E4xxx lowering diagnostics.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/model/model.h"

#include <string>
#include <string_view>

namespace ecl::backend {

class Backend {
public:
  virtual ~Backend() = default;
  // "cloudformation", "plan"
  virtual std::string_view name() const = 0;
  // Lowers an error-free program. Deterministic: the same program gives byte-identical output.
  // Returns false (with diagnostics) when the program cannot be lowered.
  virtual bool lower(const model::Program& program, Diagnostics& diags, std::string& output) = 0;
};

} // namespace ecl::backend
