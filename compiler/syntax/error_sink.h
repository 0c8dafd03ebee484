// The syntax layer's front to Diagnostics (private to compiler/syntax): one report per position,
// and at most limits::kMaxErrorsPerFile reports per file before one E0017 ends the file's reports.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/syntax/limits.h"

#include <unordered_set>
#include <utility>
#include <vector>

namespace ecl::syntax {

class ErrorSink {
public:
  ErrorSink(Diagnostics& diags, FileId file) : diags_(diags), file_(file) {}

  FileId file() const { return file_; }

  // Reports `kind` at `range` unless an error was already reported at the same position or the
  // error budget is spent. Returns the new diagnostic (valid until the next report, for notes), or
  // nullptr when nothing was reported.
  template <typename... Args>
  Diagnostic* report(Diag kind, Range range, Args&&... args) {
    if (stopped_ || !positions_.insert(range.begin).second) {
      return nullptr;
    }
    if (tentative_) {
      inserted_.push_back(range.begin);
    }
    if (count_ == limits::kMaxErrorsPerFile) {
      stopped_ = true;
      diags_.report(Diag::TooManyErrors, range, count_);
      return nullptr;
    }
    ++count_;
    return &diags_.report(kind, range, std::forward<Args>(args)...);
  }

  // Tentative reports: parse_file's chunked fast path transforms items while it parses, and when
  // the parse then fails it parses the whole file again, reporting everything anew. Between
  // begin_tentative() and rollback() every report is undone (diagnostics, positions, budget), so
  // the file's diagnostics are exactly those of the second parse; commit() keeps them.
  void begin_tentative() {
    tentative_ = true;
    inserted_.clear();
    saved_ = {diags_.items().size(), count_, stopped_};
  }
  void commit() {
    tentative_ = false;
    inserted_.clear();
  }
  void rollback() {
    auto& items = diags_.items();
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(saved_.diagnostics), items.end());
    count_ = saved_.count;
    stopped_ = saved_.stopped;
    for (std::uint32_t position : inserted_) {
      positions_.erase(position);
    }
    commit();
  }

  // True once E0017 is reported: every later stage stops.
  bool stopped() const { return stopped_; }
  std::size_t count() const { return count_; }

private:
  Diagnostics& diags_;
  FileId file_;
  std::unordered_set<std::uint32_t> positions_;
  std::size_t count_ = 0;
  bool stopped_ = false;

  struct Saved {
    std::size_t diagnostics = 0;
    std::size_t count = 0;
    bool stopped = false;
  };
  bool tentative_ = false;
  Saved saved_;
  std::vector<std::uint32_t> inserted_; // positions first reported since begin_tentative()
};

} // namespace ecl::syntax
