#include "compiler/lsp/analysis.h"

#include "compiler/syntax/syntax.h"

#include <algorithm>

namespace ecl::lsp {
namespace {

using schema::Type;
using schema::TypeKind;

// The scalar forms a value of `type` may take: through `OneOf` alternatives and the shorthand
// field of an object type (`capacity = [fargate]` stands for `[{ provider = fargate }]`).
void scalar_forms(const Type* type, std::vector<const Type*>& out, int depth = 0) {
  if (!type || depth > 8) { // schema types nest a few levels; the bound guards against a cycle
    return;
  }
  if (type->kind == TypeKind::OneOf) {
    for (const Type* alt : type->alternatives) {
      scalar_forms(alt, out, depth + 1);
    }
  } else if (type->kind == TypeKind::Object && !type->shorthand.empty()) {
    for (const auto& f : type->fields) {
      if (f.name == type->shorthand) {
        scalar_forms(f.type, out, depth + 1);
      }
    }
  } else {
    out.push_back(type);
  }
}

void add_unique(std::vector<std::string_view>& out, std::string_view s) {
  if (std::find(out.begin(), out.end(), s) == out.end()) {
    out.push_back(s);
  }
}

bool contains(const Range& r, FileId file, std::uint32_t offset) {
  return r.file == file && r.begin <= offset && offset <= r.end;
}

} // namespace

std::vector<std::string_view> enum_members(const Type* type) {
  std::vector<const Type*> forms;
  scalar_forms(type, forms);
  std::vector<std::string_view> out;
  for (const Type* t : forms) {
    if (t->kind == TypeKind::Enum) {
      for (auto m : t->members) {
        add_unique(out, m);
      }
    }
  }
  return out;
}

std::vector<std::string_view> ref_kinds(const Type* type) {
  std::vector<const Type*> forms;
  scalar_forms(type, forms);
  std::vector<std::string_view> out;
  for (const Type* t : forms) {
    if (t->kind == TypeKind::Ref) {
      for (auto k : t->kinds) {
        add_unique(out, k);
      }
    }
  }
  return out;
}

bool accepts_bool(const Type* type) {
  std::vector<const Type*> forms;
  scalar_forms(type, forms);
  return std::any_of(forms.begin(), forms.end(),
                     [](const Type* t) { return t->kind == TypeKind::Bool; });
}

const Type* field_type(const Type* type, std::string_view key) {
  if (!type) {
    return nullptr;
  }
  if (type->kind == TypeKind::Map) {
    return type->element;
  }
  if (type->kind == TypeKind::Object) {
    for (const auto& f : type->fields) {
      if (f.name == key) {
        return f.type;
      }
    }
  }
  if (type->kind == TypeKind::OneOf) {
    for (const Type* alt : type->alternatives) {
      if (const Type* t = field_type(alt, key)) {
        return t;
      }
    }
  }
  return nullptr;
}

const Type* element_type(const Type* type) {
  if (!type) {
    return nullptr;
  }
  if (type->kind == TypeKind::List) {
    return type->element;
  }
  if (type->kind == TypeKind::OneOf) {
    for (const Type* alt : type->alternatives) {
      if (const Type* t = element_type(alt)) {
        return t;
      }
    }
  }
  return nullptr;
}

Analysis::Analysis(std::vector<SourceInput> inputs) : inputs_(std::move(inputs)) {
  std::vector<FileId> files;
  for (const auto& input : inputs_) {
    files.push_back(sources_.add(input.path, input.text));
  }
  for (FileId id : files) {
    lines_.emplace_back(sources_.file(id).text());
  }
  for (FileId id : files) {
    asts_.push_back(syntax::parse_file(sources_, id, diags_));
  }
  program_ = check::check(asts_, sources_, check::Options{}, diags_);
  diags_.sort();

  // Declarations: lets and params (the program's scope), then written blocks by position.
  std::size_t count = 0;
  for (const auto& file : asts_) {
    count += file.params.size() + file.lets.size();
  }
  values_.reserve(count); // Sites point into values_: it must not reallocate
  for (const auto& file : asts_) {
    for (const auto& p : file.params) {
      value_index_.emplace(p.name, values_.size());
      values_.push_back({true, p.name, p.name_range, p.default_value.get(), &p.type});
    }
    for (const auto& l : file.lets) {
      value_index_.emplace(l.name, values_.size());
      values_.push_back({false, l.name, l.name_range, l.value.get(), nullptr});
    }
  }
  for (const auto& block : program_->blocks) {
    if (block->implicit) {
      continue;
    }
    by_start_[{block->range.file, block->range.begin}] = block.get();
    if (!block->name.empty()) {
      scopes_[{block->parent, block->name}].push_back(block.get());
    }
  }

  for (const ValueDecl& v : values_) {
    Site site{Site::ValueName, v.name_range};
    site.value = &v;
    sites_.push_back(site);
  }
  for (const auto& file : asts_) {
    for (const auto& p : file.params) {
      if (p.default_value) {
        index_expr(*p.default_value, nullptr, nullptr);
      }
    }
    for (const auto& l : file.lets) {
      index_expr(*l.value, nullptr, nullptr);
    }
    for (const auto& o : file.outputs) {
      index_expr(*o.value, nullptr, nullptr);
    }
    for (const auto& b : file.blocks) {
      index_block(*b, nullptr);
    }
  }
}

std::optional<FileId> Analysis::file_of(std::string_view uri) const {
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    if (inputs_[i].uri == uri) {
      return static_cast<FileId>(i);
    }
  }
  return std::nullopt;
}

