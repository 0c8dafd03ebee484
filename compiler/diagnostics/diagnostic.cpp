#include "compiler/diagnostics/diagnostic.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace ecl {
namespace {

constexpr std::array kKinds = {
#define ECL_DIAG(name, code, severity, format, summary)                                            \
  DiagInfo{Diag::name, #name, code, Severity::severity, format, summary},
#include "compiler/diagnostics/diagnostic_kinds.def"
#undef ECL_DIAG
};

// Optimal string alignment distance: Levenshtein plus adjacent transpositions (`evn` -> `env`
// is one edit), the commonest typo.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    d[0][j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

template <typename S>
std::string nearest_impl(std::string_view word, std::span<const S> candidates) {
  // Close enough to be a typo: HCL's rule of thumb (distance under 3), tightened for short words.
  std::size_t limit = std::min<std::size_t>(2, std::max<std::size_t>(1, word.size() / 3));
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    std::string_view candidate(c);
    std::size_t d = edit_distance(word, candidate);
    if (d < best_distance && d > 0) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

} // namespace

const DiagInfo& info(Diag kind) {
  return kKinds[static_cast<std::size_t>(kind)];
}

std::span<const DiagInfo> all_diagnostic_kinds() {
  return kKinds;
}

std::string_view severity_name(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

Diagnostic& Diagnostics::add(Diagnostic d) {
  items_.push_back(std::move(d));
  return items_.back();
}

void Diagnostics::append(Diagnostics&& other) {
  for (auto& d : other.items_) {
    items_.push_back(std::move(d));
  }
  other.items_.clear();
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const auto& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warning_count() const {
  return items_.size() - error_count();
}

void Diagnostics::promote_warnings() {
  for (auto& d : items_) {
    d.severity = Severity::Error;
  }
}

void Diagnostics::sort() {
  auto key = [](const Diagnostic& d) {
    return std::tuple(d.range.file, d.range.begin, d.range.end, d.code(), d.message);
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&](const auto& a, const auto& b) { return key(a) < key(b); });
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [&](const auto& a, const auto& b) { return key(a) == key(b); }),
               items_.end());
}

std::string nearest(std::string_view word, std::span<const std::string> candidates) {
  return nearest_impl(word, candidates);
}

std::string nearest(std::string_view word, std::span<const std::string_view> candidates) {
  return nearest_impl(word, candidates);
}

std::string did_you_mean(std::string_view suggestion) {
  return suggestion.empty() ? std::string() : fmt::format("; did you mean `{}`?", suggestion);
}

} // namespace ecl
