#include "compiler/diagnostics/render.h"

#include "compiler/diagnostics/explain.h"
#include "compiler/diagnostics/utf8.h"

#include <fmt/format.h>

namespace ecl {
namespace {

std::string location(const SourceManager& sources, const Range& range) {
  if (!range.valid()) {
    return "eclc";
  }
  const SourceFile& file = sources.file(range.file);
  LineCol pos = file.position(range.begin);
  return fmt::format("{}:{}:{}", file.path(), pos.line, pos.column);
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) {
    n += (c & 0xC0) != 0x80;
  }
  return n;
}

// How much of a long line an excerpt shows, in code points: the caret's column starts at most
// kLead into the window. A line can be megabytes long (generated or hostile input), and every
// diagnostic on it would print all of it. Lines of ordinary code fit whole.
constexpr std::size_t kWindow = 160;
constexpr std::size_t kLead = 60;

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// The byte offset in `line` where code point `n` starts (line.size() when it has fewer).
std::size_t byte_of(std::string_view line, std::size_t n) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (!is_continuation(static_cast<unsigned char>(line[i])) && points++ == n) {
      return i;
    }
  }
  return line.size();
}

// The source line around the range (tabs and control characters shown as one space so carets
// line up, invalid UTF-8 as U+FFFD, at most kWindow code points) and the caret line below it.
void render_excerpt(std::string& out, const SourceManager& sources, const Range& range,
                    const TextStyle& style) {
  if (!range.valid()) {
    return;
  }
  const SourceFile& file = sources.file(range.file);
  if (file.text().empty()) {
    return;
  }
  LineCol start = file.position(range.begin);
  std::string_view line = file.line_text(start.line);
  std::uint32_t line_start = file.offset_of({start.line, 1});
  std::uint32_t line_end = line_start + static_cast<std::uint32_t>(line.size());
  std::uint32_t end = std::min(std::max(range.end, range.begin + 1), line_end + 1);
  std::size_t before = start.column - 1;
  std::size_t width = std::max<std::size_t>(
      1, code_points(file.text().substr(range.begin, end > range.begin ? end - range.begin : 0)));
  // A line longer than the window is shown from kLead code points before the caret (or so that
  // the window ends with the line), kWindow code points long.
  const std::size_t length = line.size() <= kWindow ? line.size() : code_points(line);
  std::size_t skip =
      length <= kWindow || before <= kLead ? 0 : std::min(before - kLead, length - kWindow);
  std::size_t from = byte_of(line, skip);
  std::size_t to = from + byte_of(line.substr(from), kWindow);
  std::string shown = skip ? "…" : "";
  for (char c : replace_invalid_utf8(line.substr(from, to - from))) {
    unsigned char u = static_cast<unsigned char>(c);
    // Control characters would garble a terminal; show them as spaces.
    shown.push_back(c == '\t' || (u < 0x20) || u == 0x7f ? ' ' : c);
  }
  if (to < line.size()) {
    shown += "…";
  }
  // Carets under the window only; the `…` shown before it takes one column.
  width = std::min(width, std::max<std::size_t>(1, kWindow - std::min(kWindow, before - skip)));
  before = before - skip + (skip ? 1 : 0);
  std::string gutter = fmt::format("{:>5}", start.line);
  out += fmt::format("{} | {}\n", gutter, shown);
  std::string carets(width, '^');
  if (style.color) {
    carets = "\x1b[1;31m" + carets + "\x1b[0m";
  }
  out +=
      fmt::format("{} | {}{}\n", std::string(gutter.size(), ' '), std::string(before, ' '), carets);
}

nlohmann::ordered_json position_json(const SourceFile& file, std::uint32_t offset) {
  LineCol pos = file.position(offset);
  return {{"line", pos.line}, {"column", pos.column}};
}

nlohmann::ordered_json range_json(const SourceManager& sources, const Range& range) {
  nlohmann::ordered_json j;
  if (!range.valid()) {
    j["file"] = nullptr;
    return j;
  }
  const SourceFile& file = sources.file(range.file);
  // A path is whatever bytes the file system holds; JSON needs UTF-8.
  j["file"] = replace_invalid_utf8(file.path());
  j["range"] = {{"start", position_json(file, range.begin)},
                {"end", position_json(file, std::max(range.end, range.begin))}};
  return j;
}

} // namespace

