// Folding expressions into values, and converting values to the schema's types.
#include "compiler/check/builtins.h"
#include "compiler/check/checker.h"
#include "compiler/model/cidr.h"
#include "compiler/syntax/limits.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <regex>
#include <set>

namespace ecl::check {
namespace {

using model::Value;
using schema::Type;
using schema::TypeKind;

Value make(auto data, Range range) {
  return Value{std::move(data), range};
}
// The size limits::kMaxValueSize counts: string bytes plus one per list or map element (keys
// included), through nested values. Stops counting once past the limit, so it costs at most that
// much; sets `too_deep` when lists and maps nest beyond limits::kMaxValueDepth (counting `depth`
// for `value` itself) and does not look deeper. `height`, when given, is set to how deep lists and
// maps nest in `value` (0: it is neither), as far as counted.
std::size_t value_size(const Value& value, std::size_t depth, bool& too_deep,
                       std::size_t* height = nullptr) {
  if (height) {
    *height = 0;
  }
  if (auto* s = value.as<std::string>()) {
    return s->size();
  }
  if (auto* t = value.as<model::Template>()) {
    std::size_t size = 0;
    for (const auto& part : t->parts) {
      auto* text = std::get_if<std::string>(&part);
      size += text ? text->size() : 1;
    }
    return size;
  }
  auto* list = value.as<model::List>();
  auto* map = value.as<model::Map>();
  if (!list && !map) {
    return 0;
  }
  if (depth > limits::kMaxValueDepth) {
    too_deep = true;
    return 0;
  }
  std::size_t size = 0;
  std::size_t deepest = 0;
  auto count = [&](const Value& element, std::size_t key_bytes) {
    std::size_t below = 0;
    size += 1 + key_bytes + value_size(element, depth + 1, too_deep, height ? &below : nullptr);
    deepest = std::max(deepest, below);
    return size <= limits::kMaxValueSize && !too_deep;
  };
  if (list) {
    for (const Value& element : *list) {
      if (!count(element, 0)) {
        break;
      }
    }
  } else {
    for (const auto& entry : *map) {
      if (!count(entry.second, entry.first.size())) {
        break;
      }
    }
  }
  if (height) {
    *height = 1 + deepest;
  }
  return size;
}

// Members of the enums `expected` accepts, directly or as a OneOf alternative.
std::vector<std::string_view> enum_members(const Type* expected) {
  std::vector<std::string_view> out;
  if (!expected) {
    return out;
  }
  if (expected->kind == TypeKind::Enum) {
    return expected->members;
  }
  if (expected->kind == TypeKind::OneOf) {
    for (const Type* alt : expected->alternatives) {
      auto more = enum_members(alt);
      out.insert(out.end(), more.begin(), more.end());
    }
  }
  if (expected->kind == TypeKind::Object && !expected->shorthand.empty()) {
    for (const auto& f : expected->fields) {
      if (f.name == expected->shorthand) {
        return enum_members(f.type);
      }
    }
  }
  return out;
}

// Whether `name` is among enum_members(expected), without listing them: eval_name() asks for
// every name the program writes.
bool is_enum_member(const Type* expected, std::string_view name) {
  if (!expected) {
    return false;
  }
  if (expected->kind == TypeKind::Enum) {
    return std::find(expected->members.begin(), expected->members.end(), name) !=
           expected->members.end();
  }
  if (expected->kind == TypeKind::OneOf) {
    return std::any_of(expected->alternatives.begin(), expected->alternatives.end(),
                       [&](const Type* alt) { return is_enum_member(alt, name); });
  }
  if (expected->kind == TypeKind::Object && !expected->shorthand.empty()) {
    for (const auto& f : expected->fields) {
      if (f.name == expected->shorthand) {
        return is_enum_member(f.type, name);
      }
    }
  }
  return false;
}

// The reference type `expected` accepts, directly, as a OneOf alternative or as its shorthand
// field; null when it takes no reference.
const Type* ref_type(const Type* expected) {
  if (!expected) {
    return nullptr;
  }
  if (expected->kind == TypeKind::Ref) {
    return expected;
  }
  if (expected->kind == TypeKind::OneOf) {
    for (const Type* alt : expected->alternatives) {
      if (const Type* ref = ref_type(alt)) {
        return ref;
      }
    }
  }
  if (expected->kind == TypeKind::Object && !expected->shorthand.empty()) {
    for (const auto& f : expected->fields) {
      if (f.name == expected->shorthand) {
        return ref_type(f.type);
      }
    }
  }
  return nullptr;
}

// Kinds a reference in `expected` may point at.
const std::vector<std::string_view>* ref_kinds(const Type* expected) {
  const Type* ref = ref_type(expected);
  return ref ? &ref->kinds : nullptr;
}

bool is_member(const std::vector<std::string_view>& members, std::string_view name) {
  for (auto m : members) {
    if (m == name) {
      return true;
    }
  }
  return false;
}

std::string quantity_text(const model::Quantity& q) {
  switch (q.dimension) {
  case model::Dimension::Memory:
    return fmt::format("{} MiB", q.amount);
  case model::Dimension::Cpu:
    return fmt::format("{} CPU units", q.amount);
  case model::Dimension::Duration:
    return fmt::format("{}s", q.amount);
  }
  return "";
}

std::string article(std::string_view kind) {
  bool vowel = !kind.empty() && std::string_view("aeiou").find(kind[0]) != std::string_view::npos;
  return fmt::format("{} `{}`", vowel ? "an" : "a", kind);
}

// What the declarations of one name are, for a reference that fits none of them: "a `subnet`",
// "either a `route_table` or a `load_balancer`", "a `let`, a `subnet` or a `task`".
std::string kinds_text(const std::vector<std::string>& kinds) {
  std::string out = kinds.size() == 2 ? "either " : "";
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    out += fmt::format("{}{}",
                       i == 0                  ? ""
                       : i + 1 == kinds.size() ? " or "
                                               : ", ",
                       article(kinds[i]));
  }
  return out;
}

std::string number_text(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) {
    return fmt::format("{}", static_cast<std::int64_t>(v));
  }
  return fmt::format("{}", v);
}

} // namespace

std::string_view Checker::text(const Range& range) const {
  if (!range.valid() || range.file >= sources_.size()) {
    return {};
  }
  const std::string& t = sources_.file(range.file).text();
  if (range.begin > t.size() || range.end > t.size() || range.end < range.begin) {
    return {};
  }
  return std::string_view(t).substr(range.begin, range.end - range.begin);
}

bool Checker::require_known(const Value& value, std::string_view need) {
  if (auto* d = value.as<model::Deferred>()) {
    diags_.report(Diag::DeferredNotAllowed, value.range, model::deferred_text(*d), need);
    return false;
  }
  if (value.as<model::Template>()) {
    diags_.report(Diag::DeferredNotAllowed, value.range, text(value.range), need);
    return false;
  }
  return true;
}

