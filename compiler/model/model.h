// The checked program: what the checker produces and the backends read. References are resolved
// to blocks, values folded into canonical units, defaults filled in, and every value keeps the
// source range it came from. Backends include only this header (and the schema's).
#pragma once

#include "compiler/model/value.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ecl::schema {
struct Kind;
}

namespace ecl::model {

// One attribute of a block after checking.
struct Attribute {
  Value value;
  Range range;            // the whole `name = value`; the block header for a default
  bool defaulted = false; // filled in from the schema, not written in the source
  // Set by AttributeMap: the attribute's name, as a number of attribute_name()'s (it fits in the
  // padding after `defaulted`, where a view would take 16 bytes more: a block holds an attribute
  // for each default of its kind, millions in a large program).
  std::uint16_t name_id = 0;

  std::string_view name() const;
};
static_assert(sizeof(Attribute) == 72);

// The names AttributeMap has been given, numbered in the order first seen: the schema's attribute
// names, a few hundred. attribute_name_id() numbers a name (a view of static storage: the
// schema's, or a literal); attribute_name() gives it back.
std::uint16_t attribute_name_id(std::string_view name);
std::string_view attribute_name(std::uint16_t id);

// A block's attributes by name: a flat map searched front to back, comparing the numbers of the
// names (find() numbers the name asked for once, through a cache). A kind has at most a few dozen
// attributes and a block sets fewer, so one contiguous scan beats a tree of string nodes on the
// checker's and the rules' hot paths, and costs one allocation per block. Keys are views: pass
// names with static storage (the schema's, or literals).
class AttributeMap {
public:
  // Iterates as (name, attribute) pairs: `for (const auto& [name, attribute] : block.attributes)`.
  class iterator {
  public:
    using value_type = std::pair<std::string_view, const Attribute&>;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    explicit iterator(const Attribute* at) : at_(at) {}
    value_type operator*() const { return {at_->name(), *at_}; }
    iterator& operator++() {
      ++at_;
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++at_;
      return before;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.at_ == b.at_; }

  private:
    const Attribute* at_ = nullptr;
  };

  const Attribute* find(std::string_view name) const;
  Attribute* find(std::string_view name) {
    return const_cast<Attribute*>(std::as_const(*this).find(name));
  }
  // The attribute called `name`, added (default-constructed) when absent.
  Attribute& operator[](std::string_view name);
  // Adds `attribute` as `name`, which the caller knows is absent (the checker adds each attribute
  // of a block once), without searching; returns its position for at().
  std::size_t append(std::string_view name, Attribute&& attribute) {
    attribute.name_id = attribute_name_id(name);
    entries_.push_back(std::move(attribute));
    return entries_.size() - 1;
  }
  // Adds an attribute taken from another map, under the name it has there (its name_id).
  void append_numbered(Attribute&& attribute) { entries_.push_back(std::move(attribute)); }
  // The attribute at a position append() returned; positions hold until erase().
  const Attribute& at(std::size_t index) const { return entries_[index]; }
  Attribute& at(std::size_t index) { return entries_[index]; }
  void erase(std::string_view name);
  void reserve(std::size_t n) { entries_.reserve(n); }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  iterator begin() const { return iterator(entries_.data()); }
  iterator end() const { return iterator(entries_.data() + entries_.size()); }

private:
  std::vector<Attribute> entries_; // in the order they were added, each with its name_id
};

struct Block;

// The children of one kind of a block, in source order, as a range that builds no vector
// (Block::each_child): Block::children_of() without the vector, for the rules and backends that
// only walk them.
class ChildrenOfKind {
public:
  class iterator {
  public:
    using value_type = const Block*;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(Block* const* at, Block* const* end, std::string_view kind)
        : at_(at), end_(end), kind_(kind) {
      skip();
    }
    const Block* operator*() const { return *at_; }
    iterator& operator++() {
      ++at_;
      skip();
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.at_ == b.at_; }

  private:
    void skip();
    Block* const* at_ = nullptr;
    Block* const* end_ = nullptr;
    std::string_view kind_;
  };

  ChildrenOfKind(const std::vector<Block*>& children, std::string_view kind)
      : children_(children), kind_(kind) {}
  iterator begin() const { return {children_.data(), children_.data() + children_.size(), kind_}; }
  iterator end() const {
    const auto* last = children_.data() + children_.size();
    return {last, last, kind_};
  }
  bool empty() const { return begin() == end(); }
  const Block* front() const { return *begin(); } // the first; not on an empty range
  std::size_t size() const {
    std::size_t n = 0;
    for (auto it = begin(); it != end(); ++it) {
      ++n;
    }
    return n;
  }

private:
  const std::vector<Block*>& children_;
  std::string_view kind_;
};

// A block of the program: `subnet main.private_a`, or an unnamed nested one such as a `route`.
struct Block {
  const schema::Kind* kind = nullptr;
  std::string_view kind_name; // "subnet": the schema's name (static storage), kind->name
  std::string name;           // "private_a"; "" for unnamed blocks
  // Dotted path from the program: "main.private_a"; unnamed blocks get `kind[i]`, counted per kind
  // within their parent: "main.public.route[0]".
  std::string path;
  Range range;        // kind keyword to closing brace
  Range header_range; // kind keyword and name: where "missing attribute" points
  Block* parent = nullptr;
  std::vector<Block*> children; // source order
  AttributeMap attributes;
  bool implicit = false; // created by the checker because the schema gives the kind a default
  // Position in Program::blocks (set by Program::add), for per-block tables indexed without a map.
  // 32 bits, in the padding after `implicit`: a block is 176 bytes, not 200.
  std::uint32_t id = 0;

