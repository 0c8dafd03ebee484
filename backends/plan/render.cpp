// The plan for people: one line a step, in the manner of `terraform plan`, and the dependency
// graph in Graphviz dot.
#include "backends/plan/plan.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::backend::plan {

namespace {

// ANSI SGR codes (only on a terminal).
constexpr const char* kGreen = "\x1b[32m";
constexpr const char* kCyan = "\x1b[36m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";

std::string dot_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string dot_string(std::string_view text) {
  return "\"" + dot_escape(text) + "\"";
}

// A summary is read by people: a literal `${` of the program, which the plan's requests write
// `$${` for apply's placeholders (a rule's path pattern), is shown as the program wrote it.
std::string as_written(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text.compare(i, 3, "$${") == 0) {
      ++i; // the second `$`
    }
  }
  return out;
}

} // namespace

std::string render_text(const Plan& plan, bool color) {
  auto paint = [&](const char* code, std::string_view text) {
    return color ? fmt::format("{}{}{}", code, text, kReset) : std::string(text);
  };
  std::size_t call_width = 0, id_width = 0, creates = 0, reads = 0;
  for (const Step& s : plan.steps) {
    call_width = std::max(call_width, s.service.size() + 1 + s.operation.size());
    id_width = std::max(id_width, s.id.size());
    (s.read ? reads : creates)++;
  }
  std::string out;
  out += fmt::format("eclc will make these AWS API calls{} in {}:\n",
                     plan.stack.empty() ? "" : fmt::format(" for stack `{}`", plan.stack),
                     plan.region);
  out += fmt::format("  {} create{}\n\n", paint(kGreen, "+"),
                     reads ? fmt::format("   {} read", paint(kCyan, "<=")) : "");
  for (const Step& s : plan.steps) {
    std::string symbol = s.read ? paint(kCyan, "<=") : paint(kGreen, "+ ");
    std::string call = fmt::format("{}:{}", s.service, s.operation);
    std::string line = fmt::format("  {} {}{}  {}{}", symbol, paint(kBold, call),
                                   std::string(call_width - call.size(), ' '), s.id,
                                   std::string(id_width - s.id.size(), ' '));
    if (!s.summary.empty()) {
      line += "  " + paint(kDim, as_written(s.summary));
    }
    out += line.erase(line.find_last_not_of(' ') + 1) + "\n";
  }
  out += fmt::format("\n{} {} to create{}.\n", paint(kBold, "Calls:"), creates,
                     reads ? fmt::format(", {} to read", reads) : "");
  return out;
}

std::string render_dot(const Plan& plan) {
  std::string out = "// The API calls of the plan and what each waits for: `dot -Tsvg`.\n";
  out += "digraph plan {\n";
  out += "  rankdir=LR;\n";
  out += "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n";
  for (const Step& s : plan.steps) {
    // Two lines: the call and the step.
    std::string label = fmt::format("\"{}:{}\\n{}\"", s.service, s.operation, dot_escape(s.id));
    out += fmt::format("  {} [label={}{}];\n", dot_string(s.id), label,
                       s.read ? ", style=\"rounded,dashed\"" : "");
  }
  for (const Step& s : plan.steps) {
    for (const std::string& d : s.depends_on) {
      out += fmt::format("  {} -> {};\n", dot_string(d), dot_string(s.id));
    }
  }
  out += "}\n";
  return out;
}

} // namespace ecl::backend::plan