// Every value the checker folds passes here: the recursion is bounded (E0022) and so is the
// result (bounded()), so `let`s that reuse each other cannot build a value that exhausts memory
// or nests deep enough to overflow the stack when copied.
Value Checker::eval(const ast::Expr& expr, const Type* expected, const model::Block* scope) {
  if (eval_depth_ >= limits::kMaxEvalDepth) {
    if (!eval_depth_reported_) {
      eval_depth_reported_ = true;
      diags_.report(Diag::EvaluationTooDeep, expr.range, limits::kMaxEvalDepth);
    }
    measured_ = {};
    return null_at(expr.range);
  }
  struct Depth {
    std::size_t& depth;
    explicit Depth(std::size_t& d) : depth(++d) {}
    ~Depth() { --depth; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
  } depth(eval_depth_);
  return bounded(eval_node(expr, expected, scope), expr.range);
}

std::size_t Checker::size_at(const Value& value, std::size_t depth) const {
  // value_size() of the value eval() returned last, without walking it again when it is known to
  // come to the same: within the size limit (it was bounded) and not reaching too deep at `depth`.
  if (measured_.height == 0 || depth + measured_.height - 1 <= limits::kMaxValueDepth) {
    return measured_.size;
  }
  bool too_deep = false;
  return value_size(value, depth, too_deep);
}

Value Checker::bounded(Value value, const Range& range) {
  // The measure of a list or object eval_node() built, when it is known whole.
  const std::optional<Measure> built = std::exchange(built_, std::nullopt);
  measured_ = {};
  std::size_t string_bytes = 0;
  if (auto* s = value.as<std::string>()) {
    string_bytes = s->size();
  } else if (auto* t = value.as<model::Template>()) {
    for (const auto& part : t->parts) {
      if (auto* text = std::get_if<std::string>(&part)) {
        string_bytes += text->size();
      }
    }
  }
  if (string_bytes > limits::kMaxStringBytes) {
    diags_.report(Diag::StringTooLong, range, string_bytes, limits::kMaxStringBytes);
    return null_at(range);
  }
  if (built && built->size <= limits::kMaxValueSize && built->height <= limits::kMaxValueDepth) {
    measured_ = *built; // what value_size() would count, as it stops at no limit
    return value;
  }
  if (value.as<model::List>() || value.as<model::Map>()) {
    bool too_deep = false;
    std::size_t height = 0;
    const std::size_t size = value_size(value, 1, too_deep, &height);
    if (size > limits::kMaxValueSize) {
      diags_.report(Diag::ValueTooLarge, range, limits::kMaxValueSize);
      return null_at(range);
    }
    if (too_deep) {
      diags_.report(Diag::ValueTooDeep, range, limits::kMaxValueDepth);
      return null_at(range);
    }
    measured_ = {size, height};
  } else {
    bool too_deep = false;
    measured_ = {value_size(value, 1, too_deep), 0}; // a scalar's: no walk
  }
  return value;
}

Value Checker::eval_node(const ast::Expr& expr, const Type* expected, const model::Block* scope) {
  const Range r = expr.range;
  return std::visit(
      [&](const auto& node) -> Value {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::Number>) {
          if (node.unit().empty()) {
            return node.is_integer ? make(node.integer, r) : make(node.value, r);
          }
          model::Quantity q;
          const std::string_view u = node.unit();
          if (u == "MiB" || u == "GiB") {
            q = {node.value * (u == "GiB" ? 1024.0 : 1.0), model::Dimension::Memory};
          } else if (u == "vcpu") {
            q = {node.value * 1024.0, model::Dimension::Cpu};
          } else {
            double scale = u == "ms" ? 0.001 : u == "m" ? 60.0 : u == "h" ? 3600.0 : 1.0;
            q = {node.value * scale, model::Dimension::Duration};
          }
          return make(q, r);
        } else if constexpr (std::is_same_v<T, ast::Bool>) {
          return make(node.value, r);
        } else if constexpr (std::is_same_v<T, ast::String>) {
          return eval_string(expr, node, scope);
        } else if constexpr (std::is_same_v<T, ast::Name>) {
          return eval_name(expr, node, expected, scope);
        } else if constexpr (std::is_same_v<T, ast::Member>) {
          return eval_member(expr, expected, scope);
        } else if constexpr (std::is_same_v<T, ast::Index>) {
          return eval_index(expr, node, scope);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          return eval_call(expr, node, scope);
        } else if constexpr (std::is_same_v<T, ast::List>) {
          const Type* element =
              expected && expected->kind == TypeKind::List ? expected->element : nullptr;
          model::List items;
          std::size_t size = 0; // checked as the list grows: each item may be large already
          Measure whole{0, 1};  // for bounded(), while every item's size is its whole size
          for (const auto& item : node.items) {
            items.push_back(eval(*item, element, scope));
            const std::size_t item_size = size_at(items.back(), 2);
            whole = {whole.size + 1 + measured_.size, std::max(whole.height, 1 + measured_.height)};
            size += 1 + item_size;
            if (size > limits::kMaxValueSize) {
              diags_.report(Diag::ValueTooLarge, r, limits::kMaxValueSize);
              return null_at(r);
            }
          }
          built_ = whole;
          return make(std::move(items), r);
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          model::Map entries;
          std::set<std::string_view> keys; // not a scan of `entries`: objects may be large
          std::size_t size = 0;            // checked as the map grows, like a list
          Measure whole{0, 1};
          for (const auto& entry : node.entries) {
            const Type* field_type = nullptr;
            if (expected && expected->kind == TypeKind::Map) {
              field_type = expected->element;
            } else if (expected && expected->kind == TypeKind::Object) {
              for (const auto& f : expected->fields) {
                if (f.name == entry.key) {
                  field_type = f.type;
                }
              }
            }
            if (!keys.insert(entry.key).second) {
              diags_.report(Diag::DuplicateKey, entry.key_range, entry.key);
              continue;
            }
            Value v = eval(*entry.value, field_type, scope);
            const std::size_t item_size = size_at(v, 2);
            whole = {whole.size + 1 + entry.key.size() + measured_.size,
                     std::max(whole.height, 1 + measured_.height)};
            size += 1 + entry.key.size() + item_size;
            if (size > limits::kMaxValueSize) {
              diags_.report(Diag::ValueTooLarge, r, limits::kMaxValueSize);
              return null_at(r);
            }
            entries.emplace_back(std::string(entry.key), std::move(v));
          }
          built_ = whole;
          return make(std::move(entries), r);
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          return eval_unary(expr, node, scope);
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          return eval_binary(expr, node, scope);
        } else if constexpr (std::is_same_v<T, ast::Conditional>) {
          Value c = eval(*node.condition, nullptr, scope);
          if (c.is_null()) {
            return null_at(r);
          }
          auto b = c.boolean();
          if (!b) {
            diags_.report(Diag::TypeMismatch, c.range, "`bool` for the condition of `?:`",
                          model::describe(c));
            return null_at(r);
          }
          return eval(*b ? *node.then_value : *node.else_value, expected, scope);
        } else {
          return null_at(r); // ast::Error: the syntax layer already reported it
        }
      },
      expr.node);
}

