// Private to the checker: the state shared by declaration collection, evaluation and defaults.
#pragma once

#include "compiler/check/check.h"
#include "compiler/schema/schema.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ecl::check {

// Deferred: an attribute left to its schema default, a value that is the same for every block
// (schema::DefaultKind::Value). The model does not hold it while blocks are evaluated; it is
// added, where evaluation would have put it, once every block is and the checker's own state is
// freed (add_defaults()): the syntax, slots and block records are gone, and it takes their room.
enum class State : std::uint8_t { Pending, Running, Done, Deferred };

// A name visible in a scope: a block, a let, a param or a module instance. A let's, param's or
// instance's namespace is the one its declaration's file belongs to (Checker::space_of()).
//
// A let's slot: its State is kept beside it (Namespace::let_states), so that a slot is 64 bytes,
// not 72, in a program of millions of lets.
struct LetSlot {
  const ast::Let* syntax = nullptr;
  model::Value value;
};

struct Decl {
  enum What : std::uint8_t { BlockDecl, LetDecl, ParamDecl, ModuleDecl };
  // What the name stands for: its block, or its let's slot (its Namespace's `lets`, which never
  // move once declared); null for a param or an instance.
  union {
    model::Block* block = nullptr;
    LetSlot* let;
  };
  std::string_view name; // the AST's, which outlives the checker
  Range range;
  What what = BlockDecl; // last: 40 bytes, not 48
  // Set on a name's first declaration in a hashed Scope when the name has more (Scope::Hashed).
  bool more = false;
  std::string kind() const; // "subnet", "let", "param"
};

struct ParamSlot {
  const ast::Param* syntax = nullptr;
  const schema::Type* type = nullptr;
  State state = State::Pending;
  const ParamOverride* override_value = nullptr;
  // A module's param: the argument its instance gives (`image = "…"` in `module api { … }`),
  // evaluated in the caller's namespace; null: the default.
  const ast::Attribute* argument = nullptr;
  model::Value value;
};

// An output of a module instance, read from its caller as `api.url`: evaluated once, on first use.
struct OutputSlot {
  const ast::Output* syntax = nullptr;
  std::string path; // "api.url", for cycle messages
  State state = State::Pending;
  model::Value value;
};

// One attribute of one block (its schema entry is the same index of the kind's attributes).
// Eight bytes: a block has a slot per attribute of its kind, written or not (Checker::syntax_of()
// reads `syntax`).
struct AttrSlot {
  static constexpr std::uint16_t kAbsent = 0xffff;
  // 1 + the attribute's index in the block's ast::Block::attributes; 0: not written, the default
  // applies.
  std::uint32_t syntax = 0;
  // Once Done: the attribute's position in the block's AttributeMap (valid until normalize()),
  // or kAbsent when it has no value. Spares a search of the map per read. A block holds at most
  // one entry per attribute of its kind. Once Deferred: the size of the map when the default was
  // taken, which is where it goes.
  std::uint16_t entry = kAbsent;
  State state = State::Pending;
  // Once Deferred: how many of the block's defaults were deferred before this one (its place
  // among those that go to the same position).
  std::uint8_t order = 0;
};
static_assert(sizeof(AttrSlot) == 8);