  const Attribute* attribute(std::string_view name) const;
  // The attribute's value, or nullptr when it is absent or null.
  const Value* get(std::string_view name) const;
  std::optional<std::int64_t> get_int(std::string_view name) const;
  std::optional<bool> get_bool(std::string_view name) const;
  const std::string* get_string(std::string_view name) const;
  const std::string* get_enum(std::string_view name) const;
  const Block* get_ref(std::string_view name) const;
  std::vector<const Block*> get_refs(std::string_view name) const; // a list of references
  // Children of one kind, in source order.
  std::vector<const Block*> children_of(std::string_view kind) const;
  // The same without building a vector (`for (const Block* c : block.each_child("route"))`).
  ChildrenOfKind each_child(std::string_view of) const;
  // The first child of the kind, or nullptr.
  const Block* first_child(std::string_view kind) const;
  // The nearest ancestor (or self) of the given kind.
  const Block* ancestor(std::string_view kind) const;
  // "subnet `main.private_a`", for messages.
  std::string display() const;
};
static_assert(sizeof(Block) == 176);

// The container of `task` that `name` designates (a service's `load_balancers` item): the one whose
// ECS name (its `name`, by default the block's) it is, or else the one whose block it names.
const Block* container_named(const Block& task, std::string_view name);

// A subnet's zone, to compare with another's: the name written (`us-east-1a`), or for a zone
// chosen at deployment the text of its deferred value (`availability_zones[0]`), which differs
// from every other zone chosen so and is never taken to be the same as a written one. Null when
// the subnet has none.
const std::string* zone_of(const Block& subnet);

struct Output {
  std::string name;
  Value value;
  Range range;
};

// A name written in the program and what the checker resolved it to, for editors (definition,
// references, rename, hover): `igw` in `target = igw`, `private_a` in `main.private_a`, `zones` in
// `zones[0]`, `cidr` in `main.cidr`. Recorded when check::Options::record_references is set.
//
// Into modules: `api` in `api.url` (ToModule: the instance's name), `url` there (ToOutput: the
// module's `output url`), `image` in `module api { image = … }` (ToParam: the module's param),
// and the `source` string (ToModule: the module's first file).
struct Reference {
  enum What { ToBlock, ToLet, ToParam, ToAttribute, ToModule, ToOutput };
  What what = ToBlock;
  Range range;                  // the name as written
  const Block* block = nullptr; // ToBlock: the block; ToAttribute: the block the attribute is of
  Range declaration;            // ToLet, ToParam, ToModule, ToOutput: the declared name
  std::string_view name;        // ToAttribute: the attribute or deferred attribute (the schema's)
};

// A module instance, `module api { source = "./modules/service" … }`, as the checker read it: for
// editors (completion of its params and outputs, definitions in its files).
struct ModuleInstance {
  std::string path;         // "api"; a nested instance's "web.api"
  Range range;              // the `module` block
  Range name_range;         // its name
  std::string directory;    // the module's directory
  std::vector<Range> files; // the start of each of the instance's files
  struct Param {
    std::string name;
    std::string type; // as written: "string", "list<subnet>"
    bool required = false;
    Range declaration;
  };
  struct Output {
    std::string name;
    Range declaration;
  };
  std::vector<Param> params;
  std::vector<Output> outputs;
};

struct Program {
  // Every block, parents before children, source order (implicit blocks last). Filled through
  // add(), which also keeps the index behind of_kind().
  std::vector<std::unique_ptr<Block>> blocks;
  const Block* stack = nullptr; // the `stack` block, if any
  std::vector<Output> outputs;
  std::map<std::string, Value, std::less<>> params; // final values after -p overrides
  std::vector<Reference> references;   // in evaluation order, when the checker records them
  std::vector<ModuleInstance> modules; // callers before the instances they write
  // Kinds an error dropped a block of: what a misspelt kind (E1001) was suggested to be.
  std::vector<std::string> lost_kinds;

  // Appends `block` (its kind_name set) to `blocks` and to the kind index; returns it.
  Block* add(std::unique_ptr<Block> block);
  // Every block of one kind, in the order of `blocks`. An index, not a scan: rules ask per block.
  const std::vector<const Block*>& of_kind(std::string_view kind) const;
  const Block* find(std::string_view path) const;
  std::string region() const; // the stack's region, or ""

private:
  std::map<std::string, std::vector<const Block*>, std::less<>> by_kind_;
  // add()'s shortcut past the map: the list of each schema kind seen so far (map nodes stay put).
  std::vector<std::pair<const schema::Kind*, std::vector<const Block*>*>> kind_lists_;
};

} // namespace ecl::model
