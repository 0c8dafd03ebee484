#include "compiler/model/model.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

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
// The number of `name`; -1 when it has none, unless `add`, which gives it one. A cache by the
// text's address settles nearly every call without hashing or locking: the checker and the rules
// pass the schema's names and literals, a few hundred texts, millions of times. A hit is checked
// against the text (a caller's may be a temporary at a reused address); a name without a number is
// not cached.
int name_id(std::string_view name, bool add) {
  struct Cached {
    const char* data = nullptr;
    int id = -1;
  };
  thread_local std::array<Cached, 1024> cache;
  const auto address = reinterpret_cast<std::uintptr_t>(name.data());
  Cached& cached = cache[(address * 0x9e3779b97f4a7c15ull) >> 54];
  if (cached.data == name.data() && cached.id >= 0) {
    const std::string_view known = names()[static_cast<std::size_t>(cached.id)];
    if (known.data() == name.data() ? known.size() == name.size() : known == name) {
      return cached.id;
    }
  }
  std::lock_guard lock(names_lock);
  static std::unordered_map<std::string_view, int> by_name{{"", 0}};
  auto found = by_name.find(name);
  if (found == by_name.end()) {
    if (!add) {
      return -1;
    }
    auto& table = names();
    if (table.size() == kMaxNames) {
      throw std::length_error("more than 65536 attribute names");
    }
    table.push_back(name);
    found = by_name.emplace(name, static_cast<int>(table.size() - 1)).first;
  }
  cached = {name.data(), found->second};
  return found->second;
}

} // namespace

std::uint16_t attribute_name_id(std::string_view name) {
  return static_cast<std::uint16_t>(name_id(name, true));
}

std::string_view attribute_name(std::uint16_t id) {
  return names()[id];
}

std::string_view Attribute::name() const {
  return attribute_name(name_id);
}

const Attribute* AttributeMap::find(std::string_view name) const {
  // By number, not by text: a key compared in one instruction, and a name no map was given
  // settled without a scan.
  const int id = name_id(name, false);
  if (id < 0) {
    return nullptr;
  }
  const std::uint16_t* numbers = ids();
  for (std::uint32_t i = 0; i < size_; ++i) {
    if (numbers[i] == id) {
      return &entries_[i];
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

std::size_t AttributeMap::append(std::string_view name, Attribute attribute) {
  if (size_ == capacity_) {
    reserve(capacity_ == 0 ? 1 : std::size_t{capacity_} * 2); // as a std::vector grows
  }
  attribute.name_id = attribute_name_id(name);
  ids()[size_] = attribute.name_id;
  new (&entries_[size_]) Attribute(std::move(attribute));
  return size_++;
}

void AttributeMap::reserve(std::size_t n) {
  if (n <= capacity_) {
    return;
  }
  auto* entries =
      static_cast<Attribute*>(::operator new(n*(sizeof(Attribute) + sizeof(std::uint16_t))));
  auto* numbers = reinterpret_cast<std::uint16_t*>(entries + n);
  for (std::uint32_t i = 0; i < size_; ++i) {
    new (&entries[i]) Attribute(std::move(entries_[i]));
    numbers[i] = ids()[i];
  }
  const std::uint32_t size = size_;
  release();
  entries_ = entries;
  size_ = size;
  capacity_ = static_cast<std::uint32_t>(n);
}

void AttributeMap::release() {
  std::destroy_n(entries_, size_);
  ::operator delete(entries_);
  entries_ = nullptr;
  size_ = capacity_ = 0;
}

void AttributeMap::erase(std::string_view name) {
  std::uint32_t kept = 0;
  for (std::uint32_t i = 0; i < size_; ++i) {
    if (entries_[i].name() == name) {
      continue;
    }
    if (kept != i) {
      entries_[kept] = std::move(entries_[i]);
      ids()[kept] = ids()[i];
    }
    ++kept;
  }
  std::destroy(entries_ + kept, entries_ + size_);
  size_ = kept;
}

const Attribute* Block::attribute(std::string_view attr) const {
  return attributes.find(attr);
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

const Block* Block::first_child(std::string_view of) const {
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
