#include "compiler/model/model.h"

#include "compiler/model/poison.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <mutex>
#include <stdexcept>
#include <utility>

namespace ecl::model {

namespace {

// attribute_name()'s table. Its room is reserved once and never moves, so that a name is read
// without a lock while another thread numbers a new one; numbering takes the lock.
constexpr std::size_t kMaxNames = std::size_t{1} << 16;
std::mutex names_lock;
std::vector<std::string_view>& names() {
  static std::vector<std::string_view>* table = [] {
    auto* t = new std::vector<std::string_view>;
    t->reserve(kMaxNames);
    t->push_back(""); // 0: a default-constructed Attribute's
    return t;
  }();
  return *table;
}

} // namespace

std::uint16_t attribute_name_id(std::string_view name) {
  // The checker numbers the schema's own names, millions of times: a cache by the address of the
  // text settles nearly all without hashing or locking.
  struct Cached {
    const char* data = nullptr;
    std::size_t size = 0;
    std::uint16_t id = 0;
  };
  thread_local std::array<Cached, 256> cache;
  Cached& cached = cache[(reinterpret_cast<std::uintptr_t>(name.data()) >> 3) % cache.size()];
  if (cached.data == name.data() && cached.size == name.size() && name.data() != nullptr) {
    return cached.id;
  }
  std::lock_guard lock(names_lock);
  auto& table = names();
  auto found = std::find(table.begin(), table.end(), name);
  if (found == table.end()) {
    if (table.size() == kMaxNames) {
      throw std::length_error("more than 65536 attribute names");
    }
    found = table.insert(table.end(), name);
  }
  cached = {name.data(), name.size(), static_cast<std::uint16_t>(found - table.begin())};
  return cached.id;
}

std::string_view attribute_name(std::uint16_t id) {
  return names()[id];
}

std::string_view Attribute::name() const {
  return attribute_name(name_id);
}

const Attribute* AttributeMap::find(std::string_view name) const {
  // Most callers pass the schema's own name (the key's storage): the pointer test settles those.
  // Names are a few bytes: a loop the compiler inlines is cheaper than a call to memcmp, and the
  // first byte rejects most keys of the same length.
  const std::size_t n = name.size();
  const std::string_view* table = names().data();
  for (const Attribute& entry : entries_) {
    const std::string_view key = table[entry.name_id];
    if (key.size() != n) {
      continue;
    }
    if (key.data() == name.data()) {
      return &entry;
    }
    std::size_t i = 0;
    while (i < n && key[i] == name[i]) {
      ++i;
    }
    if (i == n) {
      return &entry;
    }
  }
  return nullptr;
}

Attribute& AttributeMap::operator[](std::string_view name) {
  if (Attribute* found = find(name)) {
    return *found;
  }
  return at(append(name, Attribute{}));
}

void AttributeMap::erase(std::string_view name) {
  std::erase_if(entries_, [&](const Attribute& entry) { return entry.name() == name; });
}

namespace {

thread_local PoisonWatcher* poison_watcher = nullptr;

// Whether the value is or holds a Null: what an error left of what was written.
bool holds_null(const Value& value) {
  if (value.is_null()) {
    return true;
  }
  if (const List* list = value.as<List>()) {
    return std::any_of(list->begin(), list->end(), holds_null);
  }
  if (const Map* map = value.as<Map>()) {
    return std::any_of(map->begin(), map->end(),
                       [](const MapEntry& entry) { return holds_null(entry.second); });
  }
  return false;
}

// Reading the blocks of `kind`, which are not all there when an error dropped one.
void read_kind(std::string_view kind) {
  if (poison_watcher && poison_watcher->lost(kind)) {
    poison_watcher->poisoned_read();
  }
}

} // namespace

PoisonWatcher* watch_poisoned_reads(PoisonWatcher* watcher) {
  return std::exchange(poison_watcher, watcher);
}

bool watching_poisoned_reads() {
  return poison_watcher != nullptr;
}

const Attribute* Block::attribute(std::string_view attr) const {
  const Attribute* a = attributes.find(attr);
  if (poison_watcher && a && holds_null(a->value)) {
    poison_watcher->poisoned_read();
  }
  return a;
}

const Value* Block::get(std::string_view attr) const {
  const Attribute* a = attribute(attr);
  return a && !a->value.is_null() ? &a->value : nullptr;
}

std::optional<std::int64_t> Block::get_int(std::string_view attr) const {
  const Value* v = get(attr);
  return v ? v->integer() : std::nullopt;
}

std::optional<bool> Block::get_bool(std::string_view attr) const {
  const Value* v = get(attr);
  return v ? v->boolean() : std::nullopt;
}

const std::string* Block::get_string(std::string_view attr) const {
  const Value* v = get(attr);
  return v ? v->string() : nullptr;
}

const std::string* Block::get_enum(std::string_view attr) const {
  const Value* v = get(attr);
  return v ? v->enum_member() : nullptr;
}

const Block* Block::get_ref(std::string_view attr) const {
  const Value* v = get(attr);
  return v ? v->block() : nullptr;
}

std::vector<const Block*> Block::get_refs(std::string_view attr) const {
  std::vector<const Block*> out;
  if (const Value* v = get(attr)) {
    if (auto* list = v->as<List>()) {
      for (const Value& item : *list) {
        if (const Block* b = item.block()) {
          out.push_back(b);
        }
      }
    }
  }
  return out;
}

std::vector<const Block*> Block::children_of(std::string_view of) const {
  read_kind(of);
  std::vector<const Block*> out;
  for (const Block* c : children) {
    if (c->kind_name == of) {
      out.push_back(c);
    }
  }
  return out;
}

void ChildrenOfKind::iterator::skip() {
  while (at_ != end_ && (*at_)->kind_name != kind_) {
    ++at_;
  }
}

ChildrenOfKind Block::each_child(std::string_view of) const {
  read_kind(of);
  return {children, of};
}

const Block* Block::first_child(std::string_view of) const {
  read_kind(of);
  for (const Block* c : children) {
    if (c->kind_name == of) {
      return c;
    }
  }
  return nullptr;
}

const std::string* zone_of(const Block& subnet) {
  const Value* zone = subnet.get("zone");
  if (!zone) {
    return nullptr;
  }
  if (const std::string* name = zone->string()) {
    return name;
  }
  // A zone chosen at deployment is a string of one deferred part (coerce() made it a Template).
  const auto* t = zone->as<Template>();
  const Deferred* d = t && t->parts.size() == 1 ? std::get_if<Deferred>(&t->parts[0]) : nullptr;
  auto index = d ? zone_index(*d) : std::nullopt;
  return index ? zone_name(*index) : nullptr;
}

const Block* container_named(const Block& task, std::string_view name) {
  const Block* by_block = nullptr;
  for (const Block* c : task.each_child("container")) {
    const std::string* aws = c->get_string("name");
    if (aws ? *aws == name : c->name == name) {
      return c;
    }
    if (!by_block && c->name == name) {
      by_block = c;
    }
  }
  return by_block;
}

const Block* Block::ancestor(std::string_view of) const {
  for (const Block* b = this; b; b = b->parent) {
    if (b->kind_name == of) {
      return b;
    }
  }
  return nullptr;
}

std::string Block::display() const {
  return fmt::format("{} `{}`", kind_name, path);
}

Block* Program::add(std::unique_ptr<Block> block) {
  Block* raw = block.get();
  raw->id = blocks.size();
  blocks.push_back(std::move(block));
  if (raw->kind) {
    for (const auto& [kind, list] : kind_lists_) {
      if (kind == raw->kind) {
        list->push_back(raw);
        return raw;
      }
    }
  }
  auto it = by_kind_.find(raw->kind_name);
  if (it == by_kind_.end()) {
    it = by_kind_.emplace(raw->kind_name, std::vector<const Block*>{}).first;
  }
  it->second.push_back(raw);
  if (raw->kind) {
    kind_lists_.emplace_back(raw->kind, &it->second);
  }
  return raw;
}

const std::vector<const Block*>& Program::of_kind(std::string_view of) const {
  read_kind(of);
  static const std::vector<const Block*> kNone;
  auto it = by_kind_.find(of);
  return it == by_kind_.end() ? kNone : it->second;
}

const Block* Program::find(std::string_view path) const {
  for (const auto& b : blocks) {
    if (b->path == path) {
      return b.get();
    }
  }
  return nullptr;
}

std::string Program::region() const {
  if (stack) {
    if (const std::string* r = stack->get_string("region")) {
      return *r;
    }
  }
  return {};
}

} // namespace ecl::model
