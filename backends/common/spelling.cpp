#include "backends/common/spelling.h"

#include <algorithm>

namespace ecl::backend::common {

std::string escape_placeholders(std::string_view text, std::string_view escaped) {
  std::string out;
  for (std::size_t at; (at = text.find("${")) != std::string_view::npos;
       text.remove_prefix(at + 2)) {
    out.append(text.substr(0, at)).append(escaped);
  }
  return out.append(text);
}

json Spelling::value(const model::Value& v) {
  return std::visit(
      [&](const auto& x) -> json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, model::Null>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::int64_t> ||
                             std::is_same_v<T, double>) {
          return x;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return string_value(x);
        } else if constexpr (std::is_same_v<T, model::Quantity>) {
          return whole(v);
        } else if constexpr (std::is_same_v<T, model::EnumMember>) {
          return x.name;
        } else if constexpr (std::is_same_v<T, model::BlockRef>) {
          return x.block ? ref(*x.block) : json(nullptr);
        } else if constexpr (std::is_same_v<T, model::Deferred>) {
          return deferred_value(x);
        } else if constexpr (std::is_same_v<T, model::Template>) {
          // A zone chosen at deployment, alone: the zone itself, not a string made of it.
          const model::Deferred* alone =
              x.parts.size() == 1 ? std::get_if<model::Deferred>(&x.parts[0]) : nullptr;
          if (alone && model::zone_index(*alone)) {
            return deferred_value(*alone);
          }
          std::string text;
          for (const auto& part : x.parts) {
            if (const auto* s = std::get_if<std::string>(&part)) {
              text += template_text(*s);
            } else {
              text += template_reference(std::get<model::Deferred>(part));
            }
          }
          return template_value(std::move(text));
        } else if constexpr (std::is_same_v<T, model::List>) {
          json out = json::array();
          for (const model::Value& item : x) {
            out.push_back(value(item));
          }
          return out;
        } else {
          json out = json::object();
          for (const auto& [k, item] : x) {
            out[k] = value(item);
          }
          return out;
        }
      },
      v.data);
}

const std::vector<std::pair<std::string_view, const model::Value*>>&
Spelling::merged_tags(const model::Block& block) {
  merged_tags_.clear();
  auto add = [&](const model::Value* map) {
    const model::Map* entries = map ? map->as<model::Map>() : nullptr;
    if (!entries) {
      return;
    }
    for (const auto& entry : *entries) {
      // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
      const std::string& key = entry.first;
      auto same = std::find_if(merged_tags_.begin(), merged_tags_.end(),
                               [&](const auto& kv) { return kv.first == key; });
      if (same != merged_tags_.end()) {
        same->second = &entry.second; // the resource's own tag wins over the stack's
      } else {
        merged_tags_.emplace_back(key, &entry.second);
      }
    }
  };
  add(stack_tags_);
  add(get(block, "tags"));
  return merged_tags_;
}

json Spelling::refs(const std::vector<const model::Block*>& blocks) {
  json out = json::array();
  for (const model::Block* b : blocks) {
    out.push_back(ref(*b));
  }
  return out;
}

} // namespace ecl::backend::common