Value Checker::eval_name(const ast::Expr& expr, const ast::Name& name, const Type* expected,
                         const model::Block* scope) {
  if (is_enum_member(expected, name.name)) {
    return make(model::EnumMember{std::string(name.name)}, expr.range);
  }
  if (auto* kinds = ref_kinds(expected)) {
    auto found = lookup(name.name, scope, kinds);
    if (found.size() == 1) {
      record(*found.front(), expr.range);
      return decl_value(*found.front(), expr.range);
    }
  }
  auto found = lookup(name.name, scope, nullptr);
  if (found.size() == 1) {
    record(*found.front(), expr.range);
    return decl_value(*found.front(), expr.range);
  }
  if (found.size() > 1) {
    // A typed reference that none of them fits: the reference is of the wrong kind (E1006, as for
    // one declaration), not ambiguous. A let or param among them may hold a fitting reference.
    const Type* ref = ref_type(expected);
    if (ref && std::all_of(found.begin(), found.end(),
                           [](const Decl* d) { return d->what == Decl::BlockDecl; })) {
      std::vector<std::string> kinds;
      for (const Decl* decl : found) {
        kinds.push_back(decl->kind());
      }
      diags_.report(Diag::WrongKindReference, expr.range, schema::ref_expectation(*ref), name.name,
                    kinds_text(kinds));
      return null_at(expr.range);
    }
    std::string what;
    for (std::size_t i = 0; i < found.size(); ++i) {
      what +=
          fmt::format("{}{} `{}`",
                      i == 0                  ? ""
                      : i + 1 == found.size() ? " and "
                                              : ", ",
                      found[i]->kind(),
                      found[i]->what == Decl::BlockDecl ? std::string_view(found[i]->block->path)
                                                        : found[i]->name);
    }
    // They are declared in one scope, so one path names them all: only a new name tells them apart.
    auto& d = diags_.report(Diag::AmbiguousName, expr.range, name.name, what, "rename one of them");
    for (const Decl* decl : found) {
      d.note(decl->range, fmt::format("{} `{}` is declared here", decl->kind(), decl->name));
    }
    return null_at(expr.range);
  }
  if (auto members = enum_members(expected); !members.empty()) {
    std::string list;
    for (std::size_t i = 0; i < members.size(); ++i) {
      list += fmt::format("{}`{}`", i ? ", " : "", members[i]);
    }
    std::vector<std::string> candidates(members.begin(), members.end());
    if (auto* kinds = ref_kinds(expected)) {
      for (auto k : *kinds) {
        list += fmt::format(", or the name of {}", article(k));
      }
      // `capacity = [worker]` for the `ec2_capacity workers`: the names are candidates too.
      auto names = visible_names(scope);
      candidates.insert(candidates.end(), names.begin(), names.end());
    }
    std::string suggestion = nearest(name.name, std::span<const std::string>(candidates));
    diags_.report(Diag::UnknownEnumMember, expr.range, name.name, list, did_you_mean(suggestion))
        .fix(expr.range, suggestion);
    return null_at(expr.range);
  }
  // A block left out after an error (reported already), or any name after a syntax error (the
  // parser's repair may have lost its declaration): not reported again.
  auto* wanted = ref_kinds(expected);
  if (dropped_names_.contains(name.name) || !syntax_errors_.empty() ||
      (wanted && std::any_of(wanted->begin(), wanted->end(),
                             [&](std::string_view k) { return nameless_kinds_.contains(k); }))) {
    return null_at(expr.range);
  }
  auto names = visible_names(scope);
  if (expected && expected->kind == TypeKind::Bool) {
    names.insert(names.end(), {"true", "false"}); // `public = tru`
  }
  std::string prefix;
  if (auto* kinds = ref_kinds(expected); kinds && kinds->size() == 1) {
    prefix = fmt::format("{} ", (*kinds)[0]);
  }
  std::string suggestion = attribute_path(name.name, scope);
  if (suggestion.empty()) {
    suggestion = nearest(name.name, std::span<const std::string>(names));
  }
  diags_.report(Diag::UnresolvedName, expr.range, prefix, name.name, did_you_mean(suggestion))
      .fix(expr.range, suggestion);
  return null_at(expr.range);
}

std::string Checker::attribute_path(std::string_view name, const model::Block* scope) const {
  for (const model::Block* b = scope; b; b = lexical_parent(*b)) {
    const schema::Attribute* attr = b->kind->attribute(name);
    const schema::DeferredAttribute* deferred = b->kind->deferred_attribute(name);
    // Not the attribute being evaluated (`cidr = cidrsubnet(cidr, 8, 0)` in a subnet): its own
    // path would be a cycle.
    if ((!attr && !deferred) ||
        (attr && std::find(eval_stack_.begin(), eval_stack_.end(),
                           Frame{Frame::AttrFrame, b, attr->name}) != eval_stack_.end())) {
      continue;
    }
    std::string path(name);
    for (const model::Block* p = b; p; p = lexical_parent(*p)) {
      if (p->name.empty()) {
        return ""; // an unnamed block (`ingress`) is not reached by a path
      }
      path = fmt::format("{}.{}", p->name, path);
    }
    return path;
  }
  return "";
}

void Checker::record(const Decl& decl, const Range& use) {
  if (!options_.record_references) {
    return;
  }
  model::Reference ref;
  ref.range = use;
  switch (decl.what) {
  case Decl::BlockDecl:
    ref.what = model::Reference::ToBlock;
    ref.block = decl.block;
    break;
  case Decl::LetDecl:
    ref.what = model::Reference::ToLet;
    ref.declaration = decl.range;
    break;
  case Decl::ParamDecl:
    ref.what = model::Reference::ToParam;
    ref.declaration = decl.range;
    break;
  case Decl::ModuleDecl:
    ref.what = model::Reference::ToModule;
    ref.declaration = decl.range;
    break;
  }
  program_->references.push_back(ref);
}

void Checker::record_access(const model::Block& block, std::string_view name, const Range& use) {
  if (options_.record_references) {
    program_->references.push_back({model::Reference::ToAttribute, use, &block, Range{}, name});
  }
}

Value Checker::decl_value(const Decl& decl, const Range& use) {
  switch (decl.what) {
  case Decl::BlockDecl:
    return make(model::BlockRef{decl.block}, use);
  case Decl::LetDecl:
    return let_value(*decl.let, use);
  case Decl::ParamDecl:
    return param_value(spaces_[space_of(decl.range.file)].params.find(decl.name)->second, use);
  case Decl::ModuleDecl:
    diags_.report(Diag::ModuleNotValue, use, decl.name, decl.name);
    return null_at(use);
  }
  return null_at(use);
}

std::string Frame::str() const {
  switch (what) {
  case AttrFrame:
    return fmt::format("{}.{}", block->path, name);
  case LetFrame:
    return fmt::format("let {}", name);
  case ParamFrame:
    return fmt::format("param {}", name);
  case OutputFrame:
    return fmt::format("output {}", name);
  }
  return "";
}

std::string Checker::cycle_to(const Frame& key) const {
  std::string cycle;
  bool in = false;
  for (const Frame& item : eval_stack_) {
    in = in || item == key;
    if (in) {
      cycle += item.str() + " -> ";
    }
  }
  return cycle + key.str();
}

Value Checker::let_value(LetSlot& slot, const Range& use) {
  // The let's namespace, whose `lets` hold its slot: a module's let sees the module's names.
  const std::uint32_t space = space_of(slot.syntax->name_range.file);
  Namespace& ns = spaces_[space];
  State& state = ns.let_states[static_cast<std::size_t>(&slot - ns.lets.data())];
  evaluate_once(state, slot.value, Frame{Frame::LetFrame, nullptr, slot.syntax->name},
                slot.syntax->name_range, [&] {
                  const std::uint32_t saved = top_;
                  top_ = space;
                  Value v = eval(*slot.syntax->value, nullptr, nullptr);
                  top_ = saved;
                  return v;
                });
  Value out = slot.value;
  if (out.is_null()) {
    out.range = use;
  }
  return out;
}

