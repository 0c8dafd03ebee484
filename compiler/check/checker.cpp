// The checker's driver and its declaration pass: blocks into the model, names into scopes.
#include "compiler/check/checker.h"

#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <fmt/format.h>
#include <type_traits>
#include <variant>

namespace ecl::check {
namespace {

std::string scope_text(const model::Block* scope) {
  return scope ? scope->display() : "the program";
}

// Keeps what `expr` is made of from Arena::release_before().
void keep_syntax(ast::Arena& arena, const ast::Expr& expr) {
  arena.keep_from(&expr);
  auto keep = [&](const ast::ExprPtr& e) {
    if (e) {
      keep_syntax(arena, *e);
    }
  };
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::String>) {
          arena.keep_from(node.parts.data());
          for (const ast::StringPart& part : node.parts) {
            arena.keep_from(part.text().data()); // a decoded text; the source's is not the arena's
            keep(part.expr);
          }
        } else if constexpr (std::is_same_v<T, ast::Member>) {
          keep(node.object);
        } else if constexpr (std::is_same_v<T, ast::Index>) {
          keep(node.object);
          keep(node.index);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          arena.keep_from(node.args().data());
          for (const ast::ExprPtr& arg : node.args()) {
            keep(arg);
          }
        } else if constexpr (std::is_same_v<T, ast::List>) {
          arena.keep_from(node.items.data());
          for (const ast::ExprPtr& item : node.items) {
            keep(item);
          }
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          arena.keep_from(node.entries.data());
          for (const ast::ObjectEntry& entry : node.entries) {
            arena.keep_from(entry.key.data());
            keep(entry.value);
          }
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          keep(node.operand);
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          keep(node.lhs);
          keep(node.rhs);
        } else if constexpr (std::is_same_v<T, ast::Conditional>) {
          keep(node.condition);
          keep(node.then_value);
          keep(node.else_value);
        }
      },
      expr.node);
}

} // namespace

std::string Decl::kind() const {
  switch (what) {
  case BlockDecl:
    return std::string(block->kind_name);
  case LetDecl:
    return "let";
  case ParamDecl:
    return "param";
  case ModuleDecl:
    return "module";
  }
  return "";
}

std::unique_ptr<model::Program> check(const std::vector<ast::File>& files,
                                      const SourceManager& sources, const Options& options,
                                      Diagnostics& diags, const Modules* modules) {
  Checker checker(sources, diags, options);
  return checker.run(files, modules);
}

std::unique_ptr<model::Program> check(std::vector<ast::File>&& files, const SourceManager& sources,
                                      const Options& options, Diagnostics& diags,
                                      const Modules* modules) {
  Checker checker(sources, diags, options);
  return checker.run(std::move(files), modules);
}

std::unique_ptr<model::Program> Checker::run(std::vector<ast::File>&& files,
                                             const Modules* modules) {
  owned_files_ = std::move(files);
  return run(owned_files_, modules);
}

