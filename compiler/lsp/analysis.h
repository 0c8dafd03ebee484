// One analysed program for the language server: the sources (editor buffers or files on disk),
// their ASTs, the checker's diagnostics and model, and an index of the places an editor asks about
// (block names and the references to them, attribute names, kind keywords, `block.attribute`
// accesses, lets and params). References are what the checker resolved them to
// (model::Program::references), not resolved again here. Built in one call; read-only afterwards.
#pragma once

#include "compiler/check/check.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/lsp/positions.h"
#include "compiler/model/model.h"
#include "compiler/schema/schema.h"
#include "compiler/syntax/ast.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ecl::lsp {

// One file of a program: its URI (as the client spells it, or made from the path) and its text.
struct SourceInput {
  std::string uri;
  std::string path; // for messages; the URI when the document has no file
  std::string text;
};

// A declaration of a `let` or `param`.
struct ValueDecl {
  bool is_param = false;
  std::string name;
  Range name_range;
  const ast::Expr* value = nullptr; // the let's value or the param's default
  const ast::Type* type = nullptr;  // a param's type
};

// A place in the source an editor may ask about.
struct Site {
  enum What {
    BlockName,       // `private_a` in `subnet private_a { … }`: the declaration
    BlockReference,  // `private_a` in `subnets = [private_a]` or `main.private_a`
    ValueName,       // `zones` in `let zones = …`
    ValueReference,  // `zones` in `zone = zones[0]`
    AttributeName,   // `cidr` in `cidr = "10.0.0.0/16"`
    AttributeAccess, // `cidr` in `main.cidr`, `arn` in `prod.arn`
    KindKeyword,     // `subnet` in `subnet private_a { … }`
    // Into a module (the checker's ToModule, ToOutput, and ToParam of an argument): `api` in
    // `api.url`, `url` there, `image` in `module api { image = … }`, the `source` string.
    ModuleReference,
    ModuleName, // `api` in `module api { … }`: the instance's declaration
  };
  Site(What w, Range r) : what(w), range(r) {}
  What what;
  Range range;
  const model::Block* block = nullptr;          // named, referenced, accessed or owning block
  const schema::Kind* kind = nullptr;           // KindKeyword, AttributeName
  const schema::Attribute* attribute = nullptr; // AttributeName, AttributeAccess
  const ValueDecl* value = nullptr;             // ValueName, ValueReference
  std::string name;                             // the attribute's name
  Range declaration;                            // ModuleReference: what it names
  // ModuleName, and a ModuleReference into an instance: the instance (its name, `source`, or one
  // of its params or outputs is `declaration`).
  const model::ModuleInstance* module = nullptr;
};

class Analysis {
public:
  // Parses and checks `inputs` as one program (in the order given) and indexes it. The modules it
  // instantiates are read from disk, or from `open` (normal path -> text: the editor's buffers).
  explicit Analysis(std::vector<SourceInput> inputs,
                    const std::map<std::string, std::string>* open = nullptr);
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const SourceManager& sources() const { return sources_; }
  const Diagnostics& diagnostics() const { return diags_; }
  const model::Program* program() const { return program_.get(); }
  const std::vector<SourceInput>& inputs() const { return inputs_; }
  // A program file's syntax tree, or a module instance's file's.
  const ast::File& ast(FileId file) const {
    return file < asts_.size() ? asts_[file] : modules_.asts[file - asts_.size()];
  }
  // The file `uri` is: one of the program's, or the first instance's of a module's file.
  std::optional<FileId> file_of(std::string_view uri) const;
  // Whether `uri` is a file of a module the program instantiates (and none of its own).
  bool is_module_file(std::string_view uri) const;
  // The URIs of the module files the program reads.
  const std::vector<std::string>& module_uris() const { return module_uris_; }
  // A file of the program or, past inputs(), of a module instance.
  const std::string& uri_of(FileId file) const {
    return file < inputs_.size() ? inputs_[file].uri : module_uris_[file - inputs_.size()];
  }
  const LineIndex& lines(FileId file) const { return lines_[file]; }
  // The module instances the program writes, as the checker read them.
  const std::vector<model::ModuleInstance>& modules() const;
  // The instance whose name, first file, param or output is declared at `declaration`, or null.
  const model::ModuleInstance* instance_declaring(const Range& declaration) const;

  // The innermost site around `offset` (its end included, for a cursor just after a word).
  const Site* site_at(FileId file, std::uint32_t offset) const;
  const std::vector<Site>& sites() const { return sites_; }
  // The deepest block written in `file` whose braces contain `offset`, or null (the top level).
  const model::Block* block_at(FileId file, std::uint32_t offset) const;
  // Where a named block's name is written.
  static Range name_range(const model::Block& block);

  // The declarations named `name` visible from `scope` (null: the program), nearest scope first,
  // for completion and rename's clash check (references are the checker's, in sites()); `kinds`
  // filters blocks by kind (and drops lets and params). Each result is a block or a value.
  struct Found {
    const model::Block* block = nullptr;
    const ValueDecl* value = nullptr;
  };
  std::vector<Found> lookup(std::string_view name, const model::Block* scope,
                            const std::vector<std::string_view>* kinds) const;
  const std::vector<ValueDecl>& values() const { return values_; }

private:
  void index_block(const ast::Block& block);

  std::vector<SourceInput> inputs_;
  SourceManager sources_;
  std::vector<ast::File> asts_;
  check::Modules modules_;               // their files are sources_ past inputs_
  std::vector<std::string> module_uris_; // by FileId - inputs_.size()
  std::vector<LineIndex> lines_;
  Diagnostics diags_;
  std::unique_ptr<model::Program> program_;
  std::vector<ValueDecl> values_;
  // Name -> indices into values_, so a lookup is not a scan (a program may hold 100,000 lets).
  std::multimap<std::string, std::size_t, std::less<>> value_index_;
  std::map<std::pair<FileId, std::uint32_t>, const model::Block*> by_start_; // written blocks
  std::map<std::pair<const model::Block*, std::string>, std::vector<const model::Block*>,
           std::less<>>
      scopes_;
  std::vector<Site> sites_;
  // The name and the string of each `source` of a `module` block: both lead into the module.
  std::vector<std::pair<Range, Range>> sources_of_modules_;
};

// Expected-type helpers shared by the index and completion: the enum members and the kinds of
// reference a value of `type` may be written as (through `OneOf` and object shorthands).
std::vector<std::string_view> enum_members(const schema::Type* type);
std::vector<std::string_view> ref_kinds(const schema::Type* type);
bool accepts_bool(const schema::Type* type);
// The type of field `key` of an object or map type (null when there is none).
const schema::Type* field_type(const schema::Type* type, std::string_view key);
// The element type of a list type, through `OneOf` (null when there is none).
const schema::Type* element_type(const schema::Type* type);

} // namespace ecl::lsp
