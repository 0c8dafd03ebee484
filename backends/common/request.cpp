#include "backends/common/request.h"

#include <algorithm>

namespace ecl::backend::common {

Request& JsonRequest::put(json v, bool opens) {
  json& top = *open_.back();
  if (top.is_array()) {
    json& added = top.get_ref<json::array_t&>().emplace_back(std::move(v));
    return opens ? open(added) : *this; // the array is not added to while `added` is open
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
  json& added = members.emplace_back(std::move(key_), std::move(v)).second;
  return opens ? open(added) : *this;
}

} // namespace ecl::backend::common