Value Checker::param_value(ParamSlot& slot, const Range& use) {
  evaluate_once(slot.state, slot.value, Frame{Frame::ParamFrame, nullptr, slot.syntax->name},
                slot.syntax->name_range, [&] {
                  Value v = null_at(slot.syntax->range);
                  const std::uint32_t saved = top_;
                  const std::uint32_t space = space_of(slot.syntax->name_range.file);
                  // A module's argument is written, and evaluated, in its caller's namespace; a
                  // default in the module's.
                  const ast::Expr* given =
                      slot.argument ? slot.argument->value.get() : slot.syntax->default_value.get();
                  top_ = slot.argument ? spaces_[space].outer : space;
                  if (given) {
                    v = eval(*given, slot.type, nullptr);
                    if (!v.is_null()) {
                      coerce(v, *slot.type, &diags_);
                    }
                  }
                  top_ = saved;
                  return v;
                });
  Value out = slot.value;
  if (out.is_null()) {
    out.range = use;
  }
  return out;
}

Value Checker::eval_member(const ast::Expr& expr, const Type* expected, const model::Block* scope) {
  // The path's segments after its root, first to last: `private_a`, `cidr` of
  // `main.private_a.cidr`.
  // Paths are short: kept on the stack when they fit.
  std::size_t depth = 0;
  const ast::Expr* root = &expr;
  while (const auto* m = std::get_if<ast::Member>(&root->node)) {
    ++depth;
    root = m->object.get();
  }
  std::array<PathSegment, 4> short_path;
  std::vector<PathSegment> long_path(depth > short_path.size() ? depth : 0);
  const std::span<PathSegment> path = depth > short_path.size()
                                          ? std::span<PathSegment>(long_path)
                                          : std::span<PathSegment>(short_path.data(), depth);
  for (const ast::Expr* at = &expr; const auto* m = std::get_if<ast::Member>(&at->node);
       at = m->object.get()) {
    path[--depth] = {at, m};
  }
  std::optional<Value> object;
  std::size_t first = 0; // the first segment left to select
  if (const auto* name = std::get_if<ast::Name>(&root->node)) {
    auto found = lookup(name->name, scope, nullptr);
    if (found.size() == 1 && found.front()->what == Decl::ModuleDecl) {
      // `api.url`: an output of the module instance `api`.
      record(*found.front(), root->range);
      auto it = instance_by_name_.find({found.front()->range.file, found.front()->range.begin});
      if (it == instance_by_name_.end()) {
        return null_at(expr.range); // the instance could not be loaded: reported already
      }
      object = output_value(it->second, *path.front().member, path.front().expr->range);
      first = 1;
    } else if (found.size() > 1) {
      // Declarations of different kinds share the name: the rest of the path chooses.
      if (const Decl* head = settle(found, path, ref_kinds(expected))) {
        record(*head, root->range);
        object = decl_value(*head, root->range);
      }
    } else if (found.size() == 1 && found.front()->what == Decl::BlockDecl &&
               syntax_errors_.empty() && !has_path(*found.front()->block, path.first(1), nullptr)) {
      // The nearest block of that name lacks the path's member, but one further out may have it:
      // `"${app.uri}"` in `task app { container app { … } }` finds the container, not the
      // `repository app` it was written for. Lookup stays as it is (the nearest scope wins);
      // the message says which declaration the name hides.
      if (const Decl* hidden = hidden_declaration(name->name, scope, path.first(1))) {
        const model::Block& near = *found.front()->block;
        const ast::Member& member = *path.front().member;
        diags_
            .report(Diag::UnknownMember, member.name_range, near.display(), member.name(),
                    fmt::format("; `{}` here is the nearer {}, which hides {}: rename one of them",
                                name->name, near.display(), hidden->block->display()))
            .note(hidden->range, fmt::format("{} is declared here", hidden->block->display()));
        return null_at(expr.range);
      }
    }
  }
  if (!object) {
    object = eval(*root, nullptr, scope);
  }
  for (std::size_t i = first; i < path.size(); ++i) {
    object = select_member(*object, path.subspan(i), expected);
  }
  return std::move(*object);
}

bool Checker::has_path(const model::Block& block, std::span<const PathSegment> rest,
                       const std::vector<std::string_view>* kinds) const {
  if (rest.empty()) {
    return !kinds || is_member(*kinds, block.kind_name);
  }
  const std::string_view name = rest.front().member->name();
  for (const Decl& child : named_children(block, name)) {
    if (has_path(*child.block, rest.subspan(1), kinds)) {
      return true;
    }
  }
  // What an attribute's value holds is known only once it is evaluated: it fits any path.
  return !kinds && (block.kind->attribute(name) || block.kind->deferred_attribute(name));
}

const Decl* Checker::settle(std::span<const Decl* const> candidates,
                            std::span<const PathSegment> rest,
                            const std::vector<std::string_view>* kinds) const {
  for (const auto* want : {kinds, static_cast<const std::vector<std::string_view>*>(nullptr)}) {
    const Decl* fitting = nullptr;
    std::size_t count = 0;
    for (const Decl* d : candidates) {
      if (d->what == Decl::BlockDecl && has_path(*d->block, rest, want)) {
        fitting = d;
        ++count;
      }
    }
    if (count > 0 || !want) {
      return count == 1 ? fitting : nullptr;
    }
  }
  return nullptr;
}

const Decl* Checker::hidden_declaration(std::string_view name, const model::Block* scope,
                                        std::span<const PathSegment> rest) const {
  // lookup()'s walk, going on past the first scope that declares `name`.
  const Scope& top = spaces_[scope ? blocks_[scope->id].space : top_].scope;
  bool past_nearest = false;
  for (const model::Block* s = scope;; s = lexical_parent(*s)) {
    std::span<const Decl> here = (s ? scope_of(s) : top).find(name);
    if (past_nearest) {
      for (const Decl& d : here) {
        if (d.what == Decl::BlockDecl && has_path(*d.block, rest, nullptr)) {
          return &d;
        }
      }
    }
    past_nearest = past_nearest || !here.empty();
    if (!s) {
      return nullptr;
    }
  }
}

