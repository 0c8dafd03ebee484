#include "backends/common/json_writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>

namespace ecl::backend::common {

namespace {

// How each byte is written: as it is (kPlain), escaped as a backslash and the letter here (`n` for
// a line feed, `u` for `\u00xx`), or (not ASCII) left to nlohmann.
constexpr char kPlain = 0;
constexpr char kNonAscii = 1;
constexpr std::array<char, 256> kEscape = [] {
  std::array<char, 256> table{};
  for (std::size_t c = 0; c < table.size(); ++c) {
    table[c] = c >= 0x80 ? kNonAscii : c < 0x20 ? 'u' : kPlain;
  }
  // Each escape: the byte, then the letter that follows the backslash.
  for (std::string_view escape : {"\"\"", "\\\\", "\bb", "\ff", "\nn", "\rr", "\tt"}) {
    table[static_cast<unsigned char>(escape[0])] = escape[1];
  }
  return table;
}();

// Whether one of the eight bytes of `x` is not written as it is: a byte of 0x80 or more, below
// 0x20, '"' or '\\' sets the high bit of its lane in one of the terms below (the classic "has a
// byte less than n" / "has a zero byte" tests).
[[gnu::always_inline]] inline bool is_special(std::uint64_t x) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHigh = 0x8080808080808080;
  const std::uint64_t quote = x ^ (kOnes * '"');
  const std::uint64_t backslash = x ^ (kOnes * '\\');
  const std::uint64_t special = x | ((x - kOnes * 0x20) & ~x) | ((quote - kOnes) & ~quote) |
                                ((backslash - kOnes) & ~backslash);
  return (special & kHigh) != 0;
}

std::uint64_t load8(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

std::uint64_t load4(const char* p) {
  std::uint32_t x;
  std::memcpy(&x, p, 4);
  return x;
}

// Whether `s` is written between quotes as it is (most strings of a template are). Inlined: it
// runs for most keys and values, mostly on a few bytes.
[[gnu::always_inline]] inline bool is_plain(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  // Short strings (most keys) in one or two overlapping loads rather than byte by byte: the
  // bytes tested twice do not change the answer.
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (is_special(load8(p + i))) {
        return false;
      }
    }
    return !is_special(load8(p + n - 8));
  }
  if (n >= 4) {
    return !is_special(load4(p) | load4(p + n - 4) << 32);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (kEscape[static_cast<unsigned char>(p[i])] != kPlain) {
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
    const auto c = static_cast<unsigned char>(s[i]);
    if (kEscape[c] == kNonAscii) {
      // UTF-8 is copied as is, but invalid UTF-8 throws: leave both to nlohmann.
      out.resize(mark);
      out += json(std::string(s)).dump(); // nlohmann's own escaping, and its error on invalid UTF-8
      return;
    }
    if (kEscape[c] == kPlain) {
      continue;
    }
    out.append(s.data() + start, i - start);
    start = i + 1;
    if (kEscape[c] == 'u') {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      out += buffer;
    } else {
      out += '\\';
      out += kEscape[c];
    }
  }
  out.append(s.data() + start, s.size() - start);
  out += '"';
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

} // namespace

// ---- JsonWriter --------------------------------------------------------------------------------

void JsonWriter::grow(std::size_t n) {
  // Grown by doubling, and zero-filled (resize) only a chunk at a time: after a flush (before an
  // nlohmann value, say) the room is filled again, and that should not cost the whole capacity.
  constexpr std::size_t kChunk = 16 * 1024;
  if (!open_) {
    pos_ = out_.size(); // after a flush: `out` may have grown since
    open_ = true;
  }
  const std::size_t need = pos_ + n;
  if (need > out_.capacity()) {
    out_.reserve(std::max(need, 2 * out_.capacity()));
  }
  out_.resize(std::max(need, std::min(out_.capacity(), pos_ + kChunk)));
}

void JsonWriter::put(std::string_view s) {
  std::memcpy(room(s.size()), s.data(), s.size());
  pos_ += s.size();
}

// Most lines are indented by less than 30: their separator is written as a fixed 32 bytes (past
// the line's end, into room that the next piece overwrites), a few moves instead of a memcpy call.
constexpr std::size_t kShort = 32;
static_assert(kSeparator.size() >= kShort + 1);

void JsonWriter::new_line(unsigned width, bool comma) {
  const char* start = kSeparator.data() + (comma ? 0 : 1);
  const std::size_t length = (comma ? 2 : 1) + width;
  if (width > kMaxIndent) {
    put(std::string_view(start, comma ? 2 : 1));
    std::memset(room(width), ' ', width);
    pos_ += width;
    return;
  }
  char* p = room(std::max(length, kShort));
  if (length <= kShort) {
    std::memcpy(p, start, kShort);
  } else {
    std::memcpy(p, start, length);
  }
  pos_ += length;
}

void JsonWriter::put_string(std::string_view s) {
  if (!is_plain(s)) {
    flush();
    append_escaped(out_, s);
    pos_ = out_.size();
    return;
  }
  char* p = room(s.size() + 2);
  p[0] = '"';
  std::memcpy(p + 1, s.data(), s.size());
  p[s.size() + 1] = '"';
  pos_ += s.size() + 2;
}

void JsonWriter::next_item() {
  if (empty_.empty()) {
    return; // the document's one value
  }
  const bool comma = !empty_.back();
  empty_.back() = false;
  if (indent_ >= 0) {
    new_line(static_cast<unsigned>(indent_) * depth(), comma);
  } else if (comma) {
    put(',');
  }
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false; // key() wrote the separator
    return;
  }
  next_item();
}

