#include "backends/common/model_reader.h"

#include "compiler/schema/schema.h"

#include <cmath>
#include <fmt/format.h>

namespace ecl::backend {

std::int64_t whole(const model::Value& v) {
  if (auto* q = v.as<model::Quantity>()) {
    return static_cast<std::int64_t>(std::llround(q->amount));
  }
  if (auto n = v.number()) {
    return static_cast<std::int64_t>(std::llround(*n));
  }
  return 0;
}

void ModelReader::record(std::string key) {
  if (read_) {
    read_->insert(std::move(key));
  }
}

const model::Value* ModelReader::get(const model::Block& block, std::string_view attribute) {
  if (read_) { // formatting the key costs an allocation per read: only when someone asks
    record(fmt::format("{}.{}", block.kind_name, attribute));
  }
  return block.get(attribute);
}

const std::string* ModelReader::get_string(const model::Block& block, std::string_view attribute) {
  const model::Value* v = get(block, attribute);
  return v ? v->string() : nullptr;
}

const std::string* ModelReader::existing(const model::Block& block) {
  return schema::existing(block) ? get_string(block, "existing") : nullptr;
}

std::optional<std::int64_t> ModelReader::get_int(const model::Block& block,
                                                 std::string_view attribute) {
  const model::Value* v = get(block, attribute);
  if (!v) {
    return std::nullopt;
  }
  if (auto i = v->integer()) {
    return i;
  }
  if (v->as<model::Quantity>() || v->number()) {
    return whole(*v);
  }
  return std::nullopt;
}

bool ModelReader::get_bool(const model::Block& block, std::string_view attribute) {
  const model::Value* v = get(block, attribute);
  auto b = v ? v->boolean() : std::nullopt;
  return b.value_or(false);
}

const std::string* ModelReader::get_enum(const model::Block& block, std::string_view attribute) {
  const model::Value* v = get(block, attribute);
  return v ? v->enum_member() : nullptr;
}

const model::Block* ModelReader::get_ref(const model::Block& block, std::string_view attribute) {
  const model::Value* v = get(block, attribute);
  return v ? v->block() : nullptr;
}

std::vector<const model::Block*> ModelReader::get_refs(const model::Block& block,
                                                       std::string_view attribute) {
  if (read_) {
    record(fmt::format("{}.{}", block.kind_name, attribute));
  }
  return block.get_refs(attribute);
}

const model::List& ModelReader::get_list(const model::Block& block, std::string_view attribute) {
  return list_of(get(block, attribute));
}

const model::List& ModelReader::list_of(const model::Value* v) {
  static const model::List kNone;
  const model::List* list = v ? v->as<model::List>() : nullptr;
  return list ? *list : kNone;
}

const model::Value* ModelReader::field(const model::Block& block, std::string_view attribute,
                                       const model::Value& object, std::string_view name) {
  if (read_) {
    record(fmt::format("{}.{}.{}", block.kind_name, attribute, name));
  }
  const model::Value* v = object.field(name);
  return v && !v->is_null() ? v : nullptr;
}

} // namespace ecl::backend