Value Checker::select_member(const Value& object, std::span<const PathSegment> path,
                             const Type* expected) {
  const ast::Member& member = *path.front().member;
  const Range& range = path.front().expr->range;
  if (object.is_null()) {
    return null_at(range);
  }
  if (const model::Block* block = object.block()) {
    // The block's scope holds exactly its named children; one, nearly always.
    const std::span<const Decl> named = named_children(*block, member.name());
    if (named.size() == 1) {
      record(named.front(), member.name_range);
      return make(model::BlockRef{named.front().block}, range);
    }
    std::vector<const Decl*> children;
    for (const Decl& child : named) {
      children.push_back(&child);
    }
    if (children.size() > 1) {
      // The rest of the path, and the kind the reference expects, settle which child it means.
      const Type* ref = ref_type(expected);
      if (const Decl* only = settle(children, path.subspan(1), ref ? &ref->kinds : nullptr)) {
        children = {only};
      } else if (ref && path.size() == 1 &&
                 std::none_of(children.begin(), children.end(), [&](const Decl* c) {
                   return is_member(ref->kinds, c->block->kind_name);
                 })) {
        // None is of the expected kind: a reference of the wrong kind, as with one child.
        std::vector<std::string> kinds;
        for (const Decl* child : children) {
          kinds.push_back(child->kind());
        }
        diags_.report(Diag::WrongKindReference, range, schema::ref_expectation(*ref), text(range),
                      kinds_text(kinds));
        return null_at(range);
      }
    }
    if (children.size() == 1) {
      record(*children.front(), member.name_range);
      return make(model::BlockRef{children.front()->block}, range);
    }
    if (children.size() > 1) {
      std::string what;
      for (std::size_t i = 0; i < children.size(); ++i) {
        what += fmt::format("{}{}", i ? " and " : "", children[i]->block->display());
      }
      diags_.report(Diag::AmbiguousName, range, text(range), what, "rename one of them");
      return null_at(range);
    }
    if (const schema::Attribute* attr = block->kind->attribute(member.name())) {
      record_access(*block, attr->name, member.name_range);
      Value v = attribute_value(*block, member.name(), range);
      return v;
    }
    if (const schema::DeferredAttribute* deferred =
            block->kind->deferred_attribute(member.name())) {
      record_access(*block, deferred->name, member.name_range);
      if (block->kind->existing) {
        // A resource made elsewhere: its identifier is the value given, known now.
        Value given = attribute_value(*block, "existing", range);
        if (const std::string* id = given.string()) {
          if (auto known = schema::existing_attribute(*block->kind, *id, member.name())) {
            return make(std::move(*known), range);
          }
          diags_.report(Diag::ExistingUnmanaged, member.name_range, block->display(),
                        fmt::format("`{}` is known to AWS alone (the value given is its `{}`)",
                                    member.name(), block->kind->existing->as));
          return null_at(range);
        }
      }
      if (!deferred->needs.empty() && attribute_value(*block, deferred->needs, range).is_null()) {
        diags_.report(Diag::DeferredWithoutResource, member.name_range, block->display(),
                      deferred->needs, member.name());
        return null_at(range);
      }
      return make(model::Deferred{block, deferred->name}, range);
    }
    if (!syntax_errors_.empty() || dropped_names_.contains(member.name())) {
      return null_at(range); // the child may be lost to an error reported already
    }
    std::vector<std::string> names;
    for (const auto& a : block->kind->attributes) {
      names.emplace_back(a.name);
    }
    for (const auto& d : block->kind->deferred) {
      names.emplace_back(d.name);
    }
    for (const model::Block* child : block->children) {
      if (!child->name.empty()) {
        names.push_back(child->name);
      }
    }
    std::string suggestion = nearest(member.name(), std::span<const std::string>(names));
    diags_
        .report(Diag::UnknownMember, member.name_range, block->display(), member.name(),
                did_you_mean(suggestion))
        .fix(member.name_range, suggestion);
    return null_at(range);
  }
  if (auto* map = object.as<model::Map>()) {
    for (const auto& [k, v] : *map) {
      if (k == member.name()) {
        Value out = v;
        return out;
      }
    }
    std::vector<std::string> keys;
    for (const auto& [k, v] : *map) {
      keys.push_back(k);
    }
    std::string suggestion = nearest(member.name(), std::span<const std::string>(keys));
    diags_
        .report(Diag::UnknownMember, member.name_range, "this object", member.name(),
                did_you_mean(suggestion))
        .fix(member.name_range, suggestion);
    return null_at(range);
  }
  diags_.report(Diag::UnknownMember, member.name_range, model::describe(object), member.name(), "");
  return null_at(range);
}

Value Checker::eval_string(const ast::Expr& expr, const ast::String& string,
                           const model::Block* scope) {
  model::Template tmpl;
  std::string current;
  bool poisoned = false;
  for (const auto& part : string.parts) {
    if (current.size() > limits::kMaxStringBytes) {
      break; // already too long: bounded() reports it; appending more could exhaust memory
    }
    if (!part.expr) {
      current += part.text();
      continue;
    }
    Value v = eval(*part.expr, nullptr, scope);
    if (v.is_null()) {
      poisoned = true;
    } else if (auto* s = v.string()) {
      current += *s;
    } else if (auto* i = v.as<std::int64_t>()) {
      current += std::to_string(*i);
    } else if (auto* d = v.as<double>()) {
      current += number_text(*d);
    } else if (auto* b = v.as<bool>()) {
      current += *b ? "true" : "false";
    } else if (auto* q = v.as<model::Quantity>()) {
      current += number_text(q->amount);
    } else if (auto* e = v.as<model::EnumMember>()) {
      current += e->name;
    } else if (auto* d2 = v.as<model::Deferred>()) {
      if (!current.empty()) {
        tmpl.parts.emplace_back(std::move(current));
        current.clear();
      }
      tmpl.parts.emplace_back(*d2);
    } else if (auto* t = v.as<model::Template>()) {
      for (const auto& p : t->parts) {
        if (auto* s2 = std::get_if<std::string>(&p)) {
          current += *s2;
        } else {
          if (!current.empty()) {
            tmpl.parts.emplace_back(std::move(current));
            current.clear();
          }
          tmpl.parts.push_back(p);
        }
      }
    } else {
      std::string hint = v.block() ? fmt::format("; use `{}.id` or `{}.arn` for its identifier",
                                                 text(part.expr->range), text(part.expr->range))
                                   : "";
      diags_.report(Diag::TypeMismatch, part.expr->range, "a string, number or bool inside `${…}`",
                    model::describe(v) + hint);
      poisoned = true;
    }
  }
  if (poisoned) {
    return null_at(expr.range);
  }
  if (tmpl.parts.empty()) {
    return make(std::move(current), expr.range);
  }
  if (!current.empty()) {
    tmpl.parts.emplace_back(std::move(current));
  }
  return make(std::move(tmpl), expr.range);
}

Value Checker::eval_unary(const ast::Expr& expr, const ast::Unary& unary,
                          const model::Block* scope) {
  Value v = eval(*unary.operand, nullptr, scope);
  if (v.is_null()) {
    return null_at(expr.range);
  }
  if (unary.op == ast::UnaryOp::Not) {
    if (auto b = v.boolean()) {
      return make(!*b, expr.range);
    }
    diags_.report(Diag::InvalidOperands, expr.range, "!", model::describe(v));
    return null_at(expr.range);
  }
  if (auto* i = v.as<std::int64_t>()) {
    if (*i == std::numeric_limits<std::int64_t>::min()) {
      diags_.report(Diag::InvalidOperands, expr.range, "-", "a number that overflows");
      return null_at(expr.range);
    }
    return make(-*i, expr.range);
  }
  if (auto* d = v.as<double>()) {
    return make(-*d, expr.range);
  }
  if (auto* q = v.as<model::Quantity>()) {
    return make(model::Quantity{-q->amount, q->dimension}, expr.range);
  }
  diags_.report(Diag::InvalidOperands, expr.range, "-", model::describe(v));
  return null_at(expr.range);
}

