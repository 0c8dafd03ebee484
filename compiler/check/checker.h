// Private to the checker: the state shared by declaration collection, evaluation and defaults.
#pragma once

#include "compiler/check/check.h"
#include "compiler/schema/schema.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ecl::check {

enum class State { Pending, Running, Done };

// A name visible in a scope: a block, a let or a param.
struct Decl {
  enum What { BlockDecl, LetDecl, ParamDecl } what;
  model::Block* block = nullptr;
  std::string name;
  Range range;
  std::string kind() const; // "subnet", "let", "param"
};

struct LetSlot {
  const ast::Let* syntax = nullptr;
  State state = State::Pending;
  model::Value value;
};

struct ParamSlot {
  const ast::Param* syntax = nullptr;
  const schema::Type* type = nullptr;
  State state = State::Pending;
  const ParamOverride* override_value = nullptr;
  model::Value value;
};

struct AttrSlot {
  const schema::Attribute* schema = nullptr;
  const ast::Attribute* syntax = nullptr; // null: not written, the default applies
  State state = State::Pending;
};

struct BlockInfo {
  const ast::Block* syntax = nullptr; // null for implicit blocks
  std::map<std::string, AttrSlot, std::less<>> slots;
};

class Checker {
public:
  Checker(const SourceManager& sources, Diagnostics& diags, const Options& options)
      : sources_(sources), diags_(diags), options_(options) {}

  std::unique_ptr<model::Program> run(const std::vector<ast::File>& files);

  // ---- evaluation (evaluator.cpp) ----
  // Folds `expr` in the scope of block `scope` (null: the program). `expected` steers how bare
  // names read (an enum member, a reference of the right kind) and may be null.
  model::Value eval(const ast::Expr& expr, const schema::Type* expected, const model::Block* scope);
  // Converts `value` to `type` in place: units, CIDR validation, reference kinds, object fields.
  // Reports to `sink` (null: try silently) and returns false (leaving Null) when it does not fit.
  bool coerce(model::Value& value, const schema::Type& type, Diagnostics* sink);
  // Bounds of an attribute or field, in canonical units.
  void check_range(model::Value& value, const schema::Attribute& attr, Diagnostics* sink);
  std::string_view text(const Range& range) const;

private:
  // ---- declarations (checker.cpp) ----
  void declare_block(const ast::Block& syntax, model::Block* parent);
  void declare(const model::Block* scope, Decl decl);
  void declare_values(const std::vector<ast::File>& files);
  void add_implicit_children();
  std::vector<const Decl*> lookup(std::string_view name, const model::Block* scope,
                                  const std::vector<std::string_view>* kinds) const;
  std::vector<std::string> visible_names(const model::Block* scope) const;

  // ---- values (evaluator.cpp) ----
  model::Value eval_name(const ast::Expr& expr, const ast::Name& name, const schema::Type* expected,
                         const model::Block* scope);
  model::Value eval_member(const ast::Expr& expr, const ast::Member& member,
                           const schema::Type* expected, const model::Block* scope);
  model::Value select_member(const model::Value& object, const ast::Member& member,
                             const Range& range, const schema::Type* expected);
  model::Value eval_string(const ast::Expr& expr, const ast::String& string,
                           const model::Block* scope);
  // The node-by-node folding behind eval(), which bounds its depth and its result's size.
  model::Value eval_node(const ast::Expr& expr, const schema::Type* expected,
                         const model::Block* scope);
  // `value` when it is within limits::kMaxStringBytes, kMaxValueSize and kMaxValueDepth;
  // otherwise E0019, E0020 or E0021 at `range` and Null.
  model::Value bounded(model::Value value, const Range& range);
  model::Value eval_unary(const ast::Expr& expr, const ast::Unary& unary,
                          const model::Block* scope);
  model::Value eval_binary(const ast::Expr& expr, const ast::Binary& binary,
                           const model::Block* scope);
  model::Value eval_call(const ast::Expr& expr, const ast::Call& call, const model::Block* scope);
  model::Value eval_index(const ast::Expr& expr, const ast::Index& index,
                          const model::Block* scope);
  model::Value decl_value(const Decl& decl, const Range& use);
  // "let a -> let b -> let a": the evaluation stack from `key`'s first entry back to `key`.
  std::string cycle_to(const std::string& key) const;
  // Evaluates a let or param once: `compute` runs with `key` on the evaluation stack; meeting
  // `key` again while it runs is a cycle (E1007), reported at `name_range`.
  template <typename Compute>
  void evaluate_once(State& state, model::Value& value, const std::string& key, Range name_range,
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
  model::Value param_value(ParamSlot& slot, const Range& use);
  bool coerce_object(model::Value& value, const schema::Type& type, Diagnostics* sink);
  // Fails with E2015 when `value` holds anything deferred; `need` says what wanted it.
  bool require_known(const model::Value& value, std::string_view need);

  // ---- attributes and defaults (attributes.cpp) ----
  void collect_attributes(model::Block& block);
  void evaluate_block(model::Block& block);
  const model::Value& attribute_value(const model::Block& block, std::string_view name,
                                      const Range& use);
  model::Value default_value(const model::Block& block, const schema::Attribute& attr);
  // Folds a schema default written as ECL text (`"[fargate]"`), pointing its range at `at`.
  model::Value fold_default(const schema::Attribute& attr, Range at);
  model::Value derived_value(const model::Block& block, const schema::Attribute& attr);
  void apply_param_overrides();
  void evaluate_outputs(const std::vector<ast::File>& files);
  void normalize(model::Block& block);

  const SourceManager& sources_;
  Diagnostics& diags_;
  const Options& options_;
  std::unique_ptr<model::Program> program_;
  std::map<const model::Block*, BlockInfo> blocks_;
  std::map<const model::Block*, std::multimap<std::string, Decl, std::less<>>> scopes_;
  std::map<std::string, LetSlot, std::less<>> lets_;
  std::map<std::string, ParamSlot, std::less<>> params_;
  std::vector<std::string> eval_stack_; // for cycle messages: "a.cidr", "let x"
  std::size_t eval_depth_ = 0;          // eval() frames active, at most limits::kMaxEvalDepth
  bool eval_depth_reported_ = false;    // E0022 once per program: every level above it is Null
  // Defaults are ECL text in the schema; they are parsed once into this private source set.
  SourceManager default_sources_;
  std::map<const schema::Attribute*, ast::File> default_asts_;
};

// Scalar parameter text for -p: "512MiB" -> memory, "true" -> bool, etc.
const schema::Type* param_type(const ast::Type& type);

} // namespace ecl::check
