#include "compiler/syntax/ast.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace ecl::ast {

Arena::~Arena() {
  for (std::size_t i = released_; i < chunks_.size(); ++i) {
    ::operator delete(chunks_[i].data);
  }
}

void* Arena::allocate(std::size_t size, std::size_t align) {
  auto at = reinterpret_cast<std::uintptr_t>(next_);
  std::uintptr_t aligned = (at + align - 1) & ~(static_cast<std::uintptr_t>(align) - 1);
  if (next_ == nullptr || aligned + size > reinterpret_cast<std::uintptr_t>(end_)) {
    // A new chunk; one larger than a chunk (a decoded string of a megabyte) gets its own, and the
    // chunk being filled stays the one to fill.
    const std::size_t bytes = std::max(kChunk, size + align);
    char* chunk = static_cast<char*>(::operator new(bytes));
    if (bytes == kChunk) {
      ++filled_;
    }
    chunks_.push_back({chunk, bytes, filled_});
    by_address_.clear();
    reserved_ += bytes;
    at = reinterpret_cast<std::uintptr_t>(chunk);
    aligned = (at + align - 1) & ~(static_cast<std::uintptr_t>(align) - 1);
    if (bytes > kChunk) {
      return reinterpret_cast<void*>(aligned);
    }
    end_ = chunk + bytes;
  }
  next_ = reinterpret_cast<char*>(aligned + size);
  return reinterpret_cast<void*>(aligned);
}

std::optional<std::size_t> Arena::ordinal_of(const void* p) {
  if (by_address_.size() != chunks_.size()) {
    by_address_.resize(chunks_.size());
    for (std::size_t i = 0; i < chunks_.size(); ++i) {
      by_address_[i] = i;
    }
    std::sort(by_address_.begin(), by_address_.end(), [&](std::size_t a, std::size_t b) {
      return std::less<>()(chunks_[a].data, chunks_[b].data);
    });
  }
  const char* at = static_cast<const char*>(p);
  // The last chunk starting at or before `at`.
  auto it = std::upper_bound(
      by_address_.begin(), by_address_.end(), at,
      [&](const char* x, std::size_t i) { return std::less<>()(x, chunks_[i].data); });
  if (it == by_address_.begin()) {
    return std::nullopt;
  }
  const Chunk& chunk = chunks_[*std::prev(it)];
  if (!std::less<>()(at, chunk.data + chunk.size)) {
    return std::nullopt;
  }
  return chunk.ordinal;
}

void Arena::release_before(const void* p) {
  const std::optional<std::size_t> ordinal = ordinal_of(p);
  if (!ordinal) {
    return;
  }
  const std::size_t limit = std::min(*ordinal, keep_);
  for (; released_ < chunks_.size() && chunks_[released_].ordinal < limit; ++released_) {
    ::operator delete(chunks_[released_].data);
    reserved_ -= chunks_[released_].size;
  }
}

void Arena::keep_from(const void* p) {
  if (const std::optional<std::size_t> ordinal = ordinal_of(p)) {
    keep_ = std::min(keep_, *ordinal);
  }
}

std::string_view Arena::copy(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  char* at = static_cast<char*>(allocate(text.size(), 1));
  std::memcpy(at, text.data(), text.size());
  return {at, text.size()};
}

const char* binary_op_text(BinaryOp op) {
  switch (op) {
  case BinaryOp::Or:
    return "||";
  case BinaryOp::And:
    return "&&";
  case BinaryOp::Eq:
    return "==";
  case BinaryOp::Ne:
    return "!=";
  case BinaryOp::Lt:
    return "<";
  case BinaryOp::Le:
    return "<=";
  case BinaryOp::Gt:
    return ">";
  case BinaryOp::Ge:
    return ">=";
  case BinaryOp::Add:
    return "+";
  case BinaryOp::Sub:
    return "-";
  case BinaryOp::Mul:
    return "*";
  case BinaryOp::Div:
    return "/";
  case BinaryOp::Mod:
    return "%";
  }
  return "?";
}

std::string type_text(const Type& type) {
  // Iterative: `list<list<…>>` may nest as deep as the syntax layer allows.
  std::string text;
  std::size_t open = 0;
  for (const Type* t = &type; t != nullptr; t = t->element.get()) {
    switch (t->kind) {
    case Type::String:
      text += "string";
      break;
    case Type::Int:
      text += "int";
      break;
    case Type::Number:
      text += "number";
      break;
    case Type::Bool:
      text += "bool";
      break;
    case Type::Cidr:
      text += "cidr";
      break;
    case Type::Memory:
      text += "memory";
      break;
    case Type::Cpu:
      text += "cpu";
      break;
    case Type::Duration:
      text += "duration";
      break;
    case Type::List:
      text += "list<";
      ++open;
      break;
    case Type::Map:
      text += "map<";
      ++open;
      break;
    case Type::Block:
      text += t->block_kind;
      break;
    }
  }
  text.append(open, '>');
  return text;
}

} // namespace ecl::ast