// The checker in one page: declare, evaluate, default, normalize, then the AWS rules.
std::unique_ptr<model::Program> Checker::run(const std::vector<ast::File>& files,
                                             const Modules* modules) {
  program_ = std::make_unique<model::Program>();
  const std::size_t first_checked = diags_.items().size();
  make_namespaces(files, modules);
  eval_stack_.reserve(64);
  for (const Diagnostic& d : diags_.items()) {
    if (d.code()[1] == '0') {
      syntax_errors_.emplace_back(d.range.file, d.range.begin);
    }
  }
  std::sort(syntax_errors_.begin(), syntax_errors_.end());

  {
    // One allocation for the per-block tables instead of a series of regrowths.
    std::size_t count = 0;
    auto count_blocks = [&](auto& self, const ast::Block& b) -> void {
      ++count;
      for (const auto& child : b.blocks) {
        self(self, *child);
      }
    };
    for (const Namespace& space : spaces_) {
      for (const ast::File* file : space.files) {
        for (const auto& block : file->blocks) {
          count_blocks(count_blocks, *block);
        }
      }
    }
    blocks_.reserve(count);
    child_counts_.reserve(count);
    program_->blocks.reserve(count);
  }
  for (const ast::File& file : files) {
    for (const auto& block : file.blocks) {
      declare_block(*block, nullptr);
    }
  }
  declare_values(0);
  declare_instances();
  add_implicit_children();
  // Every block is declared: the counts of their children are not needed any more.
  child_counts_ = std::vector<ChildCounts>();
  for (Namespace& space : spaces_) {
    space.top_level_counts = {};
  }
  apply_param_overrides();
  // Every block is declared now (implicit ones included): the slots can take one allocation.
  std::size_t slot_count = 0;
  // deferred_defaults_ takes at most each block's constant defaults: one allocation for it too.
  std::size_t most_deferred = 0;
  std::vector<std::size_t> constant_defaults(schema::kinds().size(), SIZE_MAX); // by kind
  for (const auto& block : program_->blocks) {
    const schema::Kind& kind = *block->kind;
    slot_count += kind.attributes.size();
    std::size_t& n = constant_defaults[static_cast<std::size_t>(&kind - schema::kinds().data())];
    if (n == SIZE_MAX) {
      n = static_cast<std::size_t>(
          std::count_if(kind.attributes.begin(), kind.attributes.end(), constant_default));
    }
    most_deferred += n;
  }
  deferred_defaults_.reserve(most_deferred);
  deferred_counts_.assign(program_->blocks.size(), 0);
  slots_.assign(slot_count, AttrSlot{});
  for (std::size_t i = 0, next = 0; i < program_->blocks.size(); ++i) {
    const std::size_t n = program_->blocks[i]->kind->attributes.size();
    blocks_[i].slots = std::span<AttrSlot>(slots_.data() + next, n);
    next += n;
  }
  for (auto& block : program_->blocks) {
    collect_attributes(*block);
  }
  // A block that could not be placed has no parent of its kind, which the rules take for granted.
  const bool placed = place_blocks();
  for (std::uint32_t space = 0; space < spaces_.size(); ++space) {
    for (auto& [name, slot] : spaces_[space].params) {
      param_value(slot, slot.syntax->name_range);
    }
    for (LetSlot& slot : spaces_[space].lets) {
      let_value(slot, slot.syntax->name_range);
    }
  }
  if (!owned_files_.empty()) {
    // The outputs are evaluated after the blocks: their syntax stays.
    for (ast::File& file : owned_files_) {
      for (const ast::Output& output : file.outputs) {
        keep_syntax(*file.arena, *output.value);
      }
    }
  }
  for (auto& block : program_->blocks) {
    release_syntax_before(*block);
    evaluate_block(*block);
    note_defaults(*block);
  }
  open_blocks_ = {};
  top_ = 0;
  evaluate_outputs(files);
  evaluate_module_outputs();
  for (auto& [name, slot] : spaces_[0].params) {
    program_->params.emplace(name, slot.value);
  }
  // The model is complete: what only evaluation needed goes before the rules add their own
  // tables, so the two are never held at once.
  deferred_reads_ = {};
  owned_files_ = std::vector<ast::File>();
  for (Namespace& space : spaces_) {
    space.scope = Scope();
    space.lets = {};
    space.let_states = {};
    space.params.clear();
    space.outputs = {};
    space.files = {};
  }
  blocks_ = std::vector<BlockInfo>();
  slots_ = std::vector<AttrSlot>();
  scopes_ = std::vector<Scope>();
  // The constant defaults, now that the room of all the above is there to take.
  for (std::size_t i = 0, next = 0; i < program_->blocks.size(); ++i) {
    const std::size_t n = deferred_counts_[i];
    add_defaults(*program_->blocks[i], {deferred_defaults_.data() + next, n});
    next += n;
  }
  deferred_defaults_ = {};
  deferred_counts_ = {};
  for (auto& block : program_->blocks) {
    normalize(*block);
  }
  RuleContext context{*program_, diags_, sources_};
  const std::size_t before_rules = diags_.items().size();
  // The AWS rules judge a program that parsed: after a syntax error the parser's repairs may have
  // moved or lost anything, and what the rules would say about it is noise.
  if (syntax_errors_.empty() && placed) {
    run_rules(context);
  }
  drop_consequences(first_checked, before_rules);
  note_instances(0);
  return std::move(program_);
}

