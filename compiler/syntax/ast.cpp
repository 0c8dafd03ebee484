#include "compiler/syntax/ast.h"

namespace ecl::ast {

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
    }
  }
  text.append(open, '>');
  return text;
}

} // namespace ecl::ast
