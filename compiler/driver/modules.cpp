// Module loading: every `module NAME { source = "DIR" … }` block of the program, and of the modules
// it instantiates, has its directory's `.ecl` files read (read_source) and parsed once per
// instance, before the checker runs; the checker (check/modules.cpp) then declares each instance's
// blocks under its name. A directory that instantiates itself through a chain of modules is a
// cycle (E0027), reported where the chain closes, and not followed.
#include "compiler/driver/driver.h"
#include "compiler/syntax/syntax.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <map>

namespace ecl::driver {
namespace {

namespace fs = std::filesystem;

// Where the loader puts what it reads.
struct Loaded {
  SourceManager& sources;
  Diagnostics& diags;
  const std::map<std::string, std::string>* overlay; // normal path -> text (an editor's buffers)
  check::Modules modules;
};

// How deep modules may nest, and how many instances one program may hold (docs/limits.md).
constexpr std::size_t kMaxModuleDepth = 16;
constexpr std::size_t kMaxModuleInstances = 1000;

struct Loader {
  Loaded& c;
  std::vector<std::string> chain;   // the canonical directories being instantiated, outermost first
  std::vector<std::string> written; // the same as the program reaches them, for the cycle message

  // The module blocks at the top level of `files` (indices into `asts`), in order; one elsewhere
  // is the checker's to report. The blocks live in their files' arenas: adding files to `asts`
  // moves the files, not the blocks.
  void walk(const std::vector<ast::File>& asts, const std::vector<std::size_t>& files,
            std::size_t outer) {
    std::vector<const ast::Block*> blocks;
    for (std::size_t f : files) {
      for (const auto& block : asts[f].blocks) {
        if (block->kind == "module") {
          blocks.push_back(block.get());
        }
      }
    }
    for (const ast::Block* block : blocks) {
      instantiate(*block, outer);
    }
  }

  void instantiate(const ast::Block& block, std::size_t outer) {
    const std::string name(block.name().value_or("module"));
    const ast::Attribute* source = nullptr;
    for (const ast::Attribute& a : block.attributes) {
      if (a.name() == "source" && !source) {
        source = &a;
      }
    }
    if (!source) {
      c.diags.report(Diag::ModuleSource, block.kind_range().to(block.name_range()), name,
                     "has no `source`");
      return;
    }
    const auto* text = source->value ? std::get_if<ast::String>(&source->value->node) : nullptr;
    if (!text || std::any_of(text->parts.begin(), text->parts.end(),
                             [](const ast::StringPart& p) { return p.expr != nullptr; })) {
      c.diags.report(Diag::ModuleSource, source->value ? source->value->range : source->range, name,
                     "has a `source` that is not a plain string");
      return;
    }
    std::string relative;
    for (const ast::StringPart& part : text->parts) {
      relative += part.text();
    }
    const Range at = source->value->range;
    const fs::path caller = fs::path(c.sources.file(block.range.file).path()).parent_path();
    const fs::path dir = (caller / relative).lexically_normal();
    std::error_code ec;
    const auto status = fs::status(dir, ec);
    if (ec || !fs::exists(status)) {
      c.diags.report(Diag::ModuleDirectory, at, dir.string(), "no such directory");
      return;
    }
    if (!fs::is_directory(status)) {
      c.diags.report(Diag::ModuleDirectory, at, dir.string(), "not a directory");
      return;
    }
    const std::string canonical = fs::weakly_canonical(dir, ec).string();
    if (auto seen = std::find(chain.begin(), chain.end(), canonical); seen != chain.end()) {
      std::string cycle;
      for (auto i = static_cast<std::size_t>(seen - chain.begin()); i < chain.size(); ++i) {
        cycle += written[i] + " -> ";
      }
      c.diags.report(Diag::ModuleCycle, at, cycle + dir.string());
      return;
    }
    if (chain.size() >= kMaxModuleDepth) {
      c.diags.report(Diag::ModuleLimit, block.kind_range().to(block.name_range()), name,
                     fmt::format("modules nest deeper than {} levels", kMaxModuleDepth));
      return;
    }
    if (c.modules.instances.size() >= kMaxModuleInstances) {
      c.diags.report(
          Diag::ModuleLimit, block.kind_range().to(block.name_range()), name,
          fmt::format("the program holds more than {} module instances", kMaxModuleInstances));
      return;
    }
    // The `.ecl` files directly in the directory, in name order, as for a program's directory.
    std::vector<std::string> names = ecl_files_in(dir.string(), ec);
    if (ec) {
      c.diags.report(Diag::ModuleDirectory, at, dir.string(), ec.message());
      return;
    }
    if (names.empty()) {
      c.diags.report(Diag::ModuleDirectory, at, dir.string(), "it holds no `.ecl` file");
      return;
    }
    check::ModuleInstance instance;
    instance.syntax = &block;
    instance.outer = outer;
    instance.directory = dir.string();
    std::vector<FileId> ids;
    for (const std::string& file : names) {
      const std::string* open = nullptr;
      if (c.overlay) {
        auto it = c.overlay->find(fs::path(file).lexically_normal().string());
        open = it == c.overlay->end() ? nullptr : &it->second;
      }
      if (open) {
        ids.push_back(c.sources.add(file, *open));
      } else {
        read_source(file, c.sources, ids, c.diags);
      }
    }
    for (FileId id : ids) {
      instance.files.push_back(c.modules.asts.size());
      c.modules.asts.push_back(syntax::parse_file(c.sources, id, c.diags));
    }
    const std::size_t index = c.modules.instances.size();
    const std::vector<std::size_t> files = instance.files;
    c.modules.instances.push_back(std::move(instance));
    chain.push_back(canonical);
    written.push_back(dir.string());
    walk(c.modules.asts, files, index);
    chain.pop_back();
    written.pop_back();
  }
};

} // namespace

check::Modules load_modules(SourceManager& sources, const std::vector<ast::File>& asts,
                            Diagnostics& diags, const std::map<std::string, std::string>* overlay) {
  Loaded loaded{sources, diags, overlay, {}};
  Loader loader{loaded, {}, {}};
  std::vector<std::size_t> files(asts.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    files[i] = i;
  }
  loader.walk(asts, files, check::ModuleInstance::kProgram);
  return std::move(loaded.modules);
}

void load_modules(Compilation& c) {
  c.modules = load_modules(c.sources, c.asts, c.diags);
}

} // namespace ecl::driver
