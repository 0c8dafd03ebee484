#include "tests/unit/ast_dump.h"

#include <fmt/format.h>

namespace ecl::ast {
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
