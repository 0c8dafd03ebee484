// The syntax layer's front to Diagnostics (private to compiler/syntax): one report per position,
// and at most limits::kMaxErrorsPerFile reports per file before one E0017 ends the file's reports.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/syntax/limits.h"

#include <unordered_set>
#include <utility>

namespace ecl::syntax {

class ErrorSink {
public:
  explicit ErrorSink(Diagnostics& diags) : diags_(diags) {}

  // Reports `kind` at `range` unless an error was already reported at the same position or the
  // error budget is spent. Returns the new diagnostic (valid until the next report, for notes), or
  // nullptr when nothing was reported.
  template <typename... Args>
  Diagnostic* report(Diag kind, Range range, Args&&... args) {
    if (stopped_ || !positions_.insert(range.begin).second) {
      return nullptr;
    }
    if (count_ == limits::kMaxErrorsPerFile) {
      stopped_ = true;
      diags_.report(Diag::TooManyErrors, range, count_);
      return nullptr;
    }
    ++count_;
    return &diags_.report(kind, range, std::forward<Args>(args)...);
  }

  // Remembers what was reported so far: restart() takes back every later report (parse_file's
  // first stage, when it fails, is forgotten and the second reports everything anew).
  void mark() { mark_ = {diags_.items().size(), positions_, count_}; }
  void restart() {
    auto& items = diags_.items();
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(mark_.items), items.end());
    positions_ = mark_.positions;
    count_ = mark_.count;
    stopped_ = false;
  }

  // True once E0017 is reported: every later stage stops.
  bool stopped() const { return stopped_; }
  Diagnostics& diagnostics() { return diags_; }

private:
  Diagnostics& diags_;
  std::unordered_set<std::uint32_t> positions_;
  std::size_t count_ = 0;
  bool stopped_ = false;
  struct {
    std::size_t items = 0;
    std::unordered_set<std::uint32_t> positions;
    std::size_t count = 0;
  } mark_;
};

} // namespace ecl::syntax