// The names declared directly in one scope (a block, or the program); one name may be declared
// once per kind. Most scopes hold a few names (a task's containers, a block's one child): those
// are kept in one small vector, scanned. A VPC or the program may hold tens of thousands of names,
// and every reference looks one up: past kLinear names the scope is hashed.
class Scope {
public:
  void add(Decl decl);
  // The declarations of `name`, in declaration order.
  std::span<const Decl> find(std::string_view name) const;
  // Every declared name, sorted, once per declaration (for did-you-mean).
  std::vector<std::string> names() const;
  // Room for `n` names: a program of millions of lets is hashed once, not rehashed as it grows.
  void reserve(std::size_t n);

private:
  static constexpr std::size_t kLinear = 8;
  // Declarations of one name are kept next to each other, in declaration order.
  std::vector<Decl> few_;
  void add_hashed(Decl decl);
  // Past kLinear names: each name's first declaration, in declaration order, and an open-addressed
  // table of their positions (a program of millions of lets holds 40 bytes and about 6 of table a
  // name, where a hash set's node took 80 and its bucket 8).
  struct Hashed {
    std::vector<Decl> firsts;
    // 1 + an index into `firsts`, 0 for an empty slot; a power of two long, at most 3/4 full.
    std::vector<std::uint32_t> table;
    // Every declaration of a name declared more than once (Decl::more set on its first), by its
    // first's index.
    std::unordered_map<std::uint32_t, std::vector<Decl>> more;
    // The position in `table` of `name`, or of the empty slot where it would go.
    std::size_t slot(std::string_view name) const;
    // Room for `names` names without growing again.
    void grow(std::size_t names);
  };
  // Behind a pointer, as most scopes never need it (a scope per block).
  std::unique_ptr<Hashed> by_name_;
};

// How many children of each kind a block (or a namespace's top level) has so far, for `kind[i]`
// paths, max_per_parent and implicit children: needed until every block is declared.
using ChildCounts = std::vector<std::pair<const schema::Kind*, int>>;

// What the checker knows of a block while it evaluates the program: 40 bytes, one per block.
struct BlockInfo {
  const ast::Block* syntax = nullptr; // null for implicit blocks
  // One per attribute of the block's kind, in the schema's order (see slot_of()); a view of
  // Checker::slots_, empty until the attributes are collected.
  std::span<AttrSlot> slots;
  // The named children: Checker::scopes_[scope]; 0, an empty scope, until the first is declared
  // (most blocks name none).
  std::uint32_t scope = 0;
  std::uint32_t space = 0; // the namespace (Checker::spaces_) the block is written in
  // A module's top-level block placed in a block of its caller's (`cluster = cluster`): its model
  // parent is that block, but its names resolve in the module.
  bool placed = false;
  std::uint8_t deferred = 0; // attributes Deferred so far (a kind has fewer than 255)
  bool reserved = false;     // the block's AttributeMap has its room (reserve_attributes())
};

// The program, or one module instance: the namespace of its top-level blocks, params, lets and
// module instances, and its outputs. Checker::spaces_[0] is the program.
struct Namespace {
  const ModuleInstance* instance = nullptr; // null: the program
  std::uint32_t outer = 0;                  // the namespace that writes the instance
  std::string path;                         // "api", "web.api"; "" for the program
  bool declared = false;                    // false: the instance could not be declared
  std::vector<const ast::File*> files;
  Scope scope;
  ChildCounts top_level_counts;
  // Every let, in declaration order, reserved once (declare_values()) so that its Decl points at
  // its slot: a program may hold millions of lets, found by name through `scope` alone.
  std::vector<LetSlot> lets;
  std::vector<State> let_states; // lets[i]'s is let_states[i]
  std::map<std::string_view, ParamSlot, std::less<>> params;
  std::vector<OutputSlot> outputs; // a module's, in source order
};

// One segment of a path after its root: `private_a` of `main.private_a`, and the expression the
// path so far is (its range is what a message about the segment shows).
struct PathSegment {
  const ast::Expr* expr = nullptr;
  const ast::Member* member = nullptr;
};

// An entry of the evaluation stack, formatted only for a cycle message: "a.cidr", "let x".
struct Frame {
  enum What { AttrFrame, LetFrame, ParamFrame, OutputFrame } what;
  const model::Block* block = nullptr; // AttrFrame
  std::string_view name;               // the attribute, let or param; an output's path
  friend bool operator==(const Frame&, const Frame&) = default;
  std::string str() const;
};

class Checker {
public:
  Checker(const SourceManager& sources, Diagnostics& diags, const Options& options)
      : sources_(sources), diags_(diags), options_(options) {}

  std::unique_ptr<model::Program> run(const std::vector<ast::File>& files, const Modules* modules);
  // The same on the program's syntax trees, which the checker then owns and frees as it goes.
  std::unique_ptr<model::Program> run(std::vector<ast::File>&& files, const Modules* modules);

