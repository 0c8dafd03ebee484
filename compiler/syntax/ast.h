// The ECL abstract syntax tree: owned by us, with byte ranges for every part. Nothing here knows
// about ANTLR; the Transformer (transformer.cpp) builds it from the parse tree and the parse tree
// never leaves the syntax layer. Depth is bounded by the syntax layer (see limits.h), so later
// passes may recurse.
//
// Memory (a million-line file is a few million nodes, alive while the checker builds the model):
// names and texts are views, not strings: into the source text where they are written as they
// read (every name, and a string without escapes), else into the file's arena (decoded text). So
// an AST is valid while its SourceManager is, which every user holds anyway (ranges point into
// it). Every node and every list of nodes lives in the file's arena too, at its exact size and
// without malloc's header per node, and nothing in it owns other memory: ExprPtr and BlockPtr
// keep unique_ptr's moves but free nothing, the lists are spans, and the arena frees it all at
// once with the file (or, for the checker, as it goes: Arena::release_before()).
#pragma once

#include "compiler/diagnostics/source.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ecl::ast {

// Where one file's nodes and decoded texts live: chunks handed out front to back and freed all at
// once with the file, or front to back by a reader that is done with them (release_before()).
class Arena {
public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  void* allocate(std::size_t size, std::size_t align);
  // A `T` constructed in the arena. Its destructor never runs: T holds arena memory only.
  template <typename T, typename... Args>
  T* make(Args&&... args) {
    return new (allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }
  // `from`'s items moved into the arena, at their exact count; `from` is left empty.
  template <typename T>
  std::span<T> array(std::vector<T>& from) {
    if (from.empty()) {
      return {};
    }
    T* at = static_cast<T*>(allocate(sizeof(T) * from.size(), alignof(T)));
    std::uninitialized_move(from.begin(), from.end(), at);
    std::span<T> out(at, from.size());
    from.clear();
    return out;
  }
  // A copy of `text` in the arena.
  std::string_view copy(std::string_view text);
  // Frees every chunk that was filled before the one holding `p` (memory of this arena) began,
  // except from the one holding a `keep_from()` pointer on: for a reader done with everything
  // allocated before `p` (the checker, which evaluates blocks in the order they were parsed, frees
  // the syntax of those it has evaluated). Nothing in the freed chunks may be read again. A large
  // allocation that got a chunk of its own counts as made in the chunk filled at the time.
  void release_before(const void* p);
  // Keeps the chunk holding `p` (memory of this arena), and every later one, from
  // release_before(): what a reader will still read, though it was allocated early.
  void keep_from(const void* p);
  // Bytes taken from the system and not given back.
  std::size_t reserved() const { return reserved_; }

private:
  static constexpr std::size_t kChunk = 64 * 1024;
  struct Chunk {
    char* data;
    std::size_t size;
    // Chunks of kChunk bytes made before it and it: release_before() frees in this order.
    std::size_t ordinal;
  };
  // The ordinal of the chunk holding `p`, or nullopt when `p` is not in the arena.
  std::optional<std::size_t> ordinal_of(const void* p);
  std::vector<Chunk> chunks_;           // in the order they were made (ordinals ascending)
  std::vector<std::size_t> by_address_; // indices into chunks_, by address; made on first use
  std::size_t filled_ = 0;              // chunks of kChunk bytes made
  std::size_t released_ = 0;            // chunks_ before this index are freed
  std::size_t keep_ = static_cast<std::size_t>(-1); // no chunk of this ordinal or later is freed
  char* next_ = nullptr;
  char* end_ = nullptr;
  std::size_t reserved_ = 0;
};

// The deleter of arena nodes: nothing to do, the arena frees them (and they own nothing else).
template <typename T>
struct NodeDelete {
  void operator()(T* /*node*/) const {}
};

struct Expr;
struct Block;
using ExprPtr = std::unique_ptr<Expr, NodeDelete<Expr>>;
using BlockPtr = std::unique_ptr<Block, NodeDelete<Block>>;

// A number, with an optional unit written directly after it: `3`, `0.25vcpu`, `512MiB`, `30s`.
struct Number {
  double value = 0;
  std::int64_t integer = 0;
  // "", "MiB", "GiB", "vcpu", "ms", "s", "m", "h"
  std::string_view unit() const { return {unit_, unit_size_}; }
  void set_unit(std::string_view unit) {
    unit_ = unit.data();
    unit_size_ = static_cast<std::uint8_t>(unit.size());
  }

private:
  // A pointer and a byte rather than a string_view keep every Expr 8 bytes smaller (see Expr).
  const char* unit_ = "";
  std::uint8_t unit_size_ = 0;

public:
  bool is_integer = true; // written without a decimal point
};

// The name of a Member or a Call: a view of the source, stored as its start, its length being
// its range's (a string_view and a Range would make every Expr 16 bytes larger; see Expr).
struct SourceName {
  std::string_view name() const { return {name_, name_range.end - name_range.begin}; }
  void set_name(std::string_view name, Range range) {
    name_ = name.data();
    name_range = range;
  }

private:
  const char* name_ = nullptr;

public:
  Range name_range; // its 4 bytes of tail padding hold a Call's argument count
};

// `true` / `false`.
struct Bool {
  bool value = false;
};

// One piece of a string: literal text (escapes already decoded) or an interpolation `${expr}`.
struct StringPart {
  std::string_view text() const { return {text_, text_size_}; } // decoded
  void set_text(std::string_view text) {
    text_ = text.data();
    text_size_ = static_cast<std::uint32_t>(text.size());
  }
  ExprPtr expr; // set for an interpolation

private:
  const char* text_ = nullptr; // with text_size_ in range's padding: 32 bytes, not 40

public:
  Range range;

private:
  std::uint32_t text_size_ = 0;
};

// A string literal: `"api"`, `"${env}-api"`.
struct String {
  std::span<StringPart> parts;
};

// A bare name: `env`, `main`, `awsvpc`.
struct Name {
  std::string_view name;
};

// Member access, one path segment: `main.cidr`, `main.private_a`.
struct Member : SourceName {
  ExprPtr object;
};

// Indexing: `zones[0]`, `tags["env"]`.
struct Index {
  ExprPtr object;
  ExprPtr index;
};

// A call of a built-in function: `cidrsubnet(main.cidr, 8, 0)`.
struct Call : SourceName {
  std::span<ExprPtr> args() const { return {args_, arg_count_}; }
  void set_args(std::span<ExprPtr> args) {
    args_ = args.data();
    arg_count_ = static_cast<std::uint32_t>(args.size());
  }

private:
  std::uint32_t arg_count_ = 0; // in SourceName's tail padding
  ExprPtr* args_ = nullptr;
};

// A list: `[a, b, c]`.
struct List {
  std::span<ExprPtr> items;
};

// One entry of an object: `team = "platform"` or `"Name" = "x"`.
struct ObjectEntry {
  std::string_view key; // decoded
  Range key_range;
  ExprPtr value;
};

// An object: `{ team = "platform", env = env }`.
struct Object {
  std::span<ObjectEntry> entries;
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

// 56 bytes: no alternative holds more than 32 (a Call, a Member, a Number, a Binary), and the
// checker reads millions of them.
struct Expr {
  Range range;
  std::variant<Number, Bool, String, Name, Member, Index, Call, List, Object, Unary, Binary,
               Conditional, Error>
      node;
};

const char* binary_op_text(BinaryOp op);

// A param type: `string`, `list<cidr>`, `map<int>`, or a block kind (`cluster`, `list<subnet>`):
// a reference to a block of that kind, which a module's params take.
struct Type {
  enum Kind { String, Int, Number, Bool, Cidr, Memory, Cpu, Duration, List, Map, Block };
  Kind kind = String;
  std::unique_ptr<Type> element; // for List and Map
  std::string_view block_kind;   // for Block: the schema's name of the kind
  Range range;
};
std::string type_text(const Type& type);

// `param env: string = "prod"`.
struct Param {
  std::string_view name;
  Range name_range;
  Type type;
  ExprPtr default_value; // may be null
  Range range;
};

// `let zones = ["us-east-1a", "us-east-1b"]`.
struct Let {
  std::string_view name;
  ExprPtr value;
  Range name_range;
  Range range;
};

// `output cluster_arn = prod.arn`.
struct Output {
  std::string_view name;
  ExprPtr value;
  Range name_range;
  Range range;
};

// `cidr = "10.0.0.0/16"` inside a block. 32 bytes: the name starts the range, so its range is
// computed, and it is stored as a pointer and a length.
struct Attribute {
  std::string_view name() const { return {name_, name_size_}; }
  Range name_range() const { return {range.file, range.begin, range.begin + name_size_}; }
  // `name`, a view of the source, starts `range`.
  void set_name(std::string_view name) {
    name_ = name.data();
    name_size_ = static_cast<std::uint32_t>(name.size());
  }
  ExprPtr value;

private:
  const char* name_ = nullptr;

public:
  Range range;

private:
  std::uint32_t name_size_ = 0;
};

// `subnet public_a { cidr = "10.0.0.0/24" }`; nested blocks keep their source order. 72 bytes:
// the kind starts the range, and the name is a view of the same source as the kind, so their
// ranges are computed.
struct Block {
  std::string_view kind; // a view of the source, at range.begin
  std::span<Attribute> attributes;
  std::span<BlockPtr> blocks;
  Range range; // from the kind to the closing brace

  std::optional<std::string_view> name() const {
    return name_ != nullptr ? std::optional<std::string_view>({name_, name_size_}) : std::nullopt;
  }
  // `name`: a view of the source, after `kind`.
  void set_name(std::string_view name) {
    name_ = name.data();
    name_size_ = static_cast<std::uint32_t>(name.size());
  }
  Range kind_range() const {
    return {range.file, range.begin, range.begin + static_cast<std::uint32_t>(kind.size())};
  }
  // Range{} when there is no name.
  Range name_range() const {
    if (name_ == nullptr) {
      return {};
    }
    auto begin = range.begin + static_cast<std::uint32_t>(name_ - kind.data());
    return {range.file, begin, begin + name_size_};
  }

private:
  std::uint32_t name_size_ = 0; // in the padding after `range`
  const char* name_ = nullptr;
};

// The items of one file, in source order within each list.
struct File {
  // First, so that it goes last: every node below is in it.
  std::unique_ptr<Arena> arena = std::make_unique<Arena>();
  FileId file = Range::kNoFile;
  std::vector<Param> params;
  std::vector<Let> lets;
  std::vector<Output> outputs;
  std::vector<BlockPtr> blocks;
};

} // namespace ecl::ast