void Checker::drop_consequences(std::size_t first_checked, std::size_t first_rule) {
  using Position = std::pair<FileId, std::uint32_t>;
  auto& items = diags_.items();
  // After a syntax error the parser's recovery reads the rest of the line as new items: what the
  // checker says about them is the same mistake again.
  auto after_syntax_error = [&](const Diagnostic& d) {
    if (syntax_errors_.empty() || !d.range.valid() || d.code()[1] == '0') {
      return false;
    }
    auto it = std::upper_bound(syntax_errors_.begin(), syntax_errors_.end(),
                               Position{d.range.file, d.range.begin});
    if (it == syntax_errors_.begin() || std::prev(it)->first != d.range.file) {
      return false;
    }
    const std::uint32_t error = std::prev(it)->second;
    std::string_view text = sources_.file(d.range.file).text();
    return text.substr(error, d.range.begin - error).find('\n') == std::string_view::npos;
  };
  // Errors reported before the rules, by position, for blocks_with_errors below.
  std::vector<Position> errors;
  for (std::size_t i = 0; i < first_rule; ++i) {
    const Diagnostic& d = items[i];
    if (d.severity == Severity::Error && d.range.valid()) {
      errors.emplace_back(d.range.file, d.range.begin);
    }
  }
  std::sort(errors.begin(), errors.end());
  // Written blocks by where they start: parents before children, so the last block starting at
  // or before a position, or one of its parents, is the innermost block around it.
  std::vector<std::pair<Position, const model::Block*>> starts;
  if (!errors.empty() && first_rule < items.size()) {
    for (const auto& block : program_->blocks) {
      if (!block->implicit && block->range.valid()) {
        starts.push_back({{block->range.file, block->range.begin}, block.get()});
      }
    }
    std::sort(starts.begin(), starts.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
  }
  // Whether the innermost block around `at` holds an error reported before the rules ran.
  auto in_block_with_error = [&](const Range& at) {
    if (starts.empty() || !at.valid()) {
      return false;
    }
    const Position pos{at.file, at.begin};
    auto it = std::upper_bound(starts.begin(), starts.end(), pos,
                               [](const Position& p, const auto& s) { return p < s.first; });
    if (it == starts.begin()) {
      return false;
    }
    const model::Block* block = std::prev(it)->second;
    while (block && !(block->range.file == at.file && at.begin < block->range.end)) {
      block = block->parent;
    }
    if (!block) {
      return false;
    }
    auto error = std::lower_bound(errors.begin(), errors.end(),
                                  Position{block->range.file, block->range.begin});
    return error != errors.end() && error->first == block->range.file &&
           error->second < block->range.end;
  };
  // A rule's diagnostic about a block that holds an error, or noting one, judges a block the
  // checker could not read whole.
  auto rule_consequence = [&](const Diagnostic& d) {
    return in_block_with_error(d.range) ||
           std::any_of(d.notes.begin(), d.notes.end(),
                       [&](const Note& n) { return in_block_with_error(n.range); });
  };
  std::size_t kept = first_checked;
  for (std::size_t i = first_checked; i < items.size(); ++i) {
    if (after_syntax_error(items[i]) || (i >= first_rule && rule_consequence(items[i]))) {
      continue;
    }
    if (kept != i) {
      items[kept] = std::move(items[i]);
    }
    ++kept;
  }
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(kept), items.end());
}