  // ---- evaluation (evaluator.cpp) ----
  // Folds `expr` in the scope of block `scope` (null: the program). `expected` steers how bare
  // names read (an enum member, a reference of the right kind) and may be null.
  model::Value eval(const ast::Expr& expr, const schema::Type* expected, const model::Block* scope);
  // Converts `value` to `type` in place: units, CIDR validation, reference kinds, object fields.
  // Reports to `sink` (null: try silently) and returns false (leaving Null) when it does not fit.
  // `to` is the attribute or field given the value (null for a param): what AWS takes applies to
  // it alone (a duration in whole seconds), and messages name it.
  bool coerce(model::Value& value, const schema::Type& type, Diagnostics* sink,
              const schema::Attribute* to = nullptr);
  // Bounds of an attribute or field, in canonical units.
  void check_range(model::Value& value, const schema::Attribute& attr, Diagnostics* sink);
  std::string_view text(const Range& range) const;

private:
  // ---- declarations (checker.cpp) ----
  void declare_block(const ast::Block& syntax, model::Block* parent);
  void declare(const model::Block* scope, Decl decl);
  // A block that was reported and left out of the model (an unknown kind, a wrong parent): its
  // name and its children's are remembered, so references to them are not reported again.
  void drop(const ast::Block& syntax);
  BlockInfo& info_of(const model::Block& block) { return blocks_[block.id]; }
  // A block's scope; null: the top level of the current namespace (top_).
  Scope& scope_of(const model::Block* block);
  const Scope& scope_of(const model::Block* block) const {
    return block ? scopes_[blocks_[block->id].scope] : spaces_[top_].scope;
  }
  // The namespace a file belongs to: 0 for the program's, an instance's for its module's files.
  std::uint32_t space_of(FileId file) const {
    if (space_of_file_.empty()) {
      return 0; // no modules: every let's slot asks (let_value())
    }
    auto it = space_of_file_.find(file);
    return it == space_of_file_.end() ? 0 : it->second;
  }
  // Where a name lookup goes after `block`'s scope: its parent's, or for a block placed in its
  // caller's (and a top-level one) its namespace's top level (null).
  const model::Block* lexical_parent(const model::Block& block) const {
    return blocks_[block.id].placed ? nullptr : block.parent;
  }
  // The named children of `block` called `name` (any kind), in source order.
  std::span<const Decl> named_children(const model::Block& block, std::string_view name) const {
    return scope_of(&block).find(name);
  }
  // The slot of attribute `name` of the block's kind, or null when the kind has none.
  AttrSlot* slot_of(const model::Block& block, std::string_view name);
  // Where the attribute of `slot` (one of `block`'s) is written; null when it is not.
  const ast::Attribute* syntax_of(const model::Block& block, const AttrSlot& slot) {
    return slot.syntax ? &info_of(block).syntax->attributes[slot.syntax - 1] : nullptr;
  }
  // Frees the syntax of the program's blocks evaluated before `next` (the next in the order of
  // Program::blocks: parents first, in source order), when the checker owns it: what was parsed
  // before the last of them ended, but the outputs, is read no more. Nothing else reads a block's
  // syntax once it is evaluated, nor a let's or a param's, evaluated before the blocks.
  void release_syntax_before(const model::Block& next);
  // Adds `block` to the model and gives it a BlockInfo; returns it.
  model::Block* add_block(std::unique_ptr<model::Block> block);
  void declare_values(std::uint32_t space);
  // ---- modules (modules.cpp) ----
  // Makes a namespace for each module instance the driver loaded.
  void make_namespaces(const std::vector<ast::File>& files, const Modules* modules);
  // `module NAME { … }` met by the declaration pass: declares the instance's name.
  void declare_instance(const ast::Block& syntax, model::Block* parent);
  // Declares each instance's blocks, params, lets and outputs, and matches its arguments.
  void declare_instances();
  // Puts the blocks a module writes at its top level in the caller's block they name; false when
  // one could not be placed (reported).
  bool place_blocks();
  // The module output `name` of namespace `space`, evaluated on first use.
  model::Value output_value(std::uint32_t space, const ast::Member& member, const Range& use);
  model::Value output_slot_value(std::uint32_t space, OutputSlot& output);
  void evaluate_module_outputs();
  // Adds to each diagnostic in a module's file a note at the instance (and its callers').
  void note_instances(std::size_t first);
  // The prefix of the names made for a top-level block of namespace `space`: "api-", "".
  std::string name_prefix(std::uint32_t space) const;
  void record_module(const Range& use, const Range& declaration, model::Reference::What what);
  void add_implicit_children();
  std::vector<const Decl*> lookup(std::string_view name, const model::Block* scope,
                                  const std::vector<std::string_view>* kinds) const;
  std::vector<std::string> visible_names(const model::Block* scope) const;