JsonWriter& JsonWriter::close(char bracket) {
  bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty && indent_ >= 0) {
    const unsigned width = static_cast<unsigned>(indent_) * depth();
    if (width < kShort) { // the line break, its indent and the bracket at once
      char* p = room(kShort + 1);
      std::memcpy(p, kSeparator.data() + 1, kShort);
      p[1 + width] = bracket;
      pos_ += 2 + width;
      after_value();
      return *this;
    }
    new_line(width, false);
  }
  put(bracket);
  after_value();
  return *this;
}

JsonWriter& JsonWriter::open(char bracket) {
  before_value();
  put(bracket);
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  const std::size_t n = name.size();
  if (indent_ >= 0 && !empty_.empty() && is_plain(name)) {
    // A member of an indented object, the bulk of a template: separator, indent, key and ": " at
    // once.
    const bool comma = !empty_.back();
    empty_.back() = false;
    const unsigned width = static_cast<unsigned>(indent_) * depth();
    if (width + 2 <= kShort) {
      char* p = room(kShort + n + 4);
      std::memcpy(p, kSeparator.data() + (comma ? 0 : 1), kShort);
      p += (comma ? 2 : 1) + width;
      p[0] = '"';
      std::memcpy(p + 1, name.data(), n);
      std::memcpy(p + 1 + n, "\": ", 3);
      pos_ = static_cast<std::size_t>(p + n + 4 - out_.data());
    } else {
      new_line(width, comma);
      char* p = room(n + 4);
      p[0] = '"';
      std::memcpy(p + 1, name.data(), n);
      std::memcpy(p + 1 + n, "\": ", 3);
      pos_ += n + 4;
    }
    after_key_ = true;
    return *this;
  }
  next_item();
  const std::size_t separator = indent_ >= 0 ? 2 : 1; // ": " or ":"
  if (is_plain(name)) {
    char* p = room(name.size() + 4);
    p[0] = '"';
    std::memcpy(p + 1, name.data(), name.size());
    std::memcpy(p + 1 + name.size(), "\": ", 3);
    pos_ += name.size() + 2 + separator;
  } else {
    flush();
    append_escaped(out_, name);
    out_ += indent_ >= 0 ? ": " : ":";
    pos_ = out_.size();
  }
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(const json& v) {
  // Walked through the writer's own paths: a flush, and the room filled again after it, costs
  // more than most values (the ECS requests are nlohmann values).
  switch (v.type()) {
  case json::value_t::object:
    begin_object();
    members(v);
    return end_object();
  case json::value_t::array:
    begin_array();
    for (const json& item : v) {
      value(item);
    }
    return end_array();
  case json::value_t::string:
    return value(std::string_view(v.get_ref<const std::string&>()));
  case json::value_t::number_integer:
    return value(v.get<std::int64_t>());
  case json::value_t::boolean:
    return value(v.get<bool>());
  case json::value_t::null:
    before_value();
    put("null");
    after_value();
    return *this;
  default: // unsigned and floating-point numbers: nlohmann's own formatting, on `out` itself
    before_value();
    flush();
    out_ += v.dump();
    pos_ = out_.size();
    after_value();
    return *this;
  }
}

JsonWriter& JsonWriter::members(const json& object) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    key(it.key());
    value(*it);
  }
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  put_string(s);
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t i) {
  before_value();
  char* p = room(24);
  pos_ = static_cast<std::size_t>(std::to_chars(p, p + 24, i).ptr - out_.data());
  after_value();
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  put(b ? std::string_view("true") : std::string_view("false"));
  after_value();
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