Range Analysis::name_range(const model::Block& block) {
  Range r = block.header_range;
  auto length = static_cast<std::uint32_t>(block.name.size());
  if (!block.name.empty() && r.end >= r.begin + length) {
    r.begin = r.end - length;
  }
  return r;
}

const Site* Analysis::site_at(FileId file, std::uint32_t offset) const {
  const Site* best = nullptr;
  for (const Site& s : sites_) {
    if (contains(s.range, file, offset) &&
        (!best || s.range.end - s.range.begin < best->range.end - best->range.begin)) {
      best = &s;
    }
  }
  return best;
}

const model::Block* Analysis::block_at(FileId file, std::uint32_t offset) const {
  const model::Block* best = nullptr;
  for (const auto& [start, block] : by_start_) {
    const Range& r = block->range;
    // Inside the braces: after the header, before the closing brace's end.
    if (r.file == file && block->header_range.end <= offset && offset < r.end &&
        (!best || r.end - r.begin < best->range.end - best->range.begin)) {
      best = block;
    }
  }
  return best;
}

std::vector<Analysis::Found> Analysis::lookup(std::string_view name, const model::Block* scope,
                                              const std::vector<std::string_view>* kinds) const {
  for (const model::Block* s = scope;; s = s->parent) {
    std::vector<Found> found;
    auto it = scopes_.find(std::pair<const model::Block*, std::string>(s, std::string(name)));
    if (it != scopes_.end()) {
      for (const model::Block* b : it->second) {
        if (!kinds || std::find(kinds->begin(), kinds->end(), b->kind_name) != kinds->end()) {
          found.push_back({b, nullptr});
        }
      }
    }
    if (!s && !kinds) {
      auto [first, last] = value_index_.equal_range(name);
      for (auto v = first; v != last; ++v) {
        found.push_back({nullptr, &values_[v->second]});
      }
    }
    if (!found.empty() || !s) {
      return found;
    }
  }
}

void Analysis::add_reference(const Range& range, const Found& found) {
  Site site{found.block ? Site::BlockReference : Site::ValueReference, range};
  site.block = found.block;
  site.value = found.value;
  sites_.push_back(site);
}

void Analysis::index_block(const ast::Block& block, const model::Block* parent_scope) {
  const schema::Kind* kind = schema::find_kind(block.kind);
  auto it = by_start_.find({block.range.file, block.range.begin});
  const model::Block* self = it == by_start_.end() ? nullptr : it->second;
  const model::Block* scope = self ? self : parent_scope;

  Site kind_site{Site::KindKeyword, block.kind_range};
  kind_site.kind = kind;
  kind_site.block = self;
  sites_.push_back(kind_site);
  if (self && block.name) {
    Site name_site{Site::BlockName, block.name_range};
    name_site.block = self;
    sites_.push_back(name_site);
  }
  for (const ast::Attribute& a : block.attributes) {
    const schema::Attribute* attr = kind ? kind->attribute(a.name) : nullptr;
    Site site{Site::AttributeName, a.name_range};
    site.block = self;
    site.kind = kind;
    site.attribute = attr;
    site.name = a.name;
    sites_.push_back(site);
    index_expr(*a.value, attr ? attr->type : nullptr, scope);
  }
  for (const auto& child : block.blocks) {
    index_block(*child, scope);
  }
}

