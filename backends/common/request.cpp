#include "backends/common/request.h"

#include <algorithm>

namespace ecl::backend::common {

json& JsonRequest::put(json v) {
  json& top = *open_.back();
  if (top.is_array()) {
    return top.get_ref<json::array_t&>().emplace_back(std::move(v));
  }
  auto& members = top.get_ref<json::object_t&>();
  if (members.size() == members.capacity()) {
    // Grown here: the vector would copy its members, values and all, since their keys are const
    // and cannot be moved. Here only the keys are copied.
    json::object_t grown;
    grown.reserve(std::max<std::size_t>(4, 2 * members.size()));
    for (auto& [name, item] : members) {
      grown.emplace_back(name, std::move(item));
    }
    members.swap(grown);
  }
  // Appended, not looked up: a builder writes each member once.
  return members.emplace_back(std::move(key_), std::move(v)).second;
}

Request& JsonRequest::begin_object() {
  // A container's parent is not written to while it is open: the pointer stays valid.
  open_.push_back(&put(json::object()));
  return *this;
}

Request& JsonRequest::end_object() {
  open_.pop_back();
  return *this;
}

Request& JsonRequest::begin_array() {
  open_.push_back(&put(json::array()));
  return *this;
}

Request& JsonRequest::end_array() {
  open_.pop_back();
  return *this;
}

Request& JsonRequest::key(std::string_view name) {
  key_.assign(name);
  return *this;
}

Request& JsonRequest::value(const json& v) {
  put(v);
  return *this;
}

Request& JsonRequest::value(std::string_view s) {
  put(std::string(s));
  return *this;
}

Request& JsonRequest::value(std::int64_t i) {
  put(i);
  return *this;
}

Request& JsonRequest::value(bool b) {
  put(b);
  return *this;
}

Request& JsonRequest::value(const model::Value& v) {
  put(s_.value(v));
  return *this;
}

Request& JsonRequest::ref(const model::Block& block) {
  put(s_.ref(block));
  return *this;
}

} // namespace ecl::backend::common