void Checker::declare_block(const ast::Block& syntax, model::Block* parent) {
  if (syntax.kind == "module") {
    declare_instance(syntax, parent);
    return;
  }
  const schema::Kind* kind = schema::find_kind(syntax.kind);
  std::string_view parent_kind = parent ? std::string_view(parent->kind_name) : "";
  if (!kind) {
    auto names = schema::kind_names();
    std::string suggestion = nearest(syntax.kind, std::span<const std::string_view>(names));
    std::string hint = did_you_mean(suggestion);
    // An attribute of the parent written as a block (`tags { … }`, `load_balancers { … }`): that,
    // rather than a kind of a near name.
    if (parent && parent->kind->attribute(syntax.kind)) {
      suggestion.clear();
      hint = fmt::format("; `{}` is an attribute: write `{} = …`", syntax.kind, syntax.kind);
    }
    diags_.report(Diag::UnknownKind, syntax.kind_range(), syntax.kind, hint)
        .fix(syntax.kind_range(), suggestion);
    if (!suggestion.empty()) {
      program_->lost_kinds.push_back(std::move(suggestion)); // the rules do not judge its kind
    }
    drop(syntax);
    if (!syntax.name()) {
      dropped_names_.insert(syntax.kind); // `main { … }`: the kind was left out, not the name
    }
    return;
  }
  if (kind->name == "stack" && top_ != 0) {
    diags_.report(Diag::ModuleStack, syntax.kind_range());
    drop(syntax);
    return;
  }
  // A module's top-level block that lives inside a parent names it: `cluster = cluster`.
  const ast::Attribute* placement = nullptr;
  if (!parent && top_ != 0 && !kind->allowed_in(parent_kind)) {
    for (const ast::Attribute& a : syntax.attributes) {
      if (!placement && !kind->attribute(a.name()) &&
          std::find(kind->parents.begin(), kind->parents.end(), a.name()) != kind->parents.end()) {
        placement = &a;
      }
    }
    if (!placement) {
      std::string_view first = kind->parents.empty() ? "" : kind->parents.front();
      diags_.report(Diag::ModulePlacement, syntax.kind_range(),
                    fmt::format("`{0}` blocks go inside a `{1}`; at a module's top level, name "
                                "it: `{1} = …`, a `{1}` (such as a param `{1}: {1}`)",
                                kind->name, first));
      drop(syntax);
      return;
    }
  }
  if (!placement && !kind->allowed_in(parent_kind)) {
    std::string where = parent ? fmt::format("inside {}", parent->display()) : "at the top level";
    std::string place;
    for (std::size_t i = 0; i < kind->parents.size(); ++i) {
      place +=
          fmt::format("{}{}", i ? " or " : "",
                      kind->parents[i].empty() ? std::string("at the top level")
                                               : fmt::format("inside a `{}`", kind->parents[i]));
    }
    // After a syntax error earlier in the file, the parser's repair may have closed the parent
    // early: the block is left out without a word.
    auto error = std::lower_bound(syntax_errors_.begin(), syntax_errors_.end(),
                                  std::pair{syntax.range.file, syntax.range.begin});
    if (error == syntax_errors_.begin() || std::prev(error)->first != syntax.range.file) {
      diags_.report(Diag::WrongParent, syntax.kind_range(), kind->name, where,
                    fmt::format("they go {}", place));
    }
    drop(syntax);
    return;
  }
  if (kind->naming == schema::Naming::Required && !syntax.name()) {
    diags_.report(Diag::MissingBlockName, syntax.kind_range(), kind->name, kind->name);
    nameless_kinds_.insert(kind->name);
    drop(syntax);
    return;
  }
  if (kind->naming == schema::Naming::None && syntax.name()) {
    diags_.report(Diag::UnexpectedBlockName, syntax.name_range(), kind->name);
    return;
  }
  // How many of this kind the parent already has.
  ChildCounts& counts = parent ? child_counts_[parent->id] : spaces_[top_].top_level_counts;
  auto counted = std::find_if(counts.begin(), counts.end(),
                              [&](const auto& entry) { return entry.first == kind; });
  if (counted == counts.end()) {
    counted = counts.insert(counts.end(), {kind, 0});
  }
  const int count = counted->second;
  if (kind->max_per_parent > 0 && count >= kind->max_per_parent) {
    if (kind->name == "stack") {
      diags_.report(Diag::DuplicateStack, syntax.kind_range())
          .note(program_->stack->header_range, "the first `stack` is here");
    } else {
      diags_.report(Diag::TooManyBlocks, syntax.kind_range(), scope_text(parent),
                    kind->max_per_parent, kind->name, kind->max_per_parent == 1 ? "" : "s");
    }
    return;
  }

  auto block = std::make_unique<model::Block>();
  block->kind = kind;
  block->kind_name = kind->name;
  block->name = syntax.name().value_or("");
  // A module's top-level block is under its instance's name: `api.app`.
  const std::string_view parent_path =
      parent ? std::string_view(parent->path) : std::string_view(spaces_[top_].path);
  if (syntax.name()) {
    if (!parent_path.empty()) {
      block->path.reserve(parent_path.size() + 1 + syntax.name()->size());
      block->path.append(parent_path).append(".").append(*syntax.name());
    } else {
      block->path = *syntax.name();
    }
  } else {
    // Concatenated rather than formatted: one per unnamed block (every `ingress`, `log`, …).
    const std::string index = std::to_string(count);
    block->path.reserve(parent_path.size() + kind->name.size() + index.size() + 3);
    block->path.append(parent_path).append(".").append(kind->name);
    block->path.append("[").append(index).append("]");
  }
  block->range = syntax.range;
  block->header_range =
      syntax.name() ? syntax.kind_range().to(syntax.name_range()) : syntax.kind_range();
  block->parent = parent;

  if (syntax.name()) {
    // A name is unique per kind within its scope.
    for (const Decl& other : scope_of(parent).find(*syntax.name())) {
      if (other.what == Decl::BlockDecl && other.block->kind == kind) {
        diags_
            .report(Diag::DuplicateName, syntax.name_range(), kind->name, *syntax.name(),
                    scope_text(parent))
            .note(other.range, fmt::format("the first `{}` is here", *syntax.name()));
        return;
      }
    }
  }

  ++counted->second;
  model::Block* raw = add_block(std::move(block));
  info_of(*raw).syntax = &syntax;
  info_of(*raw).space = top_;
  if (placement) {
    info_of(*raw).placed = true;
    placements_.emplace_back(raw, placement);
  }
  if (parent) {
    parent->children.push_back(raw);
  }
  if (kind->name == "stack") {
    program_->stack = raw;
  }
  if (syntax.name()) {
    declare(parent, Decl{{raw}, *syntax.name(), syntax.name_range(), Decl::BlockDecl});
  }
  for (const auto& child : syntax.blocks) {
    declare_block(*child, raw);
  }
}

