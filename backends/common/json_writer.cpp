#include "backends/common/json_writer.h"

#include <charconv>
#include <cstdio>

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

void append_string(std::string& out, std::string_view s) {
  const std::size_t mark = out.size();
  out += '"';
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // UTF-8 is copied as is, but invalid UTF-8 throws: leave both to nlohmann.
      out.resize(mark);
      nlohmann_dump(out, json(std::string(s)), -1, 0);
      return;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
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

template <typename Integer>
void append_integer(std::string& out, Integer i) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, i);
  out.append(buffer, end);
}

void newline_and_indent(std::string& out, unsigned width) {
  out += '\n';
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
        newline_and_indent(out, (level + 1) * static_cast<unsigned>(indent));
      }
      append_string(out, name);
      out += pretty ? ": " : ":";
      append_json(out, item, indent, level + 1);
    }
    if (pretty) {
      newline_and_indent(out, level * static_cast<unsigned>(indent));
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
        newline_and_indent(out, (level + 1) * static_cast<unsigned>(indent));
      }
      append_json(out, item, indent, level + 1);
    }
    if (pretty) {
      newline_and_indent(out, level * static_cast<unsigned>(indent));
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
  if (!empty_.back()) {
    out_ += ',';
  }
  empty_.back() = false;
  if (indent_ >= 0) {
    newline_and_indent(out_, static_cast<unsigned>(indent_) * depth());
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
    newline_and_indent(out_, static_cast<unsigned>(indent_) * depth());
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
  append_string(out_, name);
  out_ += indent_ >= 0 ? ": " : ":";
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
