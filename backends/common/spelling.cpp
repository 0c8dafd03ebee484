#include "backends/common/spelling.h"

namespace ecl::backend::common {

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

} // namespace ecl::backend::common