void Checker::drop(const ast::Block& syntax) {
  auto forget = [&](auto& self, const ast::Block& b) -> void {
    if (b.name()) {
      dropped_names_.insert(*b.name());
    }
    for (const auto& child : b.blocks) {
      self(self, *child);
    }
  };
  forget(forget, syntax);
}

Scope& Checker::scope_of(const model::Block* block) {
  if (!block) {
    return spaces_[top_].scope;
  }
  std::uint32_t& scope = info_of(*block).scope;
  if (scope == 0) {
    scope = static_cast<std::uint32_t>(scopes_.size());
    scopes_.emplace_back();
  }
  return scopes_[scope];
}

void Checker::declare(const model::Block* scope, Decl decl) {
  scope_of(scope).add(std::move(decl));
}

void Scope::add(Decl decl) {
  if (!by_name_ && few_.size() < kLinear) {
    // After the last declaration of the same name, if any: a name's declarations stay together.
    auto at = few_.end();
    for (auto it = few_.begin(); it != few_.end(); ++it) {
      if (it->name == decl.name) {
        at = it + 1;
      }
    }
    few_.insert(at, std::move(decl));
    return;
  }
  if (!by_name_) {
    reserve(kLinear + 1);
  }
  add_hashed(decl);
}

namespace {

// FNV-1a: names are short, and std::hash's Murmur costs more than the probe it serves. Its high
// bits are folded in, as the table takes the low ones.
std::size_t hash_name(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h = (h ^ c) * 1099511628211ull;
  }
  return static_cast<std::size_t>(h ^ (h >> 32));
}

} // namespace

