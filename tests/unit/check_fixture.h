// Checks ECL text in memory and gives access to the model and the rendered diagnostics.
#pragma once

#include "compiler/diagnostics/render.h"
#include "compiler/driver/driver.h"

#include <string>
#include <vector>

namespace ecl::test {

struct Checked {
  driver::Compilation compilation;

  std::string diagnostics() const { return render_text(compilation.diags, compilation.sources); }
  bool clean() const { return compilation.diags.empty(); }
  const model::Block* block(std::string_view path) const {
    return compilation.program ? compilation.program->find(path) : nullptr;
  }
  const model::Value* value(std::string_view path, std::string_view attr) const {
    const model::Block* b = block(path);
    return b ? b->get(attr) : nullptr;
  }
  // Codes of all diagnostics, in order: "E2004 W0001".
  std::string codes() const {
    std::string out;
    for (const auto& d : compilation.diags.items()) {
      out += (out.empty() ? "" : " ") + std::string(d.code());
    }
    return out;
  }
};

inline Checked check_text(const std::string& text, std::vector<check::ParamOverride> params = {}) {
  Checked out;
  FileId id = out.compilation.sources.add("test.ecl", text);
  check::Options options;
  options.params = std::move(params);
  driver::compile_sources(out.compilation, {id}, options);
  return out;
}

} // namespace ecl::test
