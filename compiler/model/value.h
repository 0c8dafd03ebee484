// Folded values of the checked program. Everything written in the source is folded at compile
// time; what AWS assigns later (an id, an ARN) stays a Deferred reference to its block.
#pragma once

#include "compiler/diagnostics/source.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ecl::model {

struct Block;
struct Value;

// Nothing: an absent optional attribute, or a value poisoned by an error already reported.
struct Null {
  friend bool operator==(const Null&, const Null&) = default;
};

// A number with a unit, in canonical units: MiB, CPU units (1 vCPU = 1024), or seconds.
enum class Dimension { Memory, Cpu, Duration };
struct Quantity {
  double amount = 0;
  Dimension dimension = Dimension::Memory;
  friend bool operator==(const Quantity&, const Quantity&) = default;
};

// A bare identifier accepted as a member of an enum: `awsvpc`, `fargate_spot`.
struct EnumMember {
  std::string name;
  friend bool operator==(const EnumMember&, const EnumMember&) = default;
};

// A reference to a declared block: `main.private_a`, `igw`.
struct BlockRef {
  const Block* block = nullptr;
  friend bool operator==(const BlockRef&, const BlockRef&) = default;
};

// An attribute known only once the resource exists in AWS: `prod.arn`, `main.id`.
struct Deferred {
  const Block* block = nullptr;
  // The schema's name of the attribute (schema::DeferredAttribute::name, static storage). A view
  // keeps Deferred within std::string's size, and with it every Value at 56 bytes, not 64.
  std::string_view attribute;
  friend bool operator==(const Deferred&, const Deferred&) = default;
};

// The availability zones of the region, chosen when the program is deployed
// (`availability_zones(2)`): the `index`-th zone, a Deferred of no block whose attribute is
// "availability_zones[index]" (the plan reads it with DescribeAvailabilityZones, the template with
// Fn::GetAZs). At most kMaxZones: no region has more.
inline constexpr std::int64_t kMaxZones = 6;
Deferred zone_at(std::int64_t index);
// The index of a zone made by zone_at(), or nullopt for any other deferred attribute.
std::optional<std::int64_t> zone_index(const Deferred& d);
// The text of zone `index` (`availability_zones[0]`), with static storage; null out of range.
const std::string* zone_name(std::int64_t index);
// `main.id`; `availability_zones[0]` for a zone.
std::string deferred_text(const Deferred& d);

// A string that contains deferred parts: `"${prod.arn}/service"`.
struct Template {
  std::vector<std::variant<std::string, Deferred>> parts;
  friend bool operator==(const Template&, const Template&) = default;
};

struct MapEntry;
using List = std::vector<Value>;
// An object or map: entries in source order (or schema order for typed objects), keys unique.
using Map = std::vector<MapEntry>;

struct Value {
  std::variant<Null, bool, std::int64_t, double, std::string, Quantity, EnumMember, BlockRef,
               Deferred, Template, List, Map>
      data;
  Range range; // where the value was written (a default points at its block's header)

  bool is_null() const { return std::holds_alternative<Null>(data); }
  template <typename T>
  const T* as() const {
    return std::get_if<T>(&data);
  }
  template <typename T>
  T* as() {
    return std::get_if<T>(&data);
  }
  // Convenience readers; nullopt/nullptr when the value has another form.
  std::optional<std::int64_t> integer() const;
  std::optional<double> number() const; // an int or a double
  std::optional<bool> boolean() const;
  const std::string* string() const;
  const std::string* enum_member() const;
  const Block* block() const;
  const Value* field(std::string_view key) const; // a Map entry
  // Semantic equality: ranges ignored.
  bool same(const Value& other) const;
};

// One entry of a Map, shaped like the std::pair it replaces. Not a std::pair: clang with
// libstdc++ 12 cannot instantiate pair<string, Value> inside Value's variant in C++20 (pair's
// conditionally explicit default constructor asks whether Value is default-constructible, which
// needs the variant's constexpr destructor, which needs the pair complete).
struct MapEntry {
  MapEntry() = default;
  // For emplace_back(key, value): clang 14 has no parenthesized aggregate initialization.
  MapEntry(std::string key, Value value) : first(std::move(key)), second(std::move(value)) {}

  std::string first;
  Value second;
};

// A short description of a value's type for messages: "int", "memory", "list", "subnet `a.b`".
std::string describe(const Value& value);

// A folded value as ECL text: `"10.0.0.0/16"`, `512MiB`, `[main.a, main.b]`, `{}`.
std::string ecl_text(const Value& value);

} // namespace ecl::model
