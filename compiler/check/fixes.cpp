#include "compiler/check/fixes.h"

#include <algorithm>
#include <cctype>

namespace ecl::check {

namespace {

// `name = value` padded so that its `=` lines up with the `=` of `previous`, the line before it, as
// eclc fmt aligns a run of attributes: when `previous` is an attribute at the same indentation
// whose `=` stands further right. Otherwise `item` as it is.
std::string aligned(std::string_view item, std::string_view previous, std::size_t indent) {
  auto is_name = [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_';
  };
  std::size_t name = 0;
  while (name < item.size() && is_name(item[name])) {
    ++name;
  }
  std::size_t key = indent;
  while (key < previous.size() && is_name(previous[key])) {
    ++key;
  }
  if (name == 0 || !item.substr(name).starts_with(" = ") || previous.size() <= indent ||
      previous.find_first_not_of(' ') != indent || key == indent) {
    return std::string(item);
  }
  std::size_t equals = previous.find_first_not_of(' ', key);
  if (equals == std::string_view::npos || previous[equals] != '=' || equals - indent <= name + 1) {
    return std::string(item);
  }
  return fmt::format("{}{}{}", item.substr(0, name), std::string(equals - indent - name, ' '),
                     item.substr(name + 1));
}

} // namespace

void fix_add_item(Diagnostic& diagnostic, const SourceManager& sources, Range block,
                  std::string_view item, std::string title) {
  if (!block.valid() || block.end <= block.begin) {
    return;
  }
  const std::string& text = sources.file(block.file).text();
  if (block.end > text.size() || text[block.end - 1] != '}') {
    return; // a block the parser repaired: no brace to insert before
  }
  std::uint32_t brace = block.end - 1;
  std::uint32_t line_start = brace;
  while (line_start > 0 && text[line_start - 1] != '\n' && text[line_start - 1] != '\r') {
    --line_start;
  }
  bool own_line = text.find_first_not_of(" \t", line_start) == brace;
  // The block's indentation: the white space before its kind keyword, on the keyword's line.
  std::uint32_t head = block.begin;
  while (head > 0 && text[head - 1] != '\n' && text[head - 1] != '\r') {
    --head;
  }
  std::string indent = text.substr(head, text.find_first_not_of(" \t", head) - head);
  // Every line of the item, one level deeper than the block.
  std::string lines;
  for (std::size_t at = 0; at < item.size();) {
    std::size_t end = std::min(item.find('\n', at), item.size());
    lines += fmt::format("{}  {}\n", indent, item.substr(at, end - at));
    at = end + 1;
  }
  if (own_line && line_start > block.begin) {
    if (item.find('\n') == std::string_view::npos) {
      // One line after the line before the brace's: aligned with it, as eclc fmt would.
      std::uint32_t last_end = line_start - 1; // the line break (`\n`, `\r` or `\r\n`) before
      if (last_end > 0 && text[last_end] == '\n' && text[last_end - 1] == '\r') {
        --last_end;
      }
      std::uint32_t last_begin = last_end;
      while (last_begin > 0 && text[last_begin - 1] != '\n' && text[last_begin - 1] != '\r') {
        --last_begin;
      }
      std::string_view last(text.data() + last_begin, last_end - last_begin);
      lines = fmt::format("{}  {}\n", indent, aligned(item, last, indent.size() + 2));
    }
    diagnostic.fix(Range{block.file, line_start, line_start}, std::move(lines), std::move(title));
    return;
  }
  std::uint32_t space = brace; // the white space before the brace, replaced
  while (space > block.begin && (text[space - 1] == ' ' || text[space - 1] == '\t')) {
    --space;
  }
  if (item.find('\n') != std::string_view::npos) {
    // Several lines into `{ … }` on one line: the brace moves to a line of its own.
    diagnostic.fix(Range{block.file, space, brace}, fmt::format("\n{}{}", lines, indent),
                   std::move(title));
    return;
  }
  bool spaced = space < brace;
  diagnostic.fix(Range{block.file, brace, brace}, fmt::format("{}{} ", spaced ? "" : " ", item),
                 std::move(title));
}

std::string default_route_item(std::string_view target) {
  // In eclc fmt's layout: a block on lines of its own, its `=` aligned.
  return fmt::format("route {{\n  destination = \"0.0.0.0/0\"\n  target      = {}\n}}", target);
}

std::string placeholder(const schema::Type& type) {
  using schema::TypeKind;
  switch (type.kind) {
  case TypeKind::String:
  case TypeKind::Cidr:
    return "\"\"";
  case TypeKind::Int:
  case TypeKind::Number:
    return "0";
  case TypeKind::Bool:
    return "false";
  case TypeKind::Memory:
    return "512MiB";
  case TypeKind::Cpu:
    return "0.25vcpu";
  case TypeKind::Duration:
    return "30s";
  case TypeKind::Port:
    return "80";
  case TypeKind::Enum:
    return type.members.empty() ? "" : std::string(type.members.front());
  case TypeKind::Ref:
    return "";
  case TypeKind::List:
    return "[]";
  case TypeKind::Map:
  case TypeKind::Object:
    return "{}";
  case TypeKind::OneOf:
    return type.alternatives.empty() ? "" : placeholder(*type.alternatives.front());
  }
  return "";
}

} // namespace ecl::check
