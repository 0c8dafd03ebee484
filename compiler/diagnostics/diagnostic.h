// Diagnostics are values returned with results, never thrown. Each has a kind from the one table
// (diagnostic_kinds.def), a tight primary range, a message, and notes at other places.
#pragma once

#include "compiler/diagnostics/source.h"

#include <fmt/format.h>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ecl {

enum class Severity { Error, Warning };

enum class Diag : std::uint16_t {
#define ECL_DIAG(name, code, severity, format, summary) name,
#include "compiler/diagnostics/diagnostic_kinds.def"
#undef ECL_DIAG
};

struct DiagInfo {
  Diag kind;
  std::string_view name;
  std::string_view code;
  Severity severity;
  std::string_view format;
  std::string_view summary;
};

const DiagInfo& info(Diag kind);
std::span<const DiagInfo> all_diagnostic_kinds();
std::string_view severity_name(Severity severity);

// A labelled place other than the primary range: "vpc `main` is declared here".
struct Note {
  Range range;
  std::string message;
};

// A suggested edit that resolves a diagnostic: replace `range` (empty: insert there) with `text`.
// The editor offers it as a quick fix titled `title` ("replace with `zone`").
struct Fix {
  Range range;
  std::string text;
  std::string title;
};

struct Diagnostic {
  Diag kind;
  Severity severity;
  Range range;
  std::string message;
  std::vector<Note> notes;
  std::vector<Fix> fixes;

  std::string_view code() const { return info(kind).code; }
  Diagnostic& note(Range where, std::string message_text) {
    notes.push_back({where, std::move(message_text)});
    return *this;
  }
  // Offers `replacement` for `where`; nothing when `replacement` is empty (no suggestion).
  Diagnostic& fix(Range where, std::string replacement, std::string title = {}) {
    if (!replacement.empty() && where.valid()) {
      if (title.empty()) {
        title = fmt::format("replace with `{}`", replacement);
      }
      fixes.push_back({where, std::move(replacement), std::move(title)});
    }
    return *this;
  }
};

// Collects diagnostics in report order; sort() makes the order deterministic for output.
class Diagnostics {
public:
  // Formats the kind's message with `args` (fmt syntax) and records it.
  template <typename... Args>
  Diagnostic& report(Diag kind, Range range, Args&&... args) {
    const DiagInfo& i = info(kind);
    return add({kind,
                i.severity,
                range,
                fmt::vformat(fmt::string_view(i.format.data(), i.format.size()),
                             fmt::make_format_args(args...)),
                {},
                {}});
  }
  Diagnostic& add(Diagnostic d);
  void append(Diagnostics&& other);

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  // Turns every warning into an error (`--werror`).
  void promote_warnings();
  // Orders by file, position, then code; removes exact duplicates.
  void sort();

  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  bool empty() const { return items_.empty(); }

private:
  std::vector<Diagnostic> items_;
};

// The nearest of `candidates` to `word` by edit distance (at most 2, or a third of the word), or
// "" when none is close: the did-you-mean helper for kinds, attributes, enum members and names.
std::string nearest(std::string_view word, std::span<const std::string> candidates);
std::string nearest(std::string_view word, std::span<const std::string_view> candidates);
// "; did you mean `x`?" or "" — the suffix used in messages.
std::string did_you_mean(std::string_view suggestion);

} // namespace ecl