Value Checker::eval_binary(const ast::Expr& expr, const ast::Binary& bin,
                           const model::Block* scope) {
  using Op = ast::BinaryOp;
  const Range r = expr.range;
  Value lhs = eval(*bin.lhs, nullptr, scope);
  if (bin.op == Op::And || bin.op == Op::Or) {
    if (lhs.is_null()) {
      return null_at(r);
    }
    auto a = lhs.boolean();
    if (!a) {
      diags_.report(Diag::InvalidOperands, bin.op_range, ast::binary_op_text(bin.op),
                    model::describe(lhs));
      return null_at(r);
    }
    if ((bin.op == Op::And && !*a) || (bin.op == Op::Or && *a)) {
      return make(*a, r); // short-circuit: the right side is not evaluated
    }
    Value rhs = eval(*bin.rhs, nullptr, scope);
    if (rhs.is_null()) {
      return null_at(r);
    }
    auto b = rhs.boolean();
    if (!b) {
      diags_.report(Diag::InvalidOperands, bin.op_range, ast::binary_op_text(bin.op),
                    model::describe(rhs));
      return null_at(r);
    }
    return make(*b, r);
  }
  Value rhs = eval(*bin.rhs, nullptr, scope);
  if (lhs.is_null() || rhs.is_null()) {
    return null_at(r);
  }
  auto mismatch = [&]() {
    diags_.report(Diag::InvalidOperands, bin.op_range, ast::binary_op_text(bin.op),
                  fmt::format("{} and {}", model::describe(lhs), model::describe(rhs)));
    return null_at(r);
  };
  std::string need = fmt::format("`{}`", ast::binary_op_text(bin.op));
  if (!require_known(lhs, need) || !require_known(rhs, need)) {
    return null_at(r);
  }
  if (bin.op == Op::Eq || bin.op == Op::Ne) {
    bool equal;
    auto ln = lhs.number(), rn = rhs.number();
    bool lq = lhs.as<model::Quantity>(), rq = rhs.as<model::Quantity>();
    if (ln && rn && !lq && !rq) {
      equal = *ln == *rn; // 1 == 1.0
    } else if (lhs.data.index() != rhs.data.index()) {
      // Enum members compare with strings of the same text: `network_mode == "awsvpc"`.
      auto ls = lhs.string() ? lhs.string() : lhs.enum_member();
      auto rs = rhs.string() ? rhs.string() : rhs.enum_member();
      if (!ls || !rs) {
        return mismatch();
      }
      equal = *ls == *rs;
    } else {
      equal = lhs.same(rhs);
    }
    return make(bin.op == Op::Eq ? equal : !equal, r);
  }
  if (bin.op == Op::Lt || bin.op == Op::Le || bin.op == Op::Gt || bin.op == Op::Ge) {
    int cmp;
    auto lq = lhs.as<model::Quantity>(), rq = rhs.as<model::Quantity>();
    if (lhs.string() && rhs.string()) {
      cmp = lhs.string()->compare(*rhs.string());
    } else if ((lq && rq && lq->dimension == rq->dimension) ||
               (!lq && !rq && lhs.number() && rhs.number())) {
      double a = *lhs.number(), b = *rhs.number();
      cmp = a < b ? -1 : a > b ? 1 : 0;
    } else {
      return mismatch();
    }
    bool result = bin.op == Op::Lt   ? cmp < 0
                  : bin.op == Op::Le ? cmp <= 0
                  : bin.op == Op::Gt ? cmp > 0
                                     : cmp >= 0;
    return make(result, r);
  }
  // Arithmetic.
  if (bin.op == Op::Add) {
    if (lhs.string() && rhs.string()) {
      return make(*lhs.string() + *rhs.string(), r);
    }
    if (auto* a = lhs.as<model::List>(); a && rhs.as<model::List>()) {
      model::List out = *a;
      for (const auto& v : *rhs.as<model::List>()) {
        out.push_back(v);
      }
      return make(std::move(out), r);
    }
  }
  auto* lq = lhs.as<model::Quantity>();
  auto* rq = rhs.as<model::Quantity>();
  auto* li = lhs.as<std::int64_t>();
  auto* ri = rhs.as<std::int64_t>();
  if (!lhs.number() || !rhs.number()) {
    return mismatch();
  }
  double a = *lhs.number(), b = *rhs.number();
  if ((bin.op == Op::Div || bin.op == Op::Mod) && b == 0) {
    diags_.report(Diag::DivisionByZero, bin.rhs->range);
    return null_at(r);
  }
  if (li && ri) {
    std::int64_t x = *li, y = *ri, out = 0;
    bool overflow = false;
    switch (bin.op) {
    case Op::Add:
      overflow = __builtin_add_overflow(x, y, &out);
      break;
    case Op::Sub:
      overflow = __builtin_sub_overflow(x, y, &out);
      break;
    case Op::Mul:
      overflow = __builtin_mul_overflow(x, y, &out);
      break;
    case Op::Div:
      // min / -1 is the one quotient that overflows, and x86 traps on it (and on min % -1, which
      // the exactness test below would compute first).
      overflow = x == std::numeric_limits<std::int64_t>::min() && y == -1;
      if (!overflow && x % y != 0) {
        return make(static_cast<double>(x) / static_cast<double>(y), r);
      }
      out = overflow ? 0 : x / y;
      break;
    case Op::Mod:
      out = y == -1 ? 0 : x % y; // min % -1 is 0, but traps on x86
      break;
    default:
      return mismatch();
    }
    if (overflow) {
      diags_.report(Diag::InvalidOperands, bin.op_range, ast::binary_op_text(bin.op),
                    "integers whose result overflows 64 bits");
      return null_at(r);
    }
    return make(out, r);
  }
  if (bin.op == Op::Mod) {
    return mismatch();
  }
  double out = 0;
  switch (bin.op) {
  case Op::Add:
    out = a + b;
    break;
  case Op::Sub:
    out = a - b;
    break;
  case Op::Mul:
    out = a * b;
    break;
  case Op::Div:
    out = a / b;
    break;
  default:
    return mismatch();
  }
  if (lq || rq) {
    // memory ± memory, memory * n, n * memory, memory / n; memory / memory is a plain number.
    bool add = bin.op == Op::Add || bin.op == Op::Sub;
    if (add && lq && rq && lq->dimension == rq->dimension) {
      return make(model::Quantity{out, lq->dimension}, r);
    }
    if (bin.op == Op::Mul && (lq == nullptr) != (rq == nullptr)) {
      return make(model::Quantity{out, (lq ? lq : rq)->dimension}, r);
    }
    if (bin.op == Op::Div && lq && !rq) {
      return make(model::Quantity{out, lq->dimension}, r);
    }
    if (bin.op == Op::Div && lq && rq && lq->dimension == rq->dimension) {
      return make(out, r);
    }
    return mismatch();
  }
  return make(out, r);
}

Value Checker::eval_index(const ast::Expr& expr, const ast::Index& index,
                          const model::Block* scope) {
  Value object = eval(*index.object, nullptr, scope);
  Value key = eval(*index.index, nullptr, scope);
  if (object.is_null() || key.is_null()) {
    return null_at(expr.range);
  }
  if (auto* list = object.as<model::List>()) {
    auto i = key.integer();
    if (!i) {
      diags_.report(Diag::TypeMismatch, key.range, "an `int` index", model::describe(key));
      return null_at(expr.range);
    }
    if (*i < 0 || static_cast<std::size_t>(*i) >= list->size()) {
      diags_.report(Diag::IndexOutOfRange, key.range, *i, list->size(),
                    list->size() == 1 ? "" : "s");
      return null_at(expr.range);
    }
    return (*list)[static_cast<std::size_t>(*i)];
  }
  if (auto* map = object.as<model::Map>()) {
    auto* k = key.string();
    if (!k) {
      diags_.report(Diag::TypeMismatch, key.range, "a `string` key", model::describe(key));
      return null_at(expr.range);
    }
    for (const auto& [name, v] : *map) {
      if (name == *k) {
        return v;
      }
    }
    diags_.report(Diag::InvalidValue, key.range, fmt::format("no key `{}` in this object", *k));
    return null_at(expr.range);
  }
  diags_.report(Diag::TypeMismatch, index.object->range, "a list or an object to index",
                model::describe(object));
  return null_at(expr.range);
}

