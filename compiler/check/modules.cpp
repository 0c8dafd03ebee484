// Module instances in the checker: each is a namespace of its own (its top-level blocks, params,
// lets and instances), its blocks go into the one model under the instance's name (`api.app`),
// its params take the arguments of its `module` block, and its outputs are read as `api.url`.
// The driver (driver/modules.cpp) loaded the files, one parse per instance, so a file belongs to
// one namespace and a range says which.
#include "compiler/check/checker.h"
#include "compiler/check/fixes.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <tuple>

namespace ecl::check {

void Checker::make_namespaces(const std::vector<ast::File>& files, const Modules* modules) {
  spaces_.clear();
  spaces_.emplace_back();
  instance_notes_.emplace_back();
  for (const ast::File& file : files) {
    spaces_[0].files.push_back(&file);
  }
  if (!modules) {
    return;
  }
  for (const ModuleInstance& instance : modules->instances) {
    const auto space = static_cast<std::uint32_t>(spaces_.size());
    Namespace ns;
    ns.instance = &instance;
    ns.outer = instance.outer == ModuleInstance::kProgram
                   ? 0
                   : static_cast<std::uint32_t>(instance.outer + 1);
    const std::string name(instance.syntax->name().value_or("module"));
    const std::string& outer_path = spaces_[ns.outer].path;
    ns.path = outer_path.empty() ? name : outer_path + "." + name;
    for (std::size_t f : instance.files) {
      ns.files.push_back(&modules->asts[f]);
      space_of_file_[modules->asts[f].file] = space;
    }
    space_of_instance_[instance.syntax] = space;
    instance_notes_.push_back(
        {ns.outer, instance.syntax->kind_range().to(instance.syntax->name_range()), ns.path});
    spaces_.push_back(std::move(ns));
  }
}

std::string Checker::name_prefix(std::uint32_t space) const {
  std::string prefix = spaces_[space].path;
  std::replace(prefix.begin(), prefix.end(), '.', '-');
  return prefix.empty() ? prefix : prefix + "-";
}

void Checker::declare_instance(const ast::Block& syntax, model::Block* parent) {
  if (parent) {
    diags_.report(Diag::WrongParent, syntax.kind_range(), "module",
                  fmt::format("inside {}", parent->display()),
                  "they go at the top level of a program or module");
    drop(syntax);
    return;
  }
  if (!syntax.name()) {
    diags_.report(Diag::MissingBlockName, syntax.kind_range(), "module", "module");
    return;
  }
  for (const auto& child : syntax.blocks) {
    diags_.report(Diag::WrongParent, child->kind_range(), child->kind, "inside a `module` block",
                  "a module instance holds only `source` and the module's arguments");
  }
  declare(nullptr, Decl{{nullptr}, *syntax.name(), syntax.name_range(), Decl::ModuleDecl});
  auto it = space_of_instance_.find(&syntax);
  if (it == space_of_instance_.end()) {
    // The driver could not load it and said why: uses of its outputs are not reported again.
    dropped_names_.insert(*syntax.name());
    return;
  }
  spaces_[it->second].declared = true;
  instance_by_name_[{syntax.name_range().file, syntax.name_range().begin}] = it->second;
}

void Checker::declare_instances() {
  // Callers come first: an instance's name is declared (declare_instance()) before its blocks.
  for (std::uint32_t space = 1; space < spaces_.size(); ++space) {
    Namespace& ns = spaces_[space];
    if (!ns.declared) {
      continue;
    }
    top_ = space;
    for (const ast::File* file : ns.files) {
      for (const auto& block : file->blocks) {
        declare_block(*block, nullptr);
      }
    }
    top_ = 0;
    declare_values(space);
    const ast::Block& syntax = *ns.instance->syntax;
    // Every attribute but `source` is an argument. A module file with a syntax error has its
    // error said: what its params and outputs would be told is noise.
    const bool broken = has_syntax_error(ns);
    std::map<std::string_view, const ast::Attribute*> given;
    for (const ast::Attribute& a : syntax.attributes) {
      if (a.name() == "source") {
        if (!ns.files.empty()) {
          Range first{ns.files.front()->file, 0, 0};
          record_module(a.value ? a.value->range : a.range, first, model::Reference::ToModule);
        }
        continue;
      }
      if (auto seen = given.find(a.name()); seen != given.end()) {
        diags_.report(Diag::DuplicateAttribute, a.name_range(), a.name())
            .note(seen->second->name_range(), "first set here");
        continue;
      }
      given.emplace(a.name(), &a);
      auto param = ns.params.find(a.name());
      if (param == ns.params.end() && broken) {
        continue; // the param may be lost with the parser's repairs of the module's files
      }
      if (param == ns.params.end()) {
        std::vector<std::string> names;
        for (const auto& [name, slot] : ns.params) {
          names.emplace_back(name);
        }
        std::string suggestion = nearest(a.name(), std::span<const std::string>(names));
        diags_
            .report(Diag::UnknownModuleArgument, a.name_range(), ns.path, a.name(),
                    did_you_mean(suggestion))
            .fix(a.name_range(), suggestion);
        continue;
      }
      param->second.argument = &a;
      record_module(a.name_range(), param->second.syntax->name_range, model::Reference::ToParam);
    }
    for (auto& [name, slot] : ns.params) {
      if (name == "source") {
        diags_.report(Diag::ModuleParamSource, slot.syntax->name_range);
        continue;
      }
      if (!slot.argument && !slot.syntax->default_value) {
        diags_.report(Diag::MissingModuleArgument, syntax.name_range(), ns.path, name)
            .note(slot.syntax->name_range, fmt::format("param `{}` is declared here", name));
        slot.state = State::Done;
        slot.value = model::Value{model::Null{}, slot.syntax->name_range};
      }
    }
    // Outputs, unique per module.
    for (const ast::File* file : ns.files) {
      for (const ast::Output& o : file->outputs) {
        auto same =
            std::find_if(ns.outputs.begin(), ns.outputs.end(),
                         [&](const OutputSlot& other) { return other.syntax->name == o.name; });
        if (same != ns.outputs.end()) {
          diags_
              .report(Diag::DuplicateName, o.name_range, "output", o.name,
                      fmt::format("module instance `{}`", ns.path))
              .note(same->syntax->name_range, fmt::format("the first `{}` is here", o.name));
          continue;
        }
        ns.outputs.push_back({&o, fmt::format("{}.{}", ns.path, o.name), State::Pending, {}});
      }
    }
    // What editors read of the instance.
    model::ModuleInstance info;
    info.path = ns.path;
    info.range = syntax.range;
    info.name_range = syntax.name_range();
    info.directory = ns.instance->directory;
    for (const ast::File* file : ns.files) {
      info.files.push_back(Range{file->file, 0, 0});
    }
    for (const auto& [name, slot] : ns.params) {
      info.params.push_back({std::string(name), ast::type_text(slot.syntax->type),
                             !slot.syntax->default_value, slot.syntax->name_range});
    }
    for (const OutputSlot& o : ns.outputs) {
      info.outputs.push_back({std::string(o.syntax->name), o.syntax->name_range});
    }
    program_->modules.push_back(std::move(info));
  }
  // An instance's name is its own in its namespace: no block, let or param shares it (its blocks'
  // paths begin with it).
  for (std::uint32_t space = 1; space < spaces_.size(); ++space) {
    const Namespace& ns = spaces_[space];
    if (!ns.declared) {
      continue;
    }
    const ast::Block& syntax = *ns.instance->syntax;
    top_ = ns.outer;
    for (const Decl& other : scope_of(nullptr).find(*syntax.name())) {
      if (other.range == syntax.name_range()) {
        continue;
      }
      diags_
          .report(Diag::DuplicateName, syntax.name_range(), "name", *syntax.name(),
                  ns.outer == 0 ? std::string("the program")
                                : fmt::format("module instance `{}`", spaces_[ns.outer].path))
          .note(other.range, fmt::format("{} `{}` is declared here; a module instance's name is "
                                         "its own",
                                         other.kind(), other.name));
      break;
    }
  }
  top_ = 0;
}

bool Checker::has_syntax_error(const Namespace& ns) const {
  return std::any_of(ns.files.begin(), ns.files.end(), [&](const ast::File* f) {
    auto it = std::lower_bound(syntax_errors_.begin(), syntax_errors_.end(),
                               std::pair<FileId, std::uint32_t>{f->file, 0});
    return it != syntax_errors_.end() && it->first == f->file;
  });
}

bool Checker::place_blocks() {
  bool all = true;
  for (auto& [block, attribute] : placements_) {
    const schema::Type& type = schema::ref_of(attribute->name());
    top_ = info_of(*block).space;
    const std::size_t before = diags_.items().size();
    model::Value v = eval(*attribute->value, &type, block);
    const model::Block* target = !v.is_null() && coerce(v, type, &diags_) ? v.block() : nullptr;
    top_ = 0;
    all = all && target;
    if (target) {
      auto* parent = const_cast<model::Block*>(target);
      block->parent = parent;
      parent->children.push_back(block);
    } else if (diags_.items().size() == before && !diags_.has_errors()) {
      // Null without a word: a param left without a value is reported at the instance; anything
      // else must not leave the program clean with a block outside its parent.
      diags_.report(Diag::ModulePlacement, attribute->value->range,
                    fmt::format("`{}` names no `{}` for {} to go in", attribute->name(),
                                attribute->name(), block->display()));
    }
  }
  return all;
}

model::Value Checker::output_value(std::uint32_t space, const ast::Member& member,
                                   const Range& use) {
  Namespace& ns = spaces_[space];
  auto slot = std::find_if(ns.outputs.begin(), ns.outputs.end(),
                           [&](const OutputSlot& o) { return o.syntax->name == member.name(); });
  if (slot == ns.outputs.end() && has_syntax_error(ns)) {
    return model::Value{model::Null{}, use};
  }
  if (slot == ns.outputs.end()) {
    std::vector<std::string> names;
    for (const OutputSlot& o : ns.outputs) {
      names.emplace_back(o.syntax->name);
    }
    std::string suggestion = nearest(member.name(), std::span<const std::string>(names));
    std::string hint = did_you_mean(suggestion);
    // `prod.web.app`: `web` is an instance inside `prod`, whose blocks only `prod`'s outputs show.
    const std::string inner = ns.path + "." + std::string(member.name());
    if (suggestion.empty() && std::any_of(spaces_.begin(), spaces_.end(),
                                          [&](const Namespace& n) { return n.path == inner; })) {
      hint = fmt::format("; `{}` is a module instance inside `{}`, and what it makes is read "
                         "from outside only through an output of `{}`",
                         member.name(), ns.path, ns.path);
    }
    diags_.report(Diag::UnknownModuleOutput, member.name_range, ns.path, member.name(), hint)
        .fix(member.name_range, suggestion);
    return model::Value{model::Null{}, use};
  }
  record_module(member.name_range, slot->syntax->name_range, model::Reference::ToOutput);
  model::Value value = output_slot_value(space, *slot);
  value.range = use;
  return value;
}

model::Value Checker::output_slot_value(std::uint32_t space, OutputSlot& out) {
  evaluate_once(out.state, out.value, Frame{Frame::OutputFrame, nullptr, out.path},
                out.syntax->name_range, [&] {
                  const std::uint32_t saved = top_;
                  top_ = space;
                  model::Value v = eval(*out.syntax->value, nullptr, nullptr);
                  top_ = saved;
                  return v;
                });
  return out.value;
}

void Checker::evaluate_module_outputs() {
  for (std::uint32_t space = 1; space < spaces_.size(); ++space) {
    for (OutputSlot& o : spaces_[space].outputs) {
      output_slot_value(space, o); // for its diagnostics, when nothing read it
    }
  }
}

void Checker::record_module(const Range& use, const Range& declaration,
                            model::Reference::What what) {
  if (options_.record_references) {
    model::Reference ref;
    ref.what = what;
    ref.range = use;
    ref.declaration = declaration;
    program_->references.push_back(ref);
  }
}

void Checker::note_instances(std::size_t first) {
  if (space_of_file_.empty()) {
    return;
  }
  auto& items = diags_.items();
  // A module's file is read once per instance: the same mistake in it, said alike in each, is
  // one diagnostic that names every instance.
  using Key = std::tuple<std::string_view, std::uint32_t, std::uint32_t, std::string_view,
                         std::string_view>;
  std::map<Key, std::size_t> said;
  std::vector<bool> repeated(items.size(), false);
  for (std::size_t i = first; i < items.size(); ++i) {
    Diagnostic& d = items[i];
    if (!d.range.valid()) {
      continue;
    }
    const std::uint32_t innermost = space_of(d.range.file);
    if (innermost != 0) {
      Key key{sources_.file(d.range.file).path(), d.range.begin, d.range.end, d.code(), d.message};
      auto [at, added] = said.emplace(key, i);
      if (!added) {
        const InstanceNote& note = instance_notes_[innermost];
        items[at->second].note(
            note.at, fmt::format("also in module instance `{}`, instantiated here", note.path));
        repeated[i] = true;
        continue;
      }
    }
    for (std::uint32_t space = innermost; space != 0; space = instance_notes_[space].outer) {
      const InstanceNote& note = instance_notes_[space];
      d.note(note.at, fmt::format("in module instance `{}`, instantiated here", note.path));
    }
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!repeated[i]) {
      if (kept != i) {
        items[kept] = std::move(items[i]);
      }
      ++kept;
    }
  }
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(kept), items.end());
}

} // namespace ecl::check
