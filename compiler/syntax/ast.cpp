#include "compiler/syntax/ast.h"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
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

namespace {

// Recursive, like every pass over the AST: the syntax layer bounds its depth.
class Dumper {
public:
  std::string out;

  void file(const File& f) {
    line(0, fmt::format("file {}", f.file));
    for (const Param& p : f.params) {
      line(1, fmt::format("param {} {} {} {}", p.name, at(p.name_range), type_text(p.type),
                          at(p.range)));
      type(2, p.type);
      optional_expr(2, p.default_value.get());
    }
    for (const Let& l : f.lets) {
      line(1, fmt::format("let {} {} {}", l.name, at(l.name_range), at(l.range)));
      optional_expr(2, l.value.get());
    }
    for (const Output& o : f.outputs) {
      line(1, fmt::format("output {} {} {}", o.name, at(o.name_range), at(o.range)));
      optional_expr(2, o.value.get());
    }
    for (const auto& b : f.blocks) {
      block(1, *b);
    }
  }

private:
  static std::string at(Range r) { return fmt::format("@{}:{}-{}", r.file, r.begin, r.end); }

  void line(std::size_t indent, const std::string& text) {
    out.append(indent * 2, ' ');
    out += text;
    out += '\n';
  }

  void type(std::size_t indent, const Type& t) {
    for (const Type* e = &t; e != nullptr; e = e->element.get()) {
      line(indent, fmt::format("type {} {}", static_cast<int>(e->kind), at(e->range)));
    }
  }

  void block(std::size_t indent, const Block& b) {
    line(indent, fmt::format("block {} {} {} {} {}", b.kind, at(b.kind_range()),
                             b.name().value_or("<none>"), at(b.name_range()), at(b.range)));
    for (const Attribute& a : b.attributes) {
      line(indent + 1, fmt::format("attr {} {} {}", a.name(), at(a.name_range()), at(a.range)));
      optional_expr(indent + 2, a.value.get());
    }
    for (const auto& nested : b.blocks) {
      block(indent + 1, *nested);
    }
  }

  void optional_expr(std::size_t indent, const Expr* e) {
    if (e == nullptr) {
      line(indent, "<null>");
    } else {
      expr(indent, *e);
    }
  }

  void expr(std::size_t indent, const Expr& e) {
    std::visit([&](const auto& n) { node(indent, at(e.range), n); }, e.node);
  }

  void node(std::size_t i, const std::string& r, const Number& n) {
    line(i, fmt::format("number {} {} {} {} {}", r, n.value, n.is_integer, n.integer, n.unit()));
  }
  void node(std::size_t i, const std::string& r, const Bool& n) {
    line(i, fmt::format("bool {} {}", r, n.value));
  }
  void node(std::size_t i, const std::string& r, const String& n) {
    line(i, fmt::format("string {}", r));
    for (const StringPart& part : n.parts) {
      line(i + 1, fmt::format("part {} {:?}", at(part.range), part.text()));
      if (part.expr) {
        expr(i + 2, *part.expr);
      }
    }
  }
  void node(std::size_t i, const std::string& r, const Name& n) {
    line(i, fmt::format("name {} {}", r, n.name));
  }
  void node(std::size_t i, const std::string& r, const Member& n) {
    line(i, fmt::format("member {} {} {}", r, n.name(), at(n.name_range)));
    optional_expr(i + 1, n.object.get());
  }
  void node(std::size_t i, const std::string& r, const Index& n) {
    line(i, fmt::format("index {}", r));
    optional_expr(i + 1, n.object.get());
    optional_expr(i + 1, n.index.get());
  }
  void node(std::size_t i, const std::string& r, const Call& n) {
    line(i, fmt::format("call {} {} {}", r, n.name(), at(n.name_range)));
    for (const auto& a : n.args()) {
      optional_expr(i + 1, a.get());
    }
  }
  void node(std::size_t i, const std::string& r, const List& n) {
    line(i, fmt::format("list {}", r));
    for (const auto& item : n.items) {
      optional_expr(i + 1, item.get());
    }
  }
  void node(std::size_t i, const std::string& r, const Object& n) {
    line(i, fmt::format("object {}", r));
    for (const ObjectEntry& entry : n.entries) {
      line(i + 1, fmt::format("entry {:?} {}", entry.key, at(entry.key_range)));
      optional_expr(i + 2, entry.value.get());
    }
  }
  void node(std::size_t i, const std::string& r, const Unary& n) {
    line(i, fmt::format("unary {} {}", r, n.op == UnaryOp::Negate ? "-" : "!"));
    optional_expr(i + 1, n.operand.get());
  }
  void node(std::size_t i, const std::string& r, const Binary& n) {
    line(i, fmt::format("binary {} {} {}", r, binary_op_text(n.op), at(n.op_range)));
    optional_expr(i + 1, n.lhs.get());
    optional_expr(i + 1, n.rhs.get());
  }
  void node(std::size_t i, const std::string& r, const Conditional& n) {
    line(i, fmt::format("conditional {}", r));
    optional_expr(i + 1, n.condition.get());
    optional_expr(i + 1, n.then_value.get());
    optional_expr(i + 1, n.else_value.get());
  }
  void node(std::size_t i, const std::string& r, const Error&) { line(i, "error " + r); }
};

} // namespace

std::string debug_dump(const File& file) {
  Dumper dumper;
  dumper.file(file);
  return std::move(dumper.out);
}

} // namespace ecl::ast