void Analysis::index_expr(const ast::Expr& expr, const Type* expected, const model::Block* scope) {
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::Name> || std::is_same_v<T, ast::Member>) {
          resolve(expr, expected, scope);
        } else if constexpr (std::is_same_v<T, ast::String>) {
          for (const auto& part : node.parts) {
            if (part.expr) {
              index_expr(*part.expr, nullptr, scope);
            }
          }
        } else if constexpr (std::is_same_v<T, ast::Index>) {
          index_expr(*node.object, nullptr, scope);
          index_expr(*node.index, nullptr, scope);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          for (const auto& arg : node.args) {
            index_expr(*arg, nullptr, scope);
          }
        } else if constexpr (std::is_same_v<T, ast::List>) {
          for (const auto& item : node.items) {
            index_expr(*item, element_type(expected), scope);
          }
        } else if constexpr (std::is_same_v<T, ast::Object>) {
          for (const auto& entry : node.entries) {
            index_expr(*entry.value, field_type(expected, entry.key), scope);
          }
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          index_expr(*node.operand, nullptr, scope);
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          index_expr(*node.lhs, nullptr, scope);
          index_expr(*node.rhs, nullptr, scope);
        } else if constexpr (std::is_same_v<T, ast::Conditional>) {
          index_expr(*node.condition, nullptr, scope);
          index_expr(*node.then_value, expected, scope);
          index_expr(*node.else_value, expected, scope);
        }
      },
      expr.node);
}

// Resolves a name or path as the checker's evaluator does, recording a site for each segment
// that names a block or value; returns the block the expression denotes, if any.
const model::Block* Analysis::resolve(const ast::Expr& expr, const Type* expected,
                                      const model::Block* scope) {
  if (const auto* name = std::get_if<ast::Name>(&expr.node)) {
    auto members = enum_members(expected);
    if (std::find(members.begin(), members.end(), name->name) != members.end()) {
      return nullptr; // an enum member, not a reference
    }
    auto kinds = ref_kinds(expected);
    if (!kinds.empty()) {
      auto found = lookup(name->name, scope, &kinds);
      if (found.size() == 1) {
        add_reference(expr.range, found.front());
        return found.front().block;
      }
    }
    auto found = lookup(name->name, scope, nullptr);
    if (found.size() == 1) {
      add_reference(expr.range, found.front());
      return found.front().block;
    }
    return nullptr;
  }
  const auto* member = std::get_if<ast::Member>(&expr.node);
  if (!member) {
    index_expr(expr, expected, scope);
    return nullptr;
  }
  const model::Block* object = nullptr;
  bool resolved_root = false;
  if (const auto* root = std::get_if<ast::Name>(&member->object->node)) {
    // Declarations of several kinds share the name: the next segment chooses, as in the checker.
    auto found = lookup(root->name, scope, nullptr);
    if (found.size() > 1) {
      std::vector<Found> fitting;
      for (const Found& f : found) {
        if (!f.block) {
          continue;
        }
        bool has = f.block->kind->attribute(member->name) ||
                   f.block->kind->deferred_attribute(member->name);
        for (const model::Block* child : f.block->children) {
          has = has || child->name == member->name;
        }
        if (has) {
          fitting.push_back(f);
        }
      }
      if (fitting.size() == 1) {
        add_reference(member->object->range, fitting.front());
        object = fitting.front().block;
      }
      resolved_root = true;
    }
  }
  if (!resolved_root) {
    object = resolve(*member->object, nullptr, scope);
  }
  if (!object) {
    return nullptr;
  }
  std::vector<const model::Block*> children;
  for (const model::Block* child : object->children) {
    if (child->name == member->name) {
      children.push_back(child);
    }
  }
  if (children.size() > 1) {
    auto kinds = ref_kinds(expected);
    std::erase_if(children, [&](const model::Block* c) {
      return std::find(kinds.begin(), kinds.end(), c->kind_name) == kinds.end();
    });
  }
  if (children.size() == 1) {
    add_reference(member->name_range, {children.front(), nullptr});
    return children.front();
  }
  const schema::Attribute* attr = object->kind->attribute(member->name);
  if (attr || object->kind->deferred_attribute(member->name)) {
    Site site{Site::AttributeAccess, member->name_range};
    site.block = object;
    site.attribute = attr;
    site.name = member->name;
    sites_.push_back(site);
    if (attr) {
      if (const model::Value* v = object->get(member->name)) {
        return v->block(); // `svc.task`: a reference attribute leads on to its target
      }
    }
  }
  return nullptr;
}

} // namespace ecl::lsp