  // ---- values (evaluator.cpp) ----
  model::Value eval_name(const ast::Expr& expr, const ast::Name& name, const schema::Type* expected,
                         const model::Block* scope);
  // The path to attribute `name` of the nearest block around `scope` that has one, to suggest
  // for a bare name that found nothing (`net.cidr` for `cidr` in a subnet of vpc `net`); "" when
  // none has it.
  std::string attribute_path(std::string_view name, const model::Block* scope) const;
  // A path, `main.private_a.cidr`: its root, then each segment selected in turn.
  model::Value eval_member(const ast::Expr& expr, const schema::Type* expected,
                           const model::Block* scope);
  // Selects `path`'s first segment in `object`; the rest of the path (and the `expected` type of
  // its end) settles which of several children of one name it means.
  model::Value select_member(const model::Value& object, std::span<const PathSegment> path,
                             const schema::Type* expected);
  // Whether the segments `rest` lead somewhere from `block`: through named children to its end,
  // or to an attribute; with `kinds`, only to a block of one of them.
  bool has_path(const model::Block& block, std::span<const PathSegment> rest,
                const std::vector<std::string_view>* kinds) const;
  // For a path whose head `name`, looked up from `scope`, found a block without the path's `rest`:
  // the first declaration of `name` in a scope further out that has it, the one the nearer hides;
  // null when none has it.
  const Decl* hidden_declaration(std::string_view name, const model::Block* scope,
                                 std::span<const PathSegment> rest) const;
  // The one block among `candidates` (declarations of one name) that `rest` leads from to a block
  // of `kinds`, or else the one it leads anywhere from; null when not exactly one.
  const Decl* settle(std::span<const Decl* const> candidates, std::span<const PathSegment> rest,
                     const std::vector<std::string_view>* kinds) const;
  model::Value eval_string(const ast::Expr& expr, const ast::String& string,
                           const model::Block* scope);
  // The node-by-node folding behind eval(), which bounds its depth and its result's size.
  model::Value eval_node(const ast::Expr& expr, const schema::Type* expected,
                         const model::Block* scope);
  // `value` when it is within limits::kMaxStringBytes, kMaxValueSize and kMaxValueDepth;
  // otherwise E0019, E0020 or E0021 at `range` and Null. Sets measured_.
  model::Value bounded(model::Value value, const Range& range);
  // What limits::kMaxValueSize counts of `value`, which eval() returned last, with `value` at
  // nesting `depth` (as value_size()).
  std::size_t size_at(const model::Value& value, std::size_t depth) const;
  model::Value eval_unary(const ast::Expr& expr, const ast::Unary& unary,
                          const model::Block* scope);
  model::Value eval_binary(const ast::Expr& expr, const ast::Binary& binary,
                           const model::Block* scope);
  model::Value eval_call(const ast::Expr& expr, const ast::Call& call, const model::Block* scope);
  model::Value eval_index(const ast::Expr& expr, const ast::Index& index,
                          const model::Block* scope);
  model::Value decl_value(const Decl& decl, const Range& use);
  // Notes for editors that the name at `use` resolved to `decl` (or to `block`'s attribute `name`).
  void record(const Decl& decl, const Range& use);
  void record_access(const model::Block& block, std::string_view name, const Range& use);
  // "let a -> let b -> let a": the evaluation stack from `key`'s first entry back to `key`.
  std::string cycle_to(const Frame& key) const;
  // Evaluates a let or param once: `compute` runs with `key` on the evaluation stack; meeting
  // `key` again while it runs is a cycle (E1007), reported at `name_range`.
  template <typename Compute>
  void evaluate_once(State& state, model::Value& value, const Frame& key, Range name_range,
                     Compute compute) {
    if (state == State::Running) {
      diags_.report(Diag::LetCycle, name_range, cycle_to(key));
      value = model::Value{model::Null{}, name_range};
      state = State::Done;
    }
    if (state == State::Pending) {
      state = State::Running;
      eval_stack_.push_back(key);
      model::Value v = compute();
      eval_stack_.pop_back();
      if (state == State::Running) {
        value = std::move(v);
        state = State::Done;
      }
    }
  }
  model::Value let_value(LetSlot& slot, const Range& use);
  // The slot of the declared let `name`.
  model::Value param_value(ParamSlot& slot, const Range& use);
  bool coerce_object(model::Value& value, const schema::Type& type, Diagnostics* sink);
  // Fails with E2015 when `value` holds anything deferred; `need` says what wanted it.
  bool require_known(const model::Value& value, std::string_view need);