Value Checker::eval_call(const ast::Expr& expr, const ast::Call& call, const model::Block* scope) {
  const Builtin* fn = find_builtin(call.name());
  if (!fn) {
    auto names = builtin_names();
    std::string suggestion = nearest(call.name(), std::span<const std::string_view>(names));
    diags_.report(Diag::UnknownFunction, call.name_range, call.name(), did_you_mean(suggestion))
        .fix(call.name_range, suggestion);
    return null_at(expr.range);
  }
  std::vector<Value> args;
  std::size_t size = 0; // all arguments together, like a list: concat() and join() copy them
  for (const auto& a : call.args()) {
    args.push_back(eval(*a, nullptr, scope));
    size += 1 + size_at(args.back(), 1);
    if (size > limits::kMaxValueSize) {
      diags_.report(Diag::ValueTooLarge, expr.range, limits::kMaxValueSize);
      return null_at(expr.range);
    }
    if (args.back().is_null()) {
      return null_at(expr.range);
    }
    if (!require_known(args.back(), fmt::format("`{}()`", call.name()))) {
      return null_at(expr.range);
    }
  }
  BuiltinCall c{call.name(), call.name_range, expr.range, args, diags_};
  return fn->run(c);
}

bool Checker::coerce(Value& value, const Type& type, Diagnostics* sink,
                     const schema::Attribute* to) {
  if (value.is_null()) {
    return true; // an error was already reported where it was made
  }
  auto fail = [&](Diag kind, auto&&... args) {
    if (sink) {
      sink->report(kind, value.range, args...);
    }
    value.data = model::Null{};
    return false;
  };
  auto expected = [&]() { return fmt::format("`{}`", schema::type_name(type)); };
  // Described only for a message: coerce() runs for every value the program writes. A literal
  // quoted or not against its type gets a hint: `port = "8080"`, `PORT = 8080` in a string map.
  auto found = [&] {
    static const std::regex literal(R"(([0-9]+(\.[0-9]+)?(MiB|GiB|vcpu|ms|s|m|h)?|true|false))");
    const std::string_view written = text(value.range);
    const std::string* s = value.string();
    if (s && type.kind != TypeKind::String && written == fmt::format("\"{}\"", *s) &&
        std::regex_match(*s, literal)) {
      return fmt::format("{}; drop the quotes: `{}`", model::describe(value), *s);
    }
    if (!s && type.kind == TypeKind::String &&
        std::regex_match(written.begin(), written.end(), literal)) {
      return fmt::format("{}; add quotes: `\"{}\"`", model::describe(value), written);
    }
    return model::describe(value);
  };
  switch (type.kind) {
  case TypeKind::String:
    if (value.string() || value.as<model::Template>()) {
      return true;
    }
    if (auto* d = value.as<model::Deferred>()) {
      value.data = model::Template{{*d}};
      return true;
    }
    return fail(Diag::TypeMismatch, expected(), found());
  case TypeKind::Int:
  case TypeKind::Port:
    if (!value.integer()) {
      return fail(Diag::TypeMismatch, expected(), found());
    }
    if (type.kind == TypeKind::Port && (*value.integer() < 1 || *value.integer() > 65535)) {
      return fail(Diag::ValueOutOfRange, fmt::format("port `{}`", *value.integer()),
                  "a port is 1 to 65535");
    }
    return true;
  case TypeKind::Number:
    if (auto i = value.integer()) {
      value.data = static_cast<double>(*i);
      return true;
    }
    return value.as<double>() ? true : fail(Diag::TypeMismatch, expected(), found());
  case TypeKind::Bool:
    return value.boolean() ? true : fail(Diag::TypeMismatch, expected(), found());
  case TypeKind::Cidr: {
    if (value.as<model::Deferred>() || value.as<model::Template>()) {
      return fail(Diag::DeferredNotAllowed, std::string(text(value.range)), "a CIDR");
    }
    const std::string* s = value.string();
    if (!s) {
      return fail(Diag::TypeMismatch, expected(), found());
    }
    std::string error;
    if (!Cidr::parse(*s, &error)) {
      return fail(Diag::InvalidCidr, *s, error);
    }
    return true; // already canonical: parse() takes no leading zeros nor host bits
  }
  case TypeKind::Memory:
  case TypeKind::Cpu:
  case TypeKind::Duration: {
    auto dim = type.kind == TypeKind::Memory ? model::Dimension::Memory
               : type.kind == TypeKind::Cpu  ? model::Dimension::Cpu
                                             : model::Dimension::Duration;
    if (auto i = value.integer()) {
      value.data = model::Quantity{static_cast<double>(*i), dim};
    } else if (auto* q = value.as<model::Quantity>(); !q || q->dimension != dim) {
      // `cpu = 0.5`: a plain int is in the stored unit, so a fraction means the larger unit, which
      // must be written. Only for a number written here: `x * 0.5` takes no suffix.
      const std::string_view written = text(value.range);
      if (value.as<double>() && !written.empty() &&
          written.find_first_not_of("0123456789.") == std::string_view::npos) {
        const std::string fix = fmt::format("{}{}", written,
                                            dim == model::Dimension::Cpu      ? "vcpu"
                                            : dim == model::Dimension::Memory ? "GiB"
                                                                              : "s");
        if (sink) {
          sink->report(Diag::TypeMismatch, value.range, expected(),
                       fmt::format("{}; write `{}`", found(), fix))
              .fix(value.range, fix);
        }
        value.data = model::Null{};
        return false;
      }
      return fail(Diag::TypeMismatch, expected(), found());
    }
    auto* q = value.as<model::Quantity>();
    if (std::floor(q->amount) != q->amount && (dim != model::Dimension::Duration || to)) {
      const std::string given = fmt::format("`{}` ({})", text(value.range), quantity_text(*q));
      if (dim != model::Dimension::Duration) {
        return fail(Diag::NotWholeUnits, given,
                    dim == model::Dimension::Cpu ? "CPU units (1 vCPU = 1024 units)" : "MiB");
      }
      // Every duration an attribute lowers to is an integer count of seconds (ECS's
      // `healthCheckGracePeriodSeconds`, ELB's `deregistration_delay.timeout_seconds`, Cloud Map's
      // `TTL`...), and the backends round: `60ms` would silently become 0. A param may hold it.
      return fail(Diag::NotWholeUnits, given,
                  fmt::format("seconds; `{}` goes to AWS in whole seconds: write `{}s` or `{}s`",
                              to->name, std::floor(q->amount), std::ceil(q->amount)));
    }
    if (q->amount < 0) {
      return fail(Diag::ValueOutOfRange, fmt::format("`{}`", text(value.range)),
                  "it must not be negative");
    }
    return true;
  }
  case TypeKind::Enum: {
    const std::string* name = value.enum_member() ? value.enum_member() : value.string();
    if (!name) {
      return fail(Diag::TypeMismatch, fmt::format("one of {}", schema::type_name(type)), found());
    }
    if (!is_member(type.members, *name)) {
      std::string list;
      for (std::size_t i = 0; i < type.members.size(); ++i) {
        list += fmt::format("{}`{}`", i ? ", " : "", type.members[i]);
      }
      return fail(Diag::UnknownEnumMember, *name, list,
                  did_you_mean(nearest(*name, std::span<const std::string_view>(type.members))));
    }
    value.data = model::EnumMember{*name};
    return true;
  }
  case TypeKind::Ref: {
    const model::Block* b = value.block();
    if (!b) {
      return fail(Diag::TypeMismatch, schema::ref_expectation(type), found());
    }
    if (!is_member(type.kinds, b->kind_name)) {
      // A block of the expected kind beside it, or at the top level, with a near name (`apu`
      // after a rename: `api` is then the service around the reference).
      std::vector<std::string_view> near;
      for (std::string_view kind : type.kinds) {
        for (const model::Block* other : program_->of_kind(kind)) {
          if (other->parent == b->parent || !other->parent) {
            near.push_back(other->name);
          }
        }
      }
      return fail(Diag::WrongKindReference, schema::ref_expectation(type),
                  std::string(text(value.range)),
                  article(b->kind_name) + did_you_mean(nearest(b->name, near)));
    }
    return true;
  }
  case TypeKind::List: {
    auto* list = value.as<model::List>();
    if (!list) {
      // `subnets = a` or `subnets = a, b`: an item where its list is wanted.
      const std::string_view written = text(value.range);
      Value item = value;
      if (sink && written.size() <= 60 && written.find('\n') == std::string_view::npos &&
          coerce(item, *type.element, nullptr, to)) {
        std::string listed = fmt::format("[{}]", written);
        sink->report(Diag::TypeMismatch, value.range, expected(),
                     fmt::format("{}; a list is written in brackets: `{}`", found(), listed))
            .fix(value.range, listed);
        value.data = model::Null{};
        return false;
      }
      return fail(Diag::TypeMismatch, expected(), found());
    }
    bool ok = true;
    for (auto& item : *list) {
      ok = coerce(item, *type.element, sink, to) && ok;
    }
    return ok;
  }
  case TypeKind::Map: {
    auto* map = value.as<model::Map>();
    if (!map) {
      return fail(Diag::TypeMismatch, expected(), found());
    }
    bool ok = true;
    for (auto& [k, v] : *map) {
      ok = coerce(v, *type.element, sink, to) && ok;
    }
    return ok;
  }
  case TypeKind::Object:
    return coerce_object(value, type, sink);
  case TypeKind::OneOf: {
    for (const Type* alt : type.alternatives) {
      Value attempt = value;
      if (coerce(attempt, *alt, nullptr, to) && !attempt.is_null()) {
        value = std::move(attempt);
        return true;
      }
    }
    // A reference of the wrong kind deserves the precise message.
    if (value.block()) {
      for (const Type* alt : type.alternatives) {
        if (alt->kind == TypeKind::Ref) {
          return coerce(value, *alt, sink, to);
        }
      }
    }
    // A malformed CIDR string deserves the CIDR's reason.
    if (value.string()) {
      for (const Type* alt : type.alternatives) {
        if (alt->kind == TypeKind::Cidr) {
          return coerce(value, *alt, sink, to);
        }
      }
    }
    std::string want;
    for (std::size_t i = 0; i < type.alternatives.size(); ++i) {
      const Type* alt = type.alternatives[i];
      want += (i ? " or " : "") + (alt->kind == TypeKind::Ref
                                       ? schema::ref_expectation(*alt)
                                       : fmt::format("`{}`", schema::type_name(*alt)));
    }
    return fail(Diag::TypeMismatch, want, found());
  }
  }
  return false;
}

