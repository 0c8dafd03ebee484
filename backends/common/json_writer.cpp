#include "backends/common/json_writer.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>

namespace ecl::backend::common {

namespace {

// nlohmann's own serializer, appending to `out`: for what is rare in the backends' documents and
// must stay exactly as `dump` writes it (floating point numbers, non-ASCII strings, binary).
void nlohmann_dump(std::string& out, const json& v, int indent, unsigned level) {
  nlohmann::detail::serializer<json> s(nlohmann::detail::output_adapter<char, std::string>(out),
                                       ' ');
  bool pretty = indent >= 0;
  auto step = static_cast<unsigned>(pretty ? indent : 0);
  s.dump(v, pretty, /*ensure_ascii=*/false, step, level * step);
}

// How append_string treats each byte: copied as is, escaped, or (not ASCII) left to nlohmann.
enum CharClass : unsigned char { kPlain, kEscaped, kNonAscii };
constexpr std::array<unsigned char, 256> kCharClass = [] {
  std::array<unsigned char, 256> table{};
  for (std::size_t c = 0; c < table.size(); ++c) {
    table[c] = c >= 0x80 ? kNonAscii : c < 0x20 || c == '"' || c == '\\' ? kEscaped : kPlain;
  }
  return table;
}();

// Whether `s` is written between quotes as it is (most strings of a template are). Tested eight
// bytes at a time: a byte of 0x80 or more, below 0x20, '"' or '\\' sets the high bit of its lane in
// one of the terms below (the classic "has a byte less than n" / "has a zero byte" tests).
bool is_plain(std::string_view s) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHigh = 0x8080808080808080;
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    const std::uint64_t quote = x ^ (kOnes * '"');
    const std::uint64_t backslash = x ^ (kOnes * '\\');
    const std::uint64_t special = x | ((x - kOnes * 0x20) & ~x) | ((quote - kOnes) & ~quote) |
                                  ((backslash - kOnes) & ~backslash);
    if (special & kHigh) {
      return false;
    }
  }
  for (; n > 0; ++p, --n) {
    if (kCharClass[static_cast<unsigned char>(*p)] != kPlain) {
      return false;
    }
  }
  return true;
}

void append_escaped(std::string& out, std::string_view s) {
  const std::size_t mark = out.size();
  out += '"';
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (kCharClass[c] == kNonAscii) {
      // UTF-8 is copied as is, but invalid UTF-8 throws: leave both to nlohmann.
      out.resize(mark);
      nlohmann_dump(out, json(std::string(s)), -1, 0);
      return;
    }
    if (kCharClass[c] == kPlain) {
      continue;
    }
    out.append(s.data() + start, i - start);
    start = i + 1;
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default: {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    }
    }
  }
  out.append(s.data() + start, s.size() - start);
  out += '"';
}

void append_string(std::string& out, std::string_view s) {
  if (!is_plain(s)) {
    append_escaped(out, s);
    return;
  }
  out += '"';
  out.append(s);
  out += '"';
}

template <typename Integer>
void append_integer(std::string& out, Integer i) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, i);
  out.append(buffer, end);
}

// ",\n" and the spaces of an indent, appended in one piece: a template is mostly line breaks and
// indentation.
constexpr std::size_t kMaxIndent = 126;
constexpr std::array<char, 2 + kMaxIndent> kSeparator = [] {
  std::array<char, 2 + kMaxIndent> text{};
  text[0] = ',';
  text[1] = '\n';
  for (std::size_t i = 2; i < text.size(); ++i) {
    text[i] = ' ';
  }
  return text;
}();

// A line break and `width` spaces, after a comma when `comma`.
void new_line(std::string& out, unsigned width, bool comma = false) {
  const char* start = kSeparator.data() + (comma ? 0 : 1);
  if (width <= kMaxIndent) {
    out.append(start, (comma ? 2 : 1) + width);
    return;
  }
  out.append(start, comma ? 2 : 1);
  out.append(width, ' ');
}

} // namespace

void append_json(std::string& out, const json& v, int indent, unsigned level) {
  const bool pretty = indent >= 0;
  switch (v.type()) {
  case json::value_t::object: {
    const auto& object = v.get_ref<const json::object_t&>();
    if (object.empty()) {
      out += "{}";
      return;
    }
    out += '{';
    bool first = true;
    for (const auto& [name, item] : object) {
      if (!first) {
        out += ',';
      }
      first = false;
      if (pretty) {
        new_line(out, (level + 1) * static_cast<unsigned>(indent));
      }
      append_string(out, name);
      out += pretty ? ": " : ":";
      append_json(out, item, indent, level + 1);
    }
    if (pretty) {
      new_line(out, level * static_cast<unsigned>(indent));
    }
    out += '}';
    return;
  }
  case json::value_t::array: {
    const auto& array = v.get_ref<const json::array_t&>();
    if (array.empty()) {
      out += "[]";
      return;
    }
    out += '[';
    bool first = true;
    for (const json& item : array) {
      if (!first) {
        out += ',';
      }
      first = false;
      if (pretty) {
        new_line(out, (level + 1) * static_cast<unsigned>(indent));
      }
      append_json(out, item, indent, level + 1);
    }
    if (pretty) {
      new_line(out, level * static_cast<unsigned>(indent));
    }
    out += ']';
    return;
  }
  case json::value_t::string:
    append_string(out, v.get_ref<const std::string&>());
    return;
  case json::value_t::boolean:
    out += v.get<bool>() ? "true" : "false";
    return;
  case json::value_t::number_integer:
    append_integer(out, v.get<json::number_integer_t>());
    return;
  case json::value_t::number_unsigned:
    append_integer(out, v.get<json::number_unsigned_t>());
    return;
  case json::value_t::null:
    out += "null";
    return;
  case json::value_t::number_float:
  case json::value_t::binary:
  case json::value_t::discarded:
    nlohmann_dump(out, v, indent, level);
    return;
  }
}

std::string dump(const json& value, int indent) {
  std::string out;
  append_json(out, value, indent);
  return out;
}

// ---- JsonWriter --------------------------------------------------------------------------------

void JsonWriter::next_item() {
  if (empty_.empty()) {
    return; // the document's one value
  }
  const bool comma = !empty_.back();
  empty_.back() = false;
  if (indent_ >= 0) {
    new_line(out_, static_cast<unsigned>(indent_) * depth(), comma);
  } else if (comma) {
    out_ += ',';
  }
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false; // key() wrote the separator
    return;
  }
  next_item();
}

void JsonWriter::close(char bracket) {
  bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty && indent_ >= 0) {
    new_line(out_, static_cast<unsigned>(indent_) * depth());
  }
  out_ += bracket;
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  close('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  next_item();
  if (is_plain(name)) {
    out_ += '"';
    out_.append(name);
    out_.append(indent_ >= 0 ? "\": " : "\":");
  } else {
    append_escaped(out_, name);
    out_ += indent_ >= 0 ? ": " : ":";
  }
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(const json& v) {
  before_value();
  append_json(out_, v, indent_, depth());
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  append_string(out_, s);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t i) {
  before_value();
  append_integer(out_, i);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view text) {
  before_value();
  out_ += text;
  return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& strings) {
  begin_array();
  for (const std::string& s : strings) {
    value(s);
  }
  return end_array();
}

} // namespace ecl::backend::common
