// The checker's driver and its declaration pass: blocks into the model, names into scopes.
#include "compiler/check/checker.h"

#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace {

std::string scope_text(const model::Block* scope) {
  return scope ? scope->display() : "the program";
}

} // namespace

std::string Decl::kind() const {
  switch (what) {
  case BlockDecl:
    return block->kind_name;
  case LetDecl:
    return "let";
  case ParamDecl:
    return "param";
  }
  return "";
}

std::unique_ptr<model::Program> check(const std::vector<ast::File>& files,
                                      const SourceManager& sources, const Options& options,
                                      Diagnostics& diags) {
  Checker checker(sources, diags, options);
  return checker.run(files);
}

// The checker in one page: declare, evaluate, default, normalize, then the AWS rules.
std::unique_ptr<model::Program> Checker::run(const std::vector<ast::File>& files) {
  program_ = std::make_unique<model::Program>();
  scopes_[nullptr]; // the program scope exists even when empty
  for (const ast::File& file : files) {
    for (const auto& block : file.blocks) {
      declare_block(*block, nullptr);
    }
  }
  declare_values(files);
  add_implicit_children();
  apply_param_overrides();
  for (auto& block : program_->blocks) {
    collect_attributes(*block);
  }
  for (auto& [name, slot] : params_) {
    param_value(slot, slot.syntax->name_range);
  }
  for (auto& [name, slot] : lets_) {
    let_value(slot, slot.syntax->name_range);
  }
  for (auto& block : program_->blocks) {
    evaluate_block(*block);
  }
  evaluate_outputs(files);
  for (auto& block : program_->blocks) {
    normalize(*block);
  }
  for (auto& [name, slot] : params_) {
    program_->params.emplace(name, slot.value);
  }
  RuleContext context{*program_, diags_, sources_};
  run_rules(context);
  return std::move(program_);
}

void Checker::declare_block(const ast::Block& syntax, model::Block* parent) {
  const schema::Kind* kind = schema::find_kind(syntax.kind);
  std::string_view parent_kind = parent ? std::string_view(parent->kind_name) : "";
  if (!kind) {
    auto names = schema::kind_names();
    std::string hint = did_you_mean(nearest(syntax.kind, std::span<const std::string_view>(names)));
    // An attribute-like word used as a block (`tags { … }`) reads better as a hint.
    if (hint.empty() && parent && parent->kind->attribute(syntax.kind)) {
      hint = fmt::format("; `{}` is an attribute: write `{} = …`", syntax.kind, syntax.kind);
    }
    diags_.report(Diag::UnknownKind, syntax.kind_range, syntax.kind, hint);
    return;
  }
  if (!kind->allowed_in(parent_kind)) {
    std::string where = parent ? fmt::format("inside {}", parent->display()) : "at the top level";
    std::string place;
    for (std::size_t i = 0; i < kind->parents.size(); ++i) {
      place +=
          fmt::format("{}{}", i ? " or " : "",
                      kind->parents[i].empty() ? std::string("at the top level")
                                               : fmt::format("inside a `{}`", kind->parents[i]));
    }
    diags_.report(Diag::WrongParent, syntax.kind_range, kind->name, where,
                  fmt::format("they go {}", place));
    return;
  }
  if (kind->naming == schema::Naming::Required && !syntax.name) {
    diags_.report(Diag::MissingBlockName, syntax.kind_range, kind->name, kind->name);
    return;
  }
  if (kind->naming == schema::Naming::None && syntax.name) {
    diags_.report(Diag::UnexpectedBlockName, syntax.name_range, kind->name);
    return;
  }
  // How many of this kind the parent already has.
  int count = 0;
  if (parent) {
    for (const model::Block* sibling : parent->children) {
      count += sibling->kind == kind;
    }
  } else {
    for (const auto& b : program_->blocks) {
      count += !b->parent && b->kind == kind;
    }
  }
  if (kind->max_per_parent > 0 && count >= kind->max_per_parent) {
    if (kind->name == "stack") {
      diags_.report(Diag::DuplicateStack, syntax.kind_range)
          .note(program_->stack->header_range, "the first `stack` is here");
    } else {
      diags_.report(Diag::TooManyBlocks, syntax.kind_range, scope_text(parent),
                    kind->max_per_parent, kind->name, kind->max_per_parent == 1 ? "" : "s");
    }
    return;
  }

  auto block = std::make_unique<model::Block>();
  block->kind = kind;
  block->kind_name = std::string(kind->name);
  block->name = syntax.name.value_or("");
  if (syntax.name) {
    block->path = parent ? parent->path + "." + *syntax.name : *syntax.name;
  } else {
    block->path = fmt::format("{}.{}[{}]", parent ? parent->path : "", kind->name, count);
  }
  block->range = syntax.range;
  block->header_range = syntax.name ? syntax.kind_range.to(syntax.name_range) : syntax.kind_range;
  block->parent = parent;

  if (syntax.name) {
    // A name is unique per kind within its scope.
    auto& scope = scopes_[parent];
    auto [first, last] = scope.equal_range(*syntax.name);
    for (auto it = first; it != last; ++it) {
      if (it->second.what == Decl::BlockDecl && it->second.block->kind == kind) {
        diags_
            .report(Diag::DuplicateName, syntax.name_range, kind->name, *syntax.name,
                    scope_text(parent))
            .note(it->second.range, fmt::format("the first `{}` is here", *syntax.name));
        return;
      }
    }
  }

  model::Block* raw = block.get();
  program_->blocks.push_back(std::move(block));
  blocks_[raw].syntax = &syntax;
  scopes_[raw];
  if (parent) {
    parent->children.push_back(raw);
  }
  if (kind->name == "stack") {
    program_->stack = raw;
  }
  if (syntax.name) {
    declare(parent, Decl{Decl::BlockDecl, raw, *syntax.name, syntax.name_range});
  }
  for (const auto& child : syntax.blocks) {
    declare_block(*child, raw);
  }
}