std::size_t Scope::Hashed::slot(std::string_view name) const {
  const std::size_t mask = table.size() - 1;
  for (std::size_t i = hash_name(name) & mask;; i = (i + 1) & mask) {
    if (table[i] == 0 || firsts[table[i] - 1].name == name) {
      return i;
    }
  }
}

void Scope::Hashed::grow(std::size_t names) {
  std::size_t size = 16;
  while (size / 4 * 3 < names) {
    size *= 2;
  }
  if (size <= table.size()) {
    return;
  }
  table.assign(size, 0);
  for (std::size_t i = 0; i < firsts.size(); ++i) {
    table[slot(firsts[i].name)] = static_cast<std::uint32_t>(i + 1);
  }
}

void Scope::add_hashed(Decl decl) {
  Hashed& h = *by_name_;
  h.grow(h.firsts.size() + 1);
  const std::size_t at = h.slot(decl.name);
  if (h.table[at] == 0) {
    h.table[at] = static_cast<std::uint32_t>(h.firsts.size() + 1);
    h.firsts.push_back(decl);
    return;
  }
  const std::uint32_t index = h.table[at] - 1;
  std::vector<Decl>& all = h.more[index];
  if (all.empty()) {
    all.push_back(h.firsts[index]);
    h.firsts[index].more = true;
  }
  all.push_back(decl);
}

void Scope::reserve(std::size_t n) {
  if (n <= kLinear) {
    return;
  }
  if (!by_name_) {
    by_name_ = std::make_unique<Hashed>();
    by_name_->firsts.reserve(n);
    by_name_->grow(n);
    for (Decl& d : few_) {
      add_hashed(d);
    }
    few_ = {};
  }
  by_name_->firsts.reserve(n);
  by_name_->grow(n);
}

std::span<const Decl> Scope::find(std::string_view name) const {
  if (!by_name_) {
    for (std::size_t i = 0; i < few_.size(); ++i) {
      if (few_[i].name == name) {
        std::size_t end = i + 1;
        while (end < few_.size() && few_[end].name == name) {
          ++end;
        }
        return std::span<const Decl>(few_.data() + i, end - i);
      }
    }
    return {};
  }
  const Hashed& h = *by_name_;
  const std::uint32_t at = h.table[h.slot(name)];
  if (at == 0) {
    return {};
  }
  const Decl& first = h.firsts[at - 1];
  return first.more ? std::span<const Decl>(h.more.at(at - 1)) : std::span<const Decl>(&first, 1);
}