  // ---- attributes and defaults (attributes.cpp) ----
  void collect_attributes(model::Block& block);
  void evaluate_block(model::Block& block);
  // The folded value of an attribute (by name, or by index in the kind's attributes), evaluated
  // on first use. The reference stays valid until normalize().
  const model::Value& attribute_value(const model::Block& block, std::string_view name,
                                      const Range& use);
  const model::Value& attribute_value(const model::Block& block, std::size_t index,
                                      const Range& use);
  void reserve_attributes(model::Block& block);
  // Leaves the attribute of `slot`, one of `block`'s, to its constant default (State::Deferred).
  void defer(const model::Block& block, AttrSlot& slot);
  // The deferred default `index` of `block` as a value of the block's (ranges at its header), for
  // what reads it during evaluation: kept in deferred_reads_, not in the model.
  const model::Value& deferred_value(const model::Block& block, std::size_t index);
  // Notes, once `block` is evaluated, which of its attributes were deferred and where each goes
  // (deferred_defaults_), for add_defaults() once the checker's state is freed.
  void note_defaults(const model::Block& block);
  // Adds the deferred defaults of `block` (its part of deferred_defaults_) to its attributes,
  // each where evaluation took it.
  void add_defaults(model::Block& block, std::span<const std::uint32_t> deferred);
  model::Value default_value(const model::Block& block, const schema::Attribute& attr);
  model::Value derived_value(const model::Block& block, const schema::Attribute& attr);
  // Whether an attribute that is not written gets a value: not when it has no default, nor when
  // the backends generate it.
  static bool has_default(const schema::Attribute& attr) {
    return attr.default_value.kind != schema::DefaultKind::None &&
           attr.default_value.kind != schema::DefaultKind::Generated;
  }
  // Whether the default is the schema's value, the same for every block: it is Deferred.
  static bool constant_default(const schema::Attribute& attr) {
    return attr.default_value.kind == schema::DefaultKind::Value;
  }
  void apply_param_overrides();
  void evaluate_outputs(const std::vector<ast::File>& files);
  void normalize(model::Block& block);
  // Removes what earlier errors caused, from the diagnostics the checker reported (index
  // `first_checked` on): anything after a syntax error on the same line (the parser's recovery
  // read the rest of the line as new items), and a diagnostic of the AWS rules (index `first_rule`
  // on) about a block holding an error reported before them, or noting one (a misspelt child, a
  // reference of the wrong kind): the rules do not judge a block the checker could not read whole.
  void drop_consequences(std::size_t first_checked, std::size_t first_rule);