void Checker::declare(const model::Block* scope, Decl decl) {
  std::string name = decl.name;
  scopes_[scope].emplace(std::move(name), std::move(decl));
}

void Checker::declare_values(const std::vector<ast::File>& files) {
  // Params and lets share the program's namespace of values.
  auto taken = [&](const std::string& name, const Range& range, std::string_view what) {
    auto [first, last] = scopes_[nullptr].equal_range(name);
    for (auto it = first; it != last; ++it) {
      if (it->second.what != Decl::BlockDecl) {
        diags_.report(Diag::DuplicateName, range, what, name, "the program")
            .note(it->second.range,
                  fmt::format("{} `{}` is declared here", it->second.kind(), name));
        return true;
      }
    }
    return false;
  };
  for (const ast::File& file : files) {
    for (const ast::Param& p : file.params) {
      if (taken(p.name, p.name_range, "param")) {
        continue;
      }
      ParamSlot& slot = params_[p.name];
      slot.syntax = &p;
      slot.type = param_type(p.type);
      declare(nullptr, Decl{Decl::ParamDecl, nullptr, p.name, p.name_range});
    }
    for (const ast::Let& l : file.lets) {
      if (taken(l.name, l.name_range, "let")) {
        continue;
      }
      lets_[l.name].syntax = &l;
      declare(nullptr, Decl{Decl::LetDecl, nullptr, l.name, l.name_range});
    }
  }
}

void Checker::add_implicit_children() {
  // Kinds marked implicit (a container's `log`, a service's `deployment`) exist with their
  // defaults even when not written, so the backends read one shape.
  std::size_t n = program_->blocks.size();
  for (std::size_t i = 0; i < n; ++i) {
    model::Block* parent = program_->blocks[i].get();
    for (const schema::Kind& kind : schema::kinds()) {
      if (!kind.implicit || !kind.allowed_in(parent->kind_name) ||
          !parent->children_of(kind.name).empty()) {
        continue;
      }
      auto block = std::make_unique<model::Block>();
      block->kind = &kind;
      block->kind_name = std::string(kind.name);
      block->path = fmt::format("{}.{}[0]", parent->path, kind.name);
      block->range = parent->header_range;
      block->header_range = parent->header_range;
      block->parent = parent;
      block->implicit = true;
      parent->children.push_back(block.get());
      blocks_[block.get()];
      scopes_[block.get()];
      program_->blocks.push_back(std::move(block));
    }
  }
}

std::vector<const Decl*> Checker::lookup(std::string_view name, const model::Block* scope,
                                         const std::vector<std::string_view>* kinds) const {
  // Search outward from `scope`; the first scope with a fitting declaration wins.
  for (const model::Block* s = scope;; s = s->parent) {
    std::vector<const Decl*> found;
    auto it = scopes_.find(s);
    if (it != scopes_.end()) {
      auto [first, last] = it->second.equal_range(name);
      for (auto d = first; d != last; ++d) {
        bool fits = !kinds;
        if (kinds && d->second.what == Decl::BlockDecl) {
          for (auto k : *kinds) {
            fits = fits || d->second.block->kind_name == k;
          }
        }
        if (fits) {
          found.push_back(&d->second);
        }
      }
    }
    if (!found.empty() || !s) {
      return found;
    }
  }
}

std::vector<std::string> Checker::visible_names(const model::Block* scope) const {
  std::vector<std::string> names;
  for (const model::Block* s = scope;; s = s->parent) {
    auto it = scopes_.find(s);
    if (it != scopes_.end()) {
      for (const auto& [name, decl] : it->second) {
        names.push_back(name);
      }
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
  }
  return &schema::string_type();
}

} // namespace ecl::check
