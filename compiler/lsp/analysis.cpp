#include "compiler/lsp/analysis.h"

#include "compiler/driver/driver.h"
#include "compiler/lsp/server.h"
#include "compiler/syntax/syntax.h"

#include <algorithm>
#include <filesystem>

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

Analysis::Analysis(std::vector<SourceInput> inputs, const std::map<std::string, std::string>* open)
    : inputs_(std::move(inputs)) {
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
  // Modules are read from disk, relative to each program file's path.
  modules_ = driver::load_modules(sources_, asts_, diags_, open);
  for (auto id = static_cast<FileId>(inputs_.size()); id < sources_.size(); ++id) {
    lines_.emplace_back(sources_.file(id).text());
    std::error_code ec;
    auto absolute = std::filesystem::absolute(sources_.file(id).path(), ec);
    module_uris_.push_back(path_to_uri(ec ? sources_.file(id).path() : absolute.string()));
  }
  check::Options options;
  options.record_references = true;
  program_ = check::check(asts_, sources_, options, diags_, &modules_);
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
      values_.push_back({true, std::string(p.name), p.name_range, p.default_value.get(), &p.type});
    }
    for (const auto& l : file.lets) {
      value_index_.emplace(l.name, values_.size());
      values_.push_back({false, std::string(l.name), l.name_range, l.value.get(), nullptr});
    }
  }
  for (const auto& block : program_->blocks) {
    if (block->implicit) {
      continue;
    }
    by_start_[{block->range.file, block->range.begin}] = block.get();
    // A module's top-level blocks (placed in a caller's block or not) are the module's names,
    // not the program's: completion does not offer them.
    const bool module_top = block->range.file >= inputs_.size() &&
                            (!block->parent || block->parent->range.file != block->range.file);
    if (!block->name.empty() && !module_top) {
      scopes_[{block->parent, block->name}].push_back(block.get());
    }
  }

  std::map<std::pair<FileId, std::uint32_t>, const ValueDecl*> value_at;
  for (const ValueDecl& v : values_) {
    Site site{Site::ValueName, v.name_range};
    site.value = &v;
    sites_.push_back(site);
    value_at[{v.name_range.file, v.name_range.begin}] = &v;
  }
  for (const auto& file : asts_) {
    for (const auto& b : file.blocks) {
      index_block(*b);
    }
  }
  for (const auto& file : modules_.asts) {
    for (const auto& b : file.blocks) {
      index_block(*b);
    }
  }
  // References as the checker resolved them.
  for (const model::Reference& ref : program_->references) {
    switch (ref.what) {
    case model::Reference::ToBlock: {
      Site site{Site::BlockReference, ref.range};
      site.block = ref.block;
      sites_.push_back(site);
      break;
    }
    case model::Reference::ToLet:
    case model::Reference::ToParam: {
      auto it = value_at.find({ref.declaration.file, ref.declaration.begin});
      if (it != value_at.end()) {
        Site site{Site::ValueReference, ref.range};
        site.value = it->second;
        sites_.push_back(site);
      } else if (ref.declaration.valid()) {
        // A let or param of a module: its declaration is in the module's files.
        Site site{Site::ModuleReference, ref.range};
        site.declaration = ref.declaration;
        sites_.push_back(site);
      }
      break;
    }
    case model::Reference::ToAttribute: {
      Site site{Site::AttributeAccess, ref.range};
      site.block = ref.block;
      site.attribute = ref.block->kind->attribute(ref.name);
      site.name = ref.name;
      sites_.push_back(site);
      break;
    }
    case model::Reference::ToModule:
    case model::Reference::ToOutput: {
      Site site{Site::ModuleReference, ref.range};
      site.declaration = ref.declaration;
      sites_.push_back(site);
      break;
    }
    }
  }
  std::vector<Site> source_names; // `source` in `source = "./modules/api"`, as its string
  for (Site& site : sites_) {
    if (site.what == Site::ModuleReference) {
      site.module = instance_declaring(site.declaration);
      for (const auto& [name, value] : sources_of_modules_) {
        if (site.range == value) {
          source_names.push_back(site);
          source_names.back().range = name;
        }
      }
    }
  }
  sites_.insert(sites_.end(), source_names.begin(), source_names.end());
  for (const model::ModuleInstance& m : modules()) {
    Site site{Site::ModuleName, m.name_range};
    site.declaration = m.name_range;
    site.module = &m;
    sites_.push_back(site);
  }
}

const model::ModuleInstance* Analysis::instance_declaring(const Range& declaration) const {
  for (const model::ModuleInstance& m : modules()) {
    if (m.name_range == declaration || (!m.files.empty() && m.files.front() == declaration)) {
      return &m;
    }
    for (const auto& p : m.params) {
      if (p.declaration == declaration) {
        return &m;
      }
    }
    for (const auto& o : m.outputs) {
      if (o.declaration == declaration) {
        return &m;
      }
    }
  }
  return nullptr;
}

const std::vector<model::ModuleInstance>& Analysis::modules() const {
  static const std::vector<model::ModuleInstance> none;
  return program_ ? program_->modules : none;
}

std::optional<FileId> Analysis::file_of(std::string_view uri) const {
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    if (inputs_[i].uri == uri) {
      return static_cast<FileId>(i);
    }
  }
  for (std::size_t i = 0; i < module_uris_.size(); ++i) {
    if (module_uris_[i] == uri) {
      return static_cast<FileId>(inputs_.size() + i);
    }
  }
  return std::nullopt;
}

bool Analysis::is_module_file(std::string_view uri) const {
  for (const SourceInput& input : inputs_) {
    if (input.uri == uri) {
      return false;
    }
  }
  return std::find(module_uris_.begin(), module_uris_.end(), uri) != module_uris_.end();
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

void Analysis::index_block(const ast::Block& block) {
  const schema::Kind* kind = schema::find_kind(block.kind);
  auto it = by_start_.find({block.range.file, block.range.begin});
  const model::Block* self = it == by_start_.end() ? nullptr : it->second;

  Site kind_site{Site::KindKeyword, block.kind_range()};
  kind_site.kind = kind;
  kind_site.block = self;
  sites_.push_back(kind_site);
  if (self && block.name()) {
    Site name_site{Site::BlockName, block.name_range()};
    name_site.block = self;
    sites_.push_back(name_site);
  }
  for (const ast::Attribute& a : block.attributes) {
    if (block.kind == "module" && a.name() == "source" && a.value) {
      sources_of_modules_.emplace_back(a.name_range(), a.value->range);
    }
    const schema::Attribute* attr = kind ? kind->attribute(a.name()) : nullptr;
    Site site{Site::AttributeName, a.name_range()};
    site.block = self;
    site.kind = kind;
    site.attribute = attr;
    site.name = a.name();
    sites_.push_back(site);
  }
  for (const auto& child : block.blocks) {
    index_block(*child);
  }
}

} // namespace ecl::lsp
