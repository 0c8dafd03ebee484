// The schema: every kind of block, its attributes with their types, defaults, ranges and one line
// of documentation, its allowed parents and its deferred attributes. It is data, read alike by the
// checker, the documentation generator and the editor (hover, completion).
#pragma once

#include "compiler/model/model.h"
#include "compiler/model/value.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ecl::schema {

enum class TypeKind {
  String,
  Int,
  Number,
  Bool,
  Cidr,
  Memory,   // MiB; a plain int is MiB
  Cpu,      // CPU units; a plain int is units, `0.25vcpu` = 256
  Duration, // seconds; a plain int is seconds
  Port,     // an int from 1 to 65535
  Enum,     // a bare identifier from `members`
  Ref,      // a reference to a block of one of `kinds`
  List,     // of `element`
  Map,      // string keys to `element`
  Object,   // typed fields; `shorthand` lets a scalar stand for one field
  OneOf,    // the first of `alternatives` that fits
};

struct Type;

// How a default is given: a folded value, or computed from the block.
enum class DefaultKind {
  None,      // no default: absent unless written
  Value,     // `value`, folded when the schema is built: `true`, `[fargate]`, `30s`
  BlockName, // the block's own name
  StackName, // the stack's name and the block's name joined by `-` ("webapp-prod"), or the name
  Derived,   // filled in by the checker from other attributes (described in `description`)
  Generated, // left absent in the model; the backends generate it (described in `description`)
};

struct Default {
  DefaultKind kind = DefaultKind::None;
  model::Value value = {};           // Value: in the attribute's canonical form, without a range
  std::string_view description = {}; // Derived, Generated: for the docs and hover
};

// An attribute of a block, or a field of an object type.
struct Attribute {
  std::string_view name;
  const Type* type;
  bool required = false;
  Default default_value = {};
  std::string_view doc = {};
  // Inclusive bounds in canonical units (MiB, CPU units, seconds) for numeric types.
  std::optional<double> min = {};
  std::optional<double> max = {};
};

// After Attribute: clang instantiates `fields = {}` here and needs Attribute complete.
struct Type {
  TypeKind kind;
  const Type* element = nullptr;              // List, Map
  std::vector<std::string_view> members = {}; // Enum
  std::vector<std::string_view> kinds = {};   // Ref
  std::vector<Attribute> fields = {};         // Object
  std::string_view shorthand = {};            // Object
  std::vector<const Type*> alternatives = {}; // OneOf
  std::string_view name = {};                 // Object: shown in messages ("port mapping")
};

// An attribute that AWS assigns when the resource is created: `id`, `arn`.
struct DeferredAttribute {
  std::string_view name;
  std::string_view doc;
  // An attribute without which nothing is made, and so nothing gives this one ("" for none): a
  // job's `arn` is its schedule's.
  std::string_view needs = "";
};

enum class Naming { Required, None };

// A kind whose blocks may stand for a resource made elsewhere (`existing = "vpc-0abc…"`): eclc
// neither creates nor changes it, and references to it are the value given. `as` is the deferred
// attribute that value is (`id`, `arn`); `facts` the attributes written about it for the rules
// to check against (a VPC's `cidr`), the only ones allowed beside `existing`; `children` the
// kinds that may be made inside it ("*": any its kind allows).
struct Existing {
  std::string_view as;
  std::string_view what; // for messages and docs: "a VPC ID (`vpc-` and 8 or 17 hex digits)"
  std::vector<std::string_view> facts = {};
  std::vector<std::string_view> children = {};
};

struct Kind {
  std::string_view name;
  std::string_view doc;
  std::vector<std::string_view> parents; // "" is the program's top level
  Naming naming = Naming::Required;
  int max_per_parent = 0; // 0: any number
  bool implicit = false;  // when absent, the parent behaves as if an empty one were written
  std::vector<Attribute> attributes;
  std::vector<DeferredAttribute> deferred;
  std::string_view lowers_to;
  std::optional<Existing> existing = std::nullopt; // none: always made by the program

  const Attribute* attribute(std::string_view attr) const;
  const DeferredAttribute* deferred_attribute(std::string_view attr) const;
  bool allowed_in(std::string_view parent) const;
};

// A block that stands for a resource made elsewhere (Kind::existing): the value given, else null.
const std::string* existing(const model::Block& block);
// A deferred attribute of such a block, as far as the value given tells: the attribute it is (a
// VPC's `id`), a target group's `full_name` (the end of its ARN); nullopt for what only AWS knows.
std::optional<std::string> existing_attribute(const model::Block& block,
                                              std::string_view attribute);
std::optional<std::string> existing_attribute(const Kind& kind, const std::string& given,
                                              std::string_view attribute);

std::span<const Kind> kinds();
const Kind* find_kind(std::string_view name);
std::vector<std::string_view> kind_names();

// "cidr", "list<ref<subnet>>", "`tcp` | `udp`": a type as the docs and messages show it.
std::string type_name(const Type& type);
// "a `subnet`", "an `internet_gateway` or a `nat_gateway`": what a reference type expects.
std::string ref_expectation(const Type& type);

// The shared scalar types, for the checker's params and built-ins.
const Type& string_type();
const Type& int_type();
const Type& number_type();
const Type& bool_type();
const Type& cidr_type();
const Type& memory_type();
const Type& cpu_type();
const Type& duration_type();
// list<T> and map<T> of a shared type, interned so pointers stay valid.
const Type& list_of(const Type& element);
const Type& map_of(const Type& element);
// ref<KIND> of a schema kind (a module's block-typed param), interned the same way.
const Type& ref_of(std::string_view kind);

} // namespace ecl::schema
