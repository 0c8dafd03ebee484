#include "compiler/model/model.h"

#include "compiler/model/poison.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <fmt/format.h>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace ecl::model {

namespace {

// attribute_name()'s table. Its room is reserved once and never moves, so that a name is read
// without a lock while another thread numbers a new one; numbering takes the lock.
constexpr std::size_t kMaxNames = std::size_t{1} << 16;
constexpr std::size_t kCachedBytes = 32; // name_id() caches names up to this long (most are)
std::mutex names_lock;
struct Names {
  std::vector<std::string_view> table;
  std::unordered_map<std::string_view, std::uint16_t> ids; // the table's index
  // How many names have been numbered: what a cached "never numbered" answer was true for.
  std::atomic<std::size_t> count = 1;
};
Names& names() {
  static Names* all = [] {
    auto* n = new Names;
    n->table.reserve(kMaxNames);
    n->table.push_back(""); // 0: a default-constructed Attribute's
    n->ids.emplace("", 0);
    return n;
  }();
  return *all;
}
constexpr std::uint32_t kUnnamed = 0x10000; // name_id()'s answer for a name never numbered

// name_id()'s cache. A view may be of a string freed since, whose room now holds another name: an
// entry is taken as is only for the table's own text (static storage, which the linker shares with
// equal literals), else once the text compares equal. An answer of "never numbered" holds as long
// as no name is added.
struct CachedName {
  const char* data = nullptr;
  std::size_t size = 0;
  std::uint32_t id = kUnnamed;
  std::size_t count = 0; // for kUnnamed: names().count when it was looked up
  std::string_view text; // the table's text for an id; a view of `copy` for kUnnamed
  std::array<char, kCachedBytes> copy{};
};
thread_local std::array<CachedName, 1024> name_cache;

// name_id() past its cache: looks `name` up (numbering it when `add` is set) and caches the answer.
[[gnu::noinline]] std::uint32_t look_up_name(std::string_view name, bool add, CachedName& cached) {
  std::lock_guard lock(names_lock);
  Names& all = names();
  auto found = all.ids.find(name);
  std::uint32_t id = kUnnamed;
  if (found != all.ids.end()) {
    id = found->second;
  } else if (add) {
    if (all.table.size() == kMaxNames) {
      throw std::length_error("more than 65536 attribute names");
    }
    id = static_cast<std::uint32_t>(all.table.size());
    all.table.push_back(name);
    all.ids.emplace(name, static_cast<std::uint16_t>(id));
    all.count.store(all.table.size(), std::memory_order_release);
  }
  if (id != kUnnamed) {
    cached = {name.data(), name.size(), id, 0, all.table[id], {}};
  } else if (name.size() <= kCachedBytes) {
    cached = {name.data(), name.size(), id, all.count.load(std::memory_order_relaxed), {}, {}};
    std::copy(name.begin(), name.end(), cached.copy.begin());
    cached.text = std::string_view(cached.copy.data(), name.size());
  }
  return id;
}

// The number of `name`, numbering it when `add` is set; kUnnamed when it has none. The checker
// numbers the schema's own names, and the rules and backends look up literals, millions of times:
// a cache by the address of the text settles nearly all without hashing or locking.
inline std::uint32_t name_id(std::string_view name, bool add) {
  const auto address = reinterpret_cast<std::uintptr_t>(name.data());
  CachedName& cached = name_cache[(address * 0x9E3779B97F4A7C15u) >> 54];
  if (cached.data == name.data() && cached.size == name.size() && name.data() != nullptr) {
    if (cached.id != kUnnamed) {
      if (cached.text.data() == name.data() || cached.text == name) {
        return cached.id;
      }
    } else if (!add && cached.count == names().count.load(std::memory_order_acquire) &&
               cached.text == name) {
      return kUnnamed;
    }
  }
  return look_up_name(name, add, cached);
}

} // namespace

std::uint16_t attribute_name_id(std::string_view name) {
  return static_cast<std::uint16_t>(name_id(name, true));
}

std::string_view attribute_name(std::uint16_t id) {
  return names().table[id];
}

std::string_view Attribute::name() const {
  return attribute_name(name_id);
}

const Attribute* AttributeMap::find(std::string_view name) const {
  // Names are numbered once: a name never numbered is in no map, and a numbered one is found by
  // comparing numbers, not text.
  const std::uint32_t id = name_id(name, false);
  if (id == kUnnamed) {
    return nullptr;
  }
  for (const Attribute& entry : entries_) {
    if (entry.name_id == id) {
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
  raw->id = static_cast<std::uint32_t>(blocks.size());
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