std::vector<std::string> Scope::names() const {
  std::vector<std::string> out;
  for (const Decl& d : few_) {
    out.emplace_back(d.name);
  }
  if (by_name_) {
    for (const Decl& first : by_name_->firsts) {
      const std::size_t n =
          first.more
              ? by_name_->more.at(static_cast<std::uint32_t>(&first - by_name_->firsts.data()))
                    .size()
              : 1;
      out.insert(out.end(), n, std::string(first.name));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void Checker::release_syntax_before(const model::Block& next) {
  const BlockInfo& info = info_of(next);
  if (owned_files_.empty() || !info.syntax || info.space != 0) {
    return; // trees the caller keeps; an implicit block; a module's (its files are kept whole)
  }
  // The blocks whose text ended before `next` begins (not its parents) are evaluated; of them,
  // the one that ended last (the outermost, popped last) was parsed last.
  const void* done = nullptr;
  while (!open_blocks_.empty()) {
    const auto [open, last] = open_blocks_.back();
    if (open->range.file == next.range.file && open->range.end > next.range.begin) {
      break;
    }
    if (open->range.file == next.range.file) {
      done = last;
    }
    open_blocks_.pop_back();
  }
  // The node allocated last for `next`: its lists, allocated at its `}` (blocks after attributes),
  // or else the block itself, allocated at its head. Read now: the block's syntax goes once an
  // enclosing block's later child is done.
  const ast::Block& syntax = *info.syntax;
  const void* last = !syntax.blocks.empty() ? static_cast<const void*>(syntax.blocks.data())
                     : !syntax.attributes.empty()
                         ? static_cast<const void*>(syntax.attributes.data())
                         : static_cast<const void*>(&syntax);
  open_blocks_.emplace_back(&next, last);
  if (!done) {
    return;
  }
  for (ast::File& file : owned_files_) {
    if (file.file == next.range.file) {
      file.arena->release_before(done);
      return;
    }
  }
}

model::Block* Checker::add_block(std::unique_ptr<model::Block> block) {
  model::Block* raw = program_->add(std::move(block));
  blocks_.emplace_back();
  child_counts_.emplace_back();
  return raw;
}

void Checker::declare_values(std::uint32_t space) {
  top_ = space;
  Namespace& ns = spaces_[space];
  const std::string where =
      space == 0 ? std::string("the program") : fmt::format("module instance `{}`", ns.path);
  // Params and lets share the namespace's values.
  auto taken = [&](std::string_view name, const Range& range, std::string_view what) {
    for (const Decl& other : ns.scope.find(name)) {
      if (other.what == Decl::LetDecl || other.what == Decl::ParamDecl) {
        diags_.report(Diag::DuplicateName, range, what, name, where)
            .note(other.range, fmt::format("{} `{}` is declared here", other.kind(), name));
        return true;
      }
    }
    return false;
  };
  std::size_t lets = 0, names = 0;
  for (const ast::File* file : ns.files) {
    lets += file->lets.size();
    names += file->blocks.size() + file->params.size() + file->lets.size();
  }
  ns.lets.reserve(lets); // exactly: a Decl points at its slot
  ns.scope.reserve(names);
  for (const ast::File* file : ns.files) {
    for (const ast::Param& p : file->params) {
      if (taken(p.name, p.name_range, "param")) {
        continue;
      }
      ParamSlot& slot = ns.params[p.name];
      slot.syntax = &p;
      slot.type = param_type(p.type);
      declare(nullptr, Decl{{nullptr}, p.name, p.name_range, Decl::ParamDecl});
    }
    for (const ast::Let& l : file->lets) {
      if (taken(l.name, l.name_range, "let")) {
        continue;
      }
      Decl decl{{nullptr}, l.name, l.name_range, Decl::LetDecl};
      decl.let = &ns.lets.emplace_back(LetSlot{&l, model::Value{}});
      declare(nullptr, decl);
    }
  }
  ns.let_states.assign(ns.lets.size(), State::Pending);
  top_ = 0;
}

void Checker::add_implicit_children() {
  // Kinds marked implicit (a container's `log`, a service's `deployment`) exist with their
  // defaults even when not written, so the backends read one shape.
  // By the kind of the parent: the implicit kinds it may hold, in schema order.
  const std::span<const schema::Kind> kinds = schema::kinds();
  std::vector<std::vector<const schema::Kind*>> implicit_in(kinds.size());
  for (const schema::Kind& parent : kinds) {
    for (const schema::Kind& kind : kinds) {
      if (kind.implicit && kind.allowed_in(parent.name)) {
        implicit_in[static_cast<std::size_t>(&parent - kinds.data())].push_back(&kind);
      }
    }
  }
  auto implicit_kinds = [&](const model::Block& parent) -> const std::vector<const schema::Kind*>& {
    return implicit_in[static_cast<std::size_t>(parent.kind - kinds.data())];
  };
  const std::size_t n = program_->blocks.size();
  auto wanted = [&](const model::Block& parent, const schema::Kind& kind) {
    const ChildCounts& counts = child_counts_[parent.id];
    return std::none_of(counts.begin(), counts.end(),
                        [&](const auto& entry) { return entry.first == &kind && entry.second; });
  };
  // Counted first, so that the per-block tables grow once to their final size: growing by
  // doubling would keep up to twice the room they need (and both copies while one grows).
  std::size_t added = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (const schema::Kind* kind : implicit_kinds(*program_->blocks[i])) {
      added += wanted(*program_->blocks[i], *kind);
    }
  }
  blocks_.reserve(n + added);
  child_counts_.reserve(n + added);
  program_->blocks.reserve(n + added);
  for (std::size_t i = 0; i < n; ++i) {
    model::Block* parent = program_->blocks[i].get();
    for (const schema::Kind* implicit_kind : implicit_kinds(*parent)) {
      const schema::Kind& kind = *implicit_kind;
      if (!wanted(*parent, kind)) {
        continue;
      }
      auto block = std::make_unique<model::Block>();
      block->kind = &kind;
      block->kind_name = kind.name;
      block->path.reserve(parent->path.size() + kind.name.size() + 4);
      block->path.append(parent->path).append(".").append(kind.name).append("[0]");
      block->range = parent->header_range;
      block->header_range = parent->header_range;
      block->parent = parent;
      block->implicit = true;
      parent->children.push_back(block.get());
      const std::uint32_t space = info_of(*parent).space;
      info_of(*add_block(std::move(block))).space = space;
    }
  }
}

std::vector<const Decl*> Checker::lookup(std::string_view name, const model::Block* scope,
                                         const std::vector<std::string_view>* kinds) const {
  // Search outward from `scope`, up to the top level of its namespace (a module's names are its
  // own); the first scope with a fitting declaration wins.
  const Scope& top = spaces_[scope ? blocks_[scope->id].space : top_].scope;
  for (const model::Block* s = scope;; s = lexical_parent(*s)) {
    std::vector<const Decl*> found;
    for (const Decl& d : (s ? scope_of(s) : top).find(name)) {
      bool fits = !kinds;
      if (kinds && d.what == Decl::BlockDecl) {
        for (auto k : *kinds) {
          fits = fits || d.block->kind_name == k;
        }
      }
      if (fits) {
        found.push_back(&d);
      }
    }
    if (!found.empty() || !s) {
      return found;
    }
  }
}

std::vector<std::string> Checker::visible_names(const model::Block* scope) const {
  std::vector<std::string> names;
  const Scope& top = spaces_[scope ? blocks_[scope->id].space : top_].scope;
  for (const model::Block* s = scope;; s = lexical_parent(*s)) {
    for (std::string& name : (s ? scope_of(s) : top).names()) {
      names.push_back(std::move(name));
    }
    if (!s) {
      return names;
    }
  }
}

const schema::Type* param_type(const ast::Type& type) {
  switch (type.kind) {
  case ast::Type::String:
    return &schema::string_type();
  case ast::Type::Int:
    return &schema::int_type();
  case ast::Type::Number:
    return &schema::number_type();
  case ast::Type::Bool:
    return &schema::bool_type();
  case ast::Type::Cidr:
    return &schema::cidr_type();
  case ast::Type::Memory:
    return &schema::memory_type();
  case ast::Type::Cpu:
    return &schema::cpu_type();
  case ast::Type::Duration:
    return &schema::duration_type();
  case ast::Type::List:
    return &schema::list_of(type.element ? *param_type(*type.element) : schema::string_type());
  case ast::Type::Map:
    return &schema::map_of(type.element ? *param_type(*type.element) : schema::string_type());
  case ast::Type::Block:
    return &schema::ref_of(type.block_kind);
  }
  return &schema::string_type();
}

} // namespace ecl::check
