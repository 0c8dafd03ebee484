// Writing JSON documents fast and exactly as nlohmann's `dump` does. The documents the backends
// emit are large (a 500 service template is ~2 MB): building one as an nlohmann::ordered_json and
// then dumping it costs a node and an allocation per value and a linear key search per member.
// JsonWriter instead streams the document (the CloudFormation backend writes every resource with
// it as it lowers; the plan backend writes each step's nlohmann params in place).
//
// The bytes are the same as `dump(indent)` (the golden sidecars depend on it): the same
// indentation and separators, the same escapes (`\b \f \n \r \t \" \\`, other control characters
// as `\u00xx`, everything else as is), and numbers and non-ASCII strings through nlohmann's own
// routines (so invalid UTF-8 throws as it does in `dump`).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace ecl::backend::common {

using json = nlohmann::ordered_json;

// A document written piece by piece: containers opened and closed, keys, values. The caller keeps
// the structure well formed (a key before each value in an object, none in an array).
//
// The writer writes through a cursor into `out`'s own storage rather than appending piece by piece
// (a template is ~90k short pieces, and std::string::append checks, copies through memcpy and
// terminates each one): `out` is grown ahead of the cursor, so while a document is open it ends in
// scratch bytes. It holds exactly the text written once the outermost value is complete, after
// flush(), and when the writer goes away; do not touch `out` in between. (After a flush the caller
// may append to `out`, a newline say: the writer goes on from `out`'s end.)
class JsonWriter {
public:
  // Appends to `out`; indent < 0: compact.
  explicit JsonWriter(std::string& out, int indent = -1)
      : out_(out), pos_(out.size()), indent_(indent) {}
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  // The key of the object member whose value comes next.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(const json& v);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t i);
  JsonWriter& value(int i) { return value(static_cast<std::int64_t>(i)); }
  JsonWriter& value(bool b);
  // A list of strings as an array.
  JsonWriter& value(const std::vector<std::string>& strings);

  // The members of an object, each as key(name).value(v), into the object being written.
  JsonWriter& members(const json& object);

  // key(name).value(v)
  template <typename T>
  JsonWriter& member(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  // Cuts `out` to the text written so far (see the class comment).
  void flush() {
    if (open_) {
      out_.resize(pos_);
      open_ = false;
    }
  }

private:
  // Where the next `n` bytes go: out_.data() + pos_, with at least `n` bytes of room.
  char* room(std::size_t n) {
    if (!open_ || out_.size() - pos_ < n) {
      grow(n);
    }
    return out_.data() + pos_;
  }
  void grow(std::size_t n);
  void put(char c) {
    *room(1) = c;
    ++pos_;
  }
  void put(std::string_view s);
  // A line break and `width` spaces, after a comma when `comma`.
  void new_line(unsigned width, bool comma);
  void put_string(std::string_view s);
  // Before a value or a key: the separator from the previous member and the new line's indent.
  void next_item();
  void before_value();
  // After a value: a complete document is flushed into `out`.
  void after_value() {
    if (empty_.empty()) {
      flush();
    }
  }
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  unsigned depth() const { return static_cast<unsigned>(empty_.size()); }

  std::string& out_;
  std::size_t pos_; // the end of what is written; while open_, out_ is scratch from here
  bool open_ = false;
  int indent_;
  // One entry per open container: whether nothing has been written into it yet.
  std::vector<unsigned char> empty_;
  bool after_key_ = false;
};

} // namespace ecl::backend::common
