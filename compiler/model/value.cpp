#include "compiler/model/value.h"

#include "compiler/model/model.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace ecl::model {

namespace {

// The names of the zones availability_zones() gives: Deferred holds a view of one.
const std::array<std::string, kMaxZones> kZoneNames = {
    "availability_zones[0]", "availability_zones[1]", "availability_zones[2]",
    "availability_zones[3]", "availability_zones[4]", "availability_zones[5]"};

} // namespace

Deferred zone_at(std::int64_t index) {
  return Deferred{nullptr, kZoneNames.at(static_cast<std::size_t>(index))};
}

std::optional<std::int64_t> zone_index(const Deferred& d) {
  if (d.block) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < kZoneNames.size(); ++i) {
    if (d.attribute == kZoneNames[i]) {
      return static_cast<std::int64_t>(i);
    }
  }
  return std::nullopt;
}

const std::string* zone_name(std::int64_t index) {
  return index >= 0 && index < kMaxZones ? &kZoneNames[static_cast<std::size_t>(index)] : nullptr;
}

std::string deferred_text(const Deferred& d) {
  return d.block ? d.block->path + "." + std::string(d.attribute) : std::string(d.attribute);
}

std::optional<std::int64_t> Value::integer() const {
  if (auto* i = as<std::int64_t>()) {
    return *i;
  }
  return std::nullopt;
}

std::optional<double> Value::number() const {
  if (auto* i = as<std::int64_t>()) {
    return static_cast<double>(*i);
  }
  if (auto* d = as<double>()) {
    return *d;
  }
  if (auto* q = as<Quantity>()) {
    return q->amount;
  }
  return std::nullopt;
}

std::optional<bool> Value::boolean() const {
  if (auto* b = as<bool>()) {
    return *b;
  }
  return std::nullopt;
}

const std::string* Value::string() const {
  return as<std::string>();
}

const std::string* Value::enum_member() const {
  if (auto* e = as<EnumMember>()) {
    return &e->name;
  }
  return nullptr;
}

const Block* Value::block() const {
  if (auto* r = as<BlockRef>()) {
    return r->block;
  }
  return nullptr;
}

const Value* Value::field(std::string_view key) const {
  if (auto* m = as<Map>()) {
    for (const auto& [k, v] : *m) {
      if (k == key) {
        return &v;
      }
    }
  }
  return nullptr;
}

bool Value::same(const Value& other) const {
  if (data.index() != other.data.index()) {
    return false;
  }
  if (auto* l = as<List>()) {
    const auto& r = *other.as<List>();
    if (l->size() != r.size()) {
      return false;
    }
    for (std::size_t i = 0; i < l->size(); ++i) {
      if (!(*l)[i].same(r[i])) {
        return false;
      }
    }
    return true;
  }
  if (auto* m = as<Map>()) {
    const auto& r = *other.as<Map>();
    if (m->size() != r.size()) {
      return false;
    }
    for (std::size_t i = 0; i < m->size(); ++i) {
      if ((*m)[i].first != r[i].first || !(*m)[i].second.same(r[i].second)) {
        return false;
      }
    }
    return true;
  }
  return std::visit(
      [&](const auto& a) -> bool {
        using T = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<T, List> || std::is_same_v<T, Map>) {
          return false; // handled above
        } else {
          return a == *other.as<T>();
        }
      },
      data);
}

std::string describe(const Value& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Null>) {
          return "nothing";
        } else if constexpr (std::is_same_v<T, bool>) {
          return "`bool`";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return "`int`";
        } else if constexpr (std::is_same_v<T, double>) {
          return "`number`";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return "`string`";
        } else if constexpr (std::is_same_v<T, Quantity>) {
          switch (v.dimension) {
          case Dimension::Memory:
            return "`memory`";
          case Dimension::Cpu:
            return "`cpu`";
          case Dimension::Duration:
            return "`duration`";
          }
          return "a quantity";
        } else if constexpr (std::is_same_v<T, EnumMember>) {
          return fmt::format("`{}`", v.name);
        } else if constexpr (std::is_same_v<T, BlockRef>) {
          return v.block ? v.block->display() : "a block";
        } else if constexpr (std::is_same_v<T, Deferred>) {
          return fmt::format("`{}` (known only after deployment)", deferred_text(v));
        } else if constexpr (std::is_same_v<T, Template>) {
          return "`string` (known only after deployment)";
        } else if constexpr (std::is_same_v<T, List>) {
          return "`list`";
        } else {
          return "`object`";
        }
      },
      value.data);
}

namespace {

std::string number_text(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
    return fmt::format("{}", static_cast<long long>(d));
  }
  return fmt::format("{}", d);
}

// ECL's string escapes are JSON's; invalid UTF-8 shows as U+FFFD.
std::string quote_string(std::string_view s) {
  return nlohmann::json(std::string(s))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool is_identifier(std::string_view s) {
  auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; };
  return !s.empty() && letter(s[0]) && std::all_of(s.begin(), s.end(), [&](char c) {
    return letter(c) || std::isdigit(static_cast<unsigned char>(c));
  });
}

} // namespace

std::string ecl_text(const Value& value) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Null>) {
          return "null";
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return number_text(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return quote_string(v);
        } else if constexpr (std::is_same_v<T, Quantity>) {
          switch (v.dimension) {
          case Dimension::Memory: // as people write it: 1GiB, 512MiB, 1536MiB
            return std::fmod(v.amount, 1024.0) == 0 && v.amount != 0
                       ? number_text(v.amount / 1024.0) + "GiB"
                       : number_text(v.amount) + "MiB";
          case Dimension::Cpu:
            return number_text(v.amount / 1024.0) + "vcpu";
          case Dimension::Duration:
            return number_text(v.amount) + "s";
          }
          return number_text(v.amount);
        } else if constexpr (std::is_same_v<T, EnumMember>) {
          return v.name;
        } else if constexpr (std::is_same_v<T, BlockRef>) {
          return v.block ? v.block->path : "null";
        } else if constexpr (std::is_same_v<T, Deferred>) {
          return deferred_text(v);
        } else if constexpr (std::is_same_v<T, Template>) {
          const auto* alone = v.parts.size() == 1 ? std::get_if<Deferred>(&v.parts[0]) : nullptr;
          if (alone && zone_index(*alone)) {
            return deferred_text(*alone); // a zone chosen at deployment, not a string of it
          }
          std::string out;
          for (const auto& part : v.parts) {
            if (const auto* s = std::get_if<std::string>(&part)) {
              std::string q = quote_string(*s);
              out += q.substr(1, q.size() - 2);
            } else {
              const auto& d = std::get<Deferred>(part);
              out += "${" + deferred_text(d) + "}";
            }
          }
          return "\"" + out + "\"";
        } else if constexpr (std::is_same_v<T, List>) {
          std::string out = "[";
          for (std::size_t i = 0; i < v.size(); ++i) {
            out += (i ? ", " : "") + ecl_text(v[i]);
          }
          return out + "]";
        } else {
          if (v.empty()) {
            return "{}";
          }
          std::string out = "{ ";
          for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string& key = v[i].first;
            out += fmt::format("{}{} = {}", i ? ", " : "",
                               is_identifier(key) ? key : quote_string(key), ecl_text(v[i].second));
          }
          return out + " }";
        }
      },
      value.data);
}

} // namespace ecl::model
