// Reading the checked model for a backend. Every attribute and object field a backend reads goes
// through here and is recorded ("kind.attribute", "kind.attribute.field"), so each backend's
// coverage test can check that every attribute of the schema is lowered.
#pragma once

#include "compiler/model/model.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ecl::backend {

class ModelReader {
public:
  // `read` collects what was read; null when nobody asks.
  explicit ModelReader(std::set<std::string>* read) : read_(read) {}

  const model::Value* get(const model::Block& block, std::string_view attribute);
  const std::string* get_string(const model::Block& block, std::string_view attribute);
  std::optional<std::int64_t> get_int(const model::Block& block, std::string_view attribute);
  // A boolean attribute; false when absent. The checker fills in the schema's defaults, so a
  // backend never restates one.
  bool get_bool(const model::Block& block, std::string_view attribute);
  const std::string* get_enum(const model::Block& block, std::string_view attribute);
  const model::Block* get_ref(const model::Block& block, std::string_view attribute);
  std::vector<const model::Block*> get_refs(const model::Block& block, std::string_view attribute);
  // The elements of a list attribute (empty when absent).
  const model::List& get_list(const model::Block& block, std::string_view attribute);
  // The items of a list value (empty when it is none or not a list).
  static const model::List& list_of(const model::Value* v);
  // A field of an object value, recorded as "kind.attribute.field".
  const model::Value* field(const model::Block& block, std::string_view attribute,
                            const model::Value& object, std::string_view name);
  // A block that stands for a resource made elsewhere: its `existing` value (schema::existing),
  // recorded as read; null for one the program makes.
  const std::string* existing(const model::Block& block);
  // The first child block of a kind, or null.
  const model::Block* child(const model::Block& block, std::string_view kind) const {
    return block.first_child(kind);
  }

protected:
  void record(std::string key);

private:
  std::set<std::string>* read_;
};

// Integer values of quantities (MiB, CPU units, seconds) and numbers, rounded.
std::int64_t whole(const model::Value& v);

} // namespace ecl::backend
