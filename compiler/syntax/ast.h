// The ECL abstract syntax tree: owned by us, with byte ranges for every part. Nothing here knows
// about ANTLR; the Transformer (transformer.cpp) builds it from the parse tree and the parse tree
// never leaves the syntax layer. Depth is bounded by the syntax layer (see limits.h), so later
// passes may recurse.
#pragma once

#include "compiler/diagnostics/source.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ecl::ast {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// A number, with an optional unit written directly after it: `3`, `0.25vcpu`, `512MiB`, `30s`.
struct Number {
  double value = 0;
  bool is_integer = true; // written without a decimal point
  std::int64_t integer = 0;
  std::string unit; // "", "MiB", "GiB", "vcpu", "ms", "s", "m", "h"
};

// `true` / `false`.
struct Bool {
  bool value = false;
};

// One piece of a string: literal text (escapes already decoded) or an interpolation `${expr}`.
struct StringPart {
  std::string text;
  ExprPtr expr; // set for an interpolation
  Range range;
};

// A string literal: `"api"`, `"${env}-api"`.
struct String {
  std::vector<StringPart> parts;
};

// A bare name: `env`, `main`, `awsvpc`.
struct Name {
  std::string name;
};

// Member access, one path segment: `main.cidr`, `main.private_a`.
struct Member {
  ExprPtr object;
  std::string name;
  Range name_range;
};

// Indexing: `zones[0]`, `tags["env"]`.
struct Index {
  ExprPtr object;
  ExprPtr index;
};

// A call of a built-in function: `cidrsubnet(main.cidr, 8, 0)`.
struct Call {
  std::string name;
  Range name_range;
  std::vector<ExprPtr> args;
};

// A list: `[a, b, c]`.
struct List {
  std::vector<ExprPtr> items;
};

// One entry of an object: `team = "platform"` or `"Name" = "x"`.
struct ObjectEntry {
  std::string key;
  Range key_range;
  ExprPtr value;
};

// An object: `{ team = "platform", env = env }`.
struct Object {
  std::vector<ObjectEntry> entries;
};

enum class UnaryOp { Negate, Not };

// `-x`, `!ready`.
struct Unary {
  UnaryOp op;
  ExprPtr operand;
};

enum class BinaryOp { Or, And, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod };

// `a + b`, `env == "prod"`.
struct Binary {
  BinaryOp op;
  Range op_range;
  ExprPtr lhs;
  ExprPtr rhs;
};

// `env == "prod" ? 3 : 1`.
struct Conditional {
  ExprPtr condition;
  ExprPtr then_value;
  ExprPtr else_value;
};

// Stands where the parser recovered from an error; evaluates to nothing and reports nothing more.
struct Error {};

struct Expr {
  Range range;
  std::variant<Number, Bool, String, Name, Member, Index, Call, List, Object, Unary, Binary,
               Conditional, Error>
      node;
};

const char* binary_op_text(BinaryOp op);

// A param type: `string`, `list<cidr>`, `map<int>`.
struct Type {
  enum Kind { String, Int, Number, Bool, Cidr, Memory, Cpu, Duration, List, Map };
  Kind kind = String;
  std::unique_ptr<Type> element; // for List and Map
  Range range;
};
std::string type_text(const Type& type);

// `param env: string = "prod"`.
struct Param {
  std::string name;
  Range name_range;
  Type type;
  ExprPtr default_value; // may be null
  Range range;
};

// `let zones = ["us-east-1a", "us-east-1b"]`.
struct Let {
  std::string name;
  Range name_range;
  ExprPtr value;
  Range range;
};

// `output cluster_arn = prod.arn`.
struct Output {
  std::string name;
  Range name_range;
  ExprPtr value;
  Range range;
};

// `cidr = "10.0.0.0/16"` inside a block.
struct Attribute {
  std::string name;
  Range name_range;
  ExprPtr value;
  Range range;
};

// `subnet public_a { cidr = "10.0.0.0/24" }`; nested blocks keep their source order.
struct Block {
  std::string kind;
  Range kind_range;
  std::optional<std::string> name;
  Range name_range;
  std::vector<Attribute> attributes;
  std::vector<std::unique_ptr<Block>> blocks;
  Range range; // from the kind to the closing brace
};

// The items of one file, in source order within each list.
struct File {
  FileId file = Range::kNoFile;
  std::vector<Param> params;
  std::vector<Let> lets;
  std::vector<Output> outputs;
  std::vector<std::unique_ptr<Block>> blocks;
};

// Every field of `file`, ranges included, one node a line: what tests compare to show that two
// ways of parsing the same text built the same tree.
std::string debug_dump(const File& file);

} // namespace ecl::ast