bool Checker::coerce_object(Value& value, const Type& type, Diagnostics* sink) {
  if (!value.as<model::Map>()) {
    if (type.shorthand.empty()) {
      if (sink) {
        sink->report(Diag::TypeMismatch, value.range, fmt::format("a {} object", type.name),
                     model::describe(value));
      }
      value.data = model::Null{};
      return false;
    }
    model::Map wrapped;
    wrapped.emplace_back(std::string(type.shorthand), value);
    value.data = std::move(wrapped);
  }
  auto& map = *value.as<model::Map>();
  bool ok = true;
  for (const auto& [k, v] : map) {
    bool known = false;
    for (const auto& f : type.fields) {
      known = known || f.name == k;
    }
    if (!known) {
      ok = false;
      if (sink) {
        std::vector<std::string_view> names;
        for (const auto& f : type.fields) {
          names.push_back(f.name);
        }
        sink->report(Diag::UnknownAttribute, v.range, k, fmt::format("a {}", type.name),
                     did_you_mean(nearest(k, std::span<const std::string_view>(names))));
      }
    }
  }
  model::Map out;
  for (const auto& f : type.fields) {
    Value* given = nullptr;
    for (auto& [k, v] : map) {
      if (k == f.name) {
        given = &v;
      }
    }
    if (given) {
      Value v = *given;
      if (!coerce(v, *f.type, sink, &f)) {
        ok = false;
      } else {
        check_range(v, f, sink);
      }
      out.emplace_back(std::string(f.name), std::move(v));
    } else if (f.required) {
      ok = false;
      if (sink) {
        sink->report(Diag::MissingAttribute, value.range, fmt::format("this {}", type.name),
                     f.name);
      }
    } else if (f.default_value.kind == schema::DefaultKind::Value) {
      out.emplace_back(std::string(f.name), copy_at(f.default_value.value, value.range));
    }
  }
  if (!ok) {
    value.data = model::Null{};
    return false;
  }
  value.data = std::move(out);
  return true;
}

void Checker::check_range(Value& value, const schema::Attribute& attr, Diagnostics* sink) {
  if (value.is_null() || (!attr.min && !attr.max)) {
    return;
  }
  auto n = value.number();
  if (!n) {
    return;
  }
  auto shown = [&](double v) {
    if (auto* q = value.as<model::Quantity>()) {
      return quantity_text({v, q->dimension});
    }
    return number_text(v);
  };
  std::string problem;
  if (attr.min && *n < *attr.min) {
    problem =
        attr.max ? fmt::format("`{}` takes {} to {}", attr.name, shown(*attr.min), shown(*attr.max))
                 : fmt::format("`{}` must be at least {}", attr.name, shown(*attr.min));
  } else if (attr.max && *n > *attr.max) {
    problem =
        attr.min ? fmt::format("`{}` takes {} to {}", attr.name, shown(*attr.min), shown(*attr.max))
                 : fmt::format("`{}` must be at most {}", attr.name, shown(*attr.max));
  }
  if (!problem.empty()) {
    if (sink) {
      std::string what = value.as<model::Quantity>()
                             ? fmt::format("`{}` ({})", text(value.range), shown(*n))
                             : fmt::format("`{}`", shown(*n));
      // A plain number of a memory is MiB: `memory = 1` meant `1GiB` when that is in range.
      const std::string_view written = text(value.range);
      const auto* q = value.as<model::Quantity>();
      if (q && q->dimension == model::Dimension::Memory && !written.empty() &&
          written.find_first_not_of("0123456789") == std::string_view::npos &&
          (!attr.min || *n * 1024 >= *attr.min) && (!attr.max || *n * 1024 <= *attr.max)) {
        problem += did_you_mean(fmt::format("{}GiB", written));
      }
      sink->report(Diag::ValueOutOfRange, value.range, what, problem);
    }
    value.data = model::Null{};
  }
}

} // namespace ecl::check