std::string render_text(const Diagnostics& diags, const SourceManager& sources, TextStyle style) {
  std::string out;
  for (const Diagnostic& d : diags.items()) {
    std::string severity(severity_name(d.severity));
    if (style.color) {
      severity =
          (d.severity == Severity::Error ? "\x1b[1;31m" : "\x1b[1;33m") + severity + "\x1b[0m";
    }
    out +=
        fmt::format("{}: {}[{}]: {}\n", location(sources, d.range), severity, d.code(), d.message);
    render_excerpt(out, sources, d.range, style);
    for (const Note& n : d.notes) {
      if (n.range.valid()) {
        out += fmt::format("note: {}: {}\n", n.message, location(sources, n.range));
      } else {
        out += fmt::format("note: {}\n", n.message);
      }
    }
  }
  return out;
}

nlohmann::ordered_json render_json(const Diagnostics& diags, const SourceManager& sources) {
  auto all = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diags.items()) {
    nlohmann::ordered_json j = range_json(sources, d.range);
    j["severity"] = severity_name(d.severity);
    j["code"] = d.code();
    // Messages quote paths and source text; a cut-off quote must not make the output unwritable.
    j["message"] = replace_invalid_utf8(d.message);
    auto notes = nlohmann::ordered_json::array();
    for (const Note& n : d.notes) {
      nlohmann::ordered_json note = range_json(sources, n.range);
      note["message"] = replace_invalid_utf8(n.message);
      notes.push_back(std::move(note));
    }
    j["notes"] = std::move(notes);
    all.push_back(std::move(j));
  }
  return all;
}

namespace {

// A path as a SARIF URI: relative paths stay relative (to the working directory), absolute ones
// become `file://`; bytes other than unreserved characters and `/` are percent-encoded.
std::string path_uri(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

nlohmann::ordered_json sarif_location(const SourceManager& sources, const Range& range,
                                      const std::string& message) {
  const SourceFile& file = sources.file(range.file);
  LineCol start = file.position(range.begin);
  LineCol end = file.position(std::max(range.end, range.begin));
  nlohmann::ordered_json region = {{"startLine", start.line},
                                   {"startColumn", start.column},
                                   {"endLine", end.line},
                                   {"endColumn", end.column}};
  nlohmann::ordered_json location = {
      {"physicalLocation",
       {{"artifactLocation", {{"uri", path_uri(file.path())}}}, {"region", std::move(region)}}}};
  if (!message.empty()) {
    location["message"] = {{"text", replace_invalid_utf8(message)}};
  }
  return location;
}

} // namespace

nlohmann::ordered_json render_sarif(const Diagnostics& diags, const SourceManager& sources,
                                    std::string_view version) {
  using json = nlohmann::ordered_json;
  json rules = json::array();
  for (const DiagInfo& d : all_diagnostic_kinds()) {
    rules.push_back({{"id", d.code},
                     {"name", d.name},
                     {"shortDescription", {{"text", d.summary}}},
                     {"fullDescription", {{"text", explanation(d.code)}}},
                     {"help", {{"text", fmt::format("eclc explain {}", d.code)}}},
                     {"defaultConfiguration",
                      {{"level", d.severity == Severity::Error ? "error" : "warning"}}}});
  }
  json results = json::array();
  for (const Diagnostic& d : diags.items()) {
    json r = {{"ruleId", d.code()},
              {"ruleIndex", static_cast<std::size_t>(d.kind)},
              {"level", d.severity == Severity::Error ? "error" : "warning"},
              {"message", {{"text", replace_invalid_utf8(d.message)}}}};
    if (d.range.valid()) {
      r["locations"] = json::array({sarif_location(sources, d.range, "")});
    }
    json related = json::array();
    for (const Note& n : d.notes) {
      if (n.range.valid()) {
        json location = sarif_location(sources, n.range, n.message);
        location["id"] = related.size();
        related.push_back(std::move(location));
      }
    }
    if (!related.empty()) {
      r["relatedLocations"] = std::move(related);
    }
    results.push_back(std::move(r));
  }
  json driver = {{"name", "eclc"}, {"version", version}, {"rules", std::move(rules)}};
  return {{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                      "sarif-schema-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", json::array({{{"tool", {{"driver", std::move(driver)}}},
                                 {"columnKind", "unicodeCodePoints"},
                                 {"results", std::move(results)}}})}};
}

} // namespace ecl