  const SourceManager& sources_;
  Diagnostics& diags_;
  const Options& options_;
  // The program's syntax trees, when the caller gave them up (run(std::vector<ast::File>&&, …)):
  // freed as their blocks are evaluated (release_syntax_before()), and whole once evaluation is
  // over.
  std::vector<ast::File> owned_files_;
  // While blocks are evaluated, on trees the checker owns: the program's blocks whose text
  // encloses the block evaluated last, each with the node allocated last for it.
  std::vector<std::pair<const model::Block*, const void*>> open_blocks_;
  std::unique_ptr<model::Program> program_;
  // BlockInfo of each block, indexed by model::Block::id. Entries move when a block is added: the
  // declaration pass holds no reference to one across add_block().
  std::vector<BlockInfo> blocks_;
  // Every block's AttrSlots in one allocation, sized once every block is declared.
  std::vector<AttrSlot> slots_;
  // The scopes of blocks that name children (BlockInfo::scope); [0] stays empty.
  std::vector<Scope> scopes_ = std::vector<Scope>(1);
  // Each block's ChildCounts, by model::Block::id, until every block is declared.
  std::vector<ChildCounts> child_counts_;
  // Deferred defaults read during evaluation (deferred_value()), by block id and attribute index:
  // a node each, so that the references handed out stay valid.
  std::unordered_map<std::uint64_t, model::Value> deferred_reads_;
  // Every block's deferred defaults, in the order of the blocks and, within one, of deferral:
  // the attribute's index << 16 | where it goes (AttrSlot::entry), noted as each block is
  // evaluated; deferred_counts_[id] of them are the block's. Four bytes a default, where the
  // slots and block records they come from take 8 a schema attribute and 40 a block: the
  // defaults are added once those are freed, into their room.
  std::vector<std::uint32_t> deferred_defaults_;
  std::vector<std::uint8_t> deferred_counts_;
  // The program's namespace ([0]) and each module instance's; names are views of the ASTs', which
  // outlive the checker.
  std::vector<Namespace> spaces_;
  std::uint32_t top_ = 0; // the namespace whose top level a null scope means
  std::unordered_map<FileId, std::uint32_t> space_of_file_;
  std::unordered_map<const ast::Block*, std::uint32_t> space_of_instance_;
  // A declared instance's namespace, by where its name is written (a ModuleDecl's range).
  std::map<std::pair<FileId, std::uint32_t>, std::uint32_t> instance_by_name_;
  // Per namespace, what note_instances() says of it once the tables above are gone.
  struct InstanceNote {
    std::uint32_t outer = 0;
    Range at;
    std::string path;
  };
  std::vector<InstanceNote> instance_notes_;
  // Blocks a module writes at its top level that name a parent of its caller's: the block and
  // the attribute that names it.
  std::vector<std::pair<model::Block*, const ast::Attribute*>> placements_;
  std::vector<Frame> eval_stack_; // for cycle messages
  // Where syntax errors (E0xxx) were reported before attributes were collected, sorted: a block
  // containing one was repaired by the parser and may have lost attributes.
  std::vector<std::pair<FileId, std::uint32_t>> syntax_errors_;
  // A file of the namespace holds a syntax error (its declarations may be lost with the repairs).
  bool has_syntax_error(const Namespace& ns) const;
  // The size limits::kMaxValueSize counts of a value, and how deep lists and maps nest in it.
  struct Measure {
    std::size_t size = 0;
    std::size_t height = 0; // 0: not a list or map
  };
  // Of the value eval() returned last: a list or object built of values just evaluated adds up
  // theirs instead of walking each again, which costs the square of the depth in a nested value.
  Measure measured_;
  // Of the list or object eval_node() built last, for the bounded() it goes through.
  std::optional<Measure> built_;
  std::size_t eval_depth_ = 0;       // eval() frames active, at most limits::kMaxEvalDepth
  bool eval_depth_reported_ = false; // E0022 once per program: every level above it is Null
  SourceManager override_sources_;   // `-p` values read as ECL literals
  std::set<std::string_view, std::less<>> dropped_names_; // see drop()
  // Kinds of blocks left out for want of a name: a reference to one of them is not reported.
  std::set<std::string_view, std::less<>> nameless_kinds_;
};

// A copy of `value` whose ranges (nested ones included) are all `at`: a schema default handed to
// one block.
model::Value copy_at(const model::Value& value, Range at);

} // namespace ecl::check
