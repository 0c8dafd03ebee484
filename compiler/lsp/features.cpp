#include "compiler/lsp/features.h"

#include "compiler/check/builtins.h"
#include "compiler/check/check.h"
#include "compiler/syntax/tokens.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <set>

namespace ecl::lsp {
namespace {

using nlohmann::json;
using syntax::Token;
using syntax::TokenKind;

// LSP enumerations used below (the protocol's numbers).
enum CompletionKind {
  kFunction = 3,
  kField = 5,
  kVariable = 6,
  kClass = 7,
  kProperty = 10,
  kUnit = 11,
  kKeyword = 14,
  kReference = 18,
  kFolder = 19,
  kEnumMember = 20
};
enum SymbolKind { kSymProperty = 7, kSymVariable = 13, kSymConstant = 14, kSymStruct = 23 };

bool is_identifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

bool is_reserved(std::string_view s) {
  return s == "param" || s == "let" || s == "output" || s == "true" || s == "false";
}

std::string code_block(std::string_view body) {
  return fmt::format("```ecl\n{}\n```", body);
}

// The first sentence of a doc line, for a completion item's detail.
std::string_view first_sentence(std::string_view doc) {
  auto end = doc.find(". ");
  return end == std::string_view::npos ? doc : doc.substr(0, end + 1);
}

std::string default_text(const schema::Attribute& attr) {
  switch (attr.default_value.kind) {
  case schema::DefaultKind::None:
    return attr.required ? "Required." : "Optional.";
  case schema::DefaultKind::Value:
    return fmt::format("Default: `{}`.", model::ecl_text(attr.default_value.value));
  case schema::DefaultKind::BlockName:
    return "Default: the block's name.";
  case schema::DefaultKind::StackName:
    return "Default: the stack's name and the block's name joined by `-`.";
  case schema::DefaultKind::Derived:
  case schema::DefaultKind::Generated:
    return fmt::format("Default: {}.", attr.default_value.description);
  }
  return {};
}

// The block's attributes with their folded values, in schema order, one a line.
std::string block_summary(const model::Block& block) {
  std::string out;
  std::size_t lines = 0;
  for (const auto& attr : block.kind->attributes) {
    const model::Attribute* a = block.attribute(attr.name);
    if (!a || a->value.is_null()) {
      continue;
    }
    if (++lines > 24) { // a hover is a glance, not a listing
      out += "…\n";
      break;
    }
    out += fmt::format("{} = {}{}\n", attr.name, model::ecl_text(a->value),
                       a->defaulted ? "  // default" : "");
  }
  if (!out.empty()) {
    out.pop_back();
  }
  return out;
}

std::string block_hover(const model::Block& block) {
  std::string text = code_block(fmt::format("{} {}", block.kind_name, block.path));
  text += fmt::format("\n{}", block.kind->doc);
  std::string summary = block_summary(block);
  if (!summary.empty()) {
    text += "\n\n" + code_block(summary);
  }
  return text;
}

std::string value_hover(const Analysis& a, const ValueDecl& v) {
  if (v.is_param) {
    std::string line = fmt::format("param {}: {}", v.name, v.type ? ast::type_text(*v.type) : "?");
    if (a.program()) {
      auto it = a.program()->params.find(v.name);
      if (it != a.program()->params.end() && !it->second.is_null()) {
        line += " = " + model::ecl_text(it->second);
      }
    }
    return code_block(line);
  }
  std::string source;
  if (v.value) {
    const std::string& text = a.sources().file(v.value->range.file).text();
    source = text.substr(v.value->range.begin, v.value->range.end - v.value->range.begin);
  }
  return code_block(fmt::format("let {} = {}", v.name, source));
}

std::string kind_hover(const schema::Kind& kind) {
  std::string places;
  for (std::size_t i = 0; i < kind.parents.size(); ++i) {
    places += fmt::format("{}{}", i ? " or " : "",
                          kind.parents[i].empty() ? std::string("at the top level")
                                                  : fmt::format("inside a `{}`", kind.parents[i]));
  }
  return fmt::format("**{}**: {}\n\nGoes {}. Lowers to `{}`.", kind.name, kind.doc, places,
                     kind.lowers_to);
}

std::string attribute_hover(const Site& site) {
  const schema::Attribute& attr = *site.attribute;
  std::string text = code_block(fmt::format("{}: {}", attr.name, schema::type_name(*attr.type)));
  text += fmt::format("\n{}\n\n{}", attr.doc, default_text(attr));
  if (site.block) {
    if (const model::Value* v = site.block->get(attr.name)) {
      text += fmt::format("\n\nValue: `{}`", model::ecl_text(*v));
    }
  }
  return text;
}

std::string access_hover(const Site& site) {
  const model::Block& block = *site.block;
  if (!site.attribute) {
    const schema::DeferredAttribute* d = block.kind->deferred_attribute(site.name);
    return code_block(fmt::format("{}.{}", block.path, site.name)) +
           fmt::format("\nKnown once the resource exists in AWS. {}", d ? d->doc : "");
  }
  std::string line = fmt::format("{}.{}", block.path, site.name);
  if (const model::Value* v = block.get(site.name)) {
    line += " = " + model::ecl_text(*v);
  }
  return code_block(line) + "\n" + std::string(site.attribute->doc);
}

// ---- module instances: their params and outputs, read from the module's syntax trees ----------

std::string_view text_of(const Analysis& a, const Range& r) {
  return std::string_view(a.sources().file(r.file).text()).substr(r.begin, r.end - r.begin);
}

// The `param` or `output` (`items`: &ast::File::params or ::outputs) of a module's file whose name
// is at `declaration`, or null.
template <class Item>
const Item* declared(const Analysis& a, const Range& declaration,
                     std::vector<Item> ast::File::*items) {
  if (!declaration.valid() || declaration.file >= a.sources().size()) {
    return nullptr;
  }
  for (const Item& item : a.ast(declaration.file).*items) {
    if (item.name_range == declaration) {
      return &item;
    }
  }
  return nullptr;
}

const ast::Param* param_declared(const Analysis& a, const Range& declaration) {
  return declared(a, declaration, &ast::File::params);
}

const ast::Output* output_declared(const Analysis& a, const Range& declaration) {
  return declared(a, declaration, &ast::File::outputs);
}

// The comment documenting the declaration at `range`: the `//` lines right above it (no blank
// line between) and a `//` comment after it on its line, as a module's author writes them.
std::string doc_comment(const Analysis& a, const Range& range) {
  std::string_view text = a.sources().file(range.file).text();
  auto tokens = syntax::lex(text);
  if (!tokens) {
    return {};
  }
  auto at = static_cast<std::size_t>(
      std::find_if(tokens->begin(), tokens->end(),
                   [&](const Token& t) { return t.begin >= range.begin; }) -
      tokens->begin());
  auto words = [](std::string_view comment) {
    comment.remove_prefix(2); // `//`
    return comment.starts_with(' ') ? comment.substr(1) : comment;
  };
  std::vector<std::string_view> lines;
  int newlines = 0;
  for (std::size_t j = at; j-- > 0;) {
    const Token& t = (*tokens)[j];
    if (t.kind == TokenKind::Newline && ++newlines < 2) {
      continue;
    }
    // A comment that starts its line; one ending a line of code is that line's.
    bool own_line = j == 0 || (*tokens)[j - 1].kind == TokenKind::Newline;
    if (t.kind != TokenKind::LineComment || !own_line) {
      break;
    }
    lines.insert(lines.begin(), words(t.text));
    newlines = 0;
  }
  for (const Token& t : *tokens) {
    if (t.begin >= range.end && t.kind != TokenKind::LineComment) {
      if (t.kind == TokenKind::Newline || t.is_significant()) {
        break;
      }
    } else if (t.begin >= range.end) {
      lines.push_back(words(t.text));
      break;
    }
  }
  std::string out;
  for (std::string_view line : lines) {
    out += fmt::format("{}{}", out.empty() ? "" : "\n", line);
  }
  return out;
}

// `modules/service/service.ecl`, line 5: where `declaration` is, seen from the file `from`.
std::string place_of(const Analysis& a, const Range& declaration, FileId from) {
  namespace fs = std::filesystem;
  fs::path path = fs::path(a.sources().file(declaration.file).path()).lexically_normal();
  fs::path base = fs::path(a.sources().file(from).path()).parent_path().lexically_normal();
  fs::path shown = path.lexically_relative(base);
  return fmt::format("`{}`, line {}", shown.empty() ? path.string() : shown.string(),
                     a.lines(declaration.file).position(declaration.begin).line + 1);
}

std::string param_line(const Analysis& a, const ast::Param& p) {
  std::string line = fmt::format("param {}: {}", p.name, ast::type_text(p.type));
  if (p.default_value) {
    line += fmt::format(" = {}", text_of(a, p.default_value->range));
  }
  return line;
}

std::string output_line(const Analysis& a, const ast::Output& o) {
  return fmt::format("output {} = {}", o.name, o.value ? text_of(a, o.value->range) : "");
}

// A param's documentation: its comment, whether it must be given, and where it is declared.
std::string param_doc(const Analysis& a, const ast::Param& p, const model::ModuleInstance& m) {
  std::string doc = doc_comment(a, p.range);
  if (!doc.empty()) {
    doc += "\n\n";
  }
  std::string given = p.default_value
                          ? fmt::format("Default: `{}`.", text_of(a, p.default_value->range))
                          : "Required.";
  return doc + fmt::format("{} Declared in {} (module `{}`).", given,
                           place_of(a, p.name_range, m.range.file), m.path);
}

std::string output_doc(const Analysis& a, const ast::Output& o, const model::ModuleInstance& m) {
  std::string doc = doc_comment(a, o.range);
  if (!doc.empty()) {
    doc += "\n\n";
  }
  return doc + fmt::format("Declared in {} (module `{}`).", place_of(a, o.name_range, m.range.file),
                           m.path);
}

// The instance at a glance: its directory, its params and its outputs as the module declares
// them, in the order written.
std::string instance_hover(const Analysis& a, const model::ModuleInstance& m) {
  namespace fs = std::filesystem;
  fs::path base = fs::path(a.sources().file(m.range.file).path()).parent_path().lexically_normal();
  fs::path dir = fs::path(m.directory).lexically_normal().lexically_relative(base);
  std::string text =
      code_block(fmt::format("module {}  // {}", m.path, dir.empty() ? m.directory : dir.string()));
  std::vector<const ast::Param*> params;
  for (const auto& p : m.params) {
    if (const ast::Param* syntax = param_declared(a, p.declaration)) {
      params.push_back(syntax);
    }
  }
  std::sort(params.begin(), params.end(), [](const ast::Param* x, const ast::Param* y) {
    return std::tie(x->range.file, x->range.begin) < std::tie(y->range.file, y->range.begin);
  });
  std::string lines;
  for (const ast::Param* p : params) {
    lines += param_line(a, *p) + "\n";
  }
  for (const auto& o : m.outputs) { // already in the order written
    if (const ast::Output* syntax = output_declared(a, o.declaration)) {
      lines += output_line(a, *syntax) + "\n";
    }
  }
  if (!lines.empty()) {
    lines.pop_back();
    text += "\n" + code_block(lines);
  }
  return text;
}

// Hover for a site into a module instance: a param (an argument's name, or the param read in the
// module), an output, or the instance itself (its name, a use of it, its `source`).
std::string module_hover(const Analysis& a, const Site& site) {
  const model::ModuleInstance& m = *site.module;
  if (const ast::Param* p = param_declared(a, site.declaration)) {
    return code_block(param_line(a, *p)) + "\n" + param_doc(a, *p, m);
  }
  if (const ast::Output* o = output_declared(a, site.declaration)) {
    return code_block(output_line(a, *o)) + "\n" + output_doc(a, *o, m);
  }
  return instance_hover(a, m);
}

// The block or value a site is about, for definition, references and rename.
struct Target {
  const model::Block* block = nullptr;
  const ValueDecl* value = nullptr;
  bool valid() const { return block || value; }
};

Target target_of(const Site* site) {
  if (!site) {
    return {};
  }
  switch (site->what) {
  case Site::BlockName:
  case Site::BlockReference:
    return {site->block, nullptr};
  case Site::ValueName:
  case Site::ValueReference:
    return {nullptr, site->value};
  default:
    return {};
  }
}

Range declaration_range(const Target& t) {
  return t.block ? Analysis::name_range(*t.block) : t.value->name_range;
}

// Every site naming the target, declaration first, then in file and position order.
std::vector<Range> occurrences(const Analysis& a, const Target& t, bool include_declaration) {
  std::vector<Range> out;
  std::set<std::tuple<FileId, std::uint32_t, std::uint32_t>> seen;
  Range decl = declaration_range(t);
  if (include_declaration) {
    out.push_back(decl);
  }
  seen.insert({decl.file, decl.begin, decl.end});
  std::vector<Range> rest;
  for (const Site& s : a.sites()) {
    Target other = target_of(&s);
    if (other.block == t.block && other.value == t.value &&
        seen.insert({s.range.file, s.range.begin, s.range.end}).second) {
      rest.push_back(s.range);
    }
  }
  std::sort(rest.begin(), rest.end(), [](const Range& x, const Range& y) {
    return std::tie(x.file, x.begin) < std::tie(y.file, y.begin);
  });
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

json markup(const std::string& markdown) {
  return {{"kind", "markdown"}, {"value", markdown}};
}

// ---- completion ----------------------------------------------------------------------------

// An open bracket around the cursor.
struct Frame {
  enum What { Block, Object, List, Paren } what;
  std::string kind;  // Block: the block's kind
  std::string key;   // the attribute or field this value belongs to (`subnets = [`)
  std::size_t index; // of the opener among the significant tokens
  std::string name;  // Block: the block's name, if written (`api` in `module api {`)
};

bool is_operator(const Token& t) {
  static const std::set<std::string_view> ops{"==", "!=", "<", "<=", ">", ">=", "&&", "||",
                                              "!",  "+",  "-", "*",  "/", "%",  "?",  ":"};
  return t.kind == TokenKind::Punct && ops.contains(t.text);
}

bool ends_operand(const Token& t) {
  return t.kind == TokenKind::Identifier || t.kind == TokenKind::Keyword ||
         t.kind == TokenKind::Number || t.kind == TokenKind::String ||
         t.kind == TokenKind::StringTail || t.is_punct(")") || t.is_punct("]") || t.is_punct("}");
}

json item(std::string_view label, int kind, std::string_view detail, std::string_view doc = {},
          std::string_view insert = {}) {
  json j{{"label", label}, {"kind", kind}};
  if (!detail.empty()) {
    j["detail"] = detail;
  }
  if (!doc.empty()) {
    j["documentation"] = markup(std::string(doc));
  }
  if (!insert.empty()) {
    j["insertText"] = insert;
  }
  return j;
}

// The name a reference to `block` is written with from `scope`: its bare name when that
// resolves to it, else its path.
std::string reference_text(const Analysis& a, const model::Block& block, const model::Block* scope,
                           const std::vector<std::string_view>& kinds) {
  auto found = a.lookup(block.name, scope, kinds.empty() ? nullptr : &kinds);
  if (found.size() == 1 && found.front().block == &block) {
    return block.name;
  }
  return block.path;
}

void value_items(const Analysis& a, const schema::Type* type, const model::Block* scope,
                 json& items) {
  for (auto m : enum_members(type)) {
    items.push_back(item(m, kEnumMember, type ? schema::type_name(*type) : ""));
  }
  if (accepts_bool(type)) {
    items.push_back(item("true", kKeyword, "bool"));
    items.push_back(item("false", kKeyword, "bool"));
  }
  auto kinds = ref_kinds(type);
  if (a.program()) {
    std::set<std::string> labels;
    for (const auto& b : a.program()->blocks) {
      // A module's blocks are reached through its instance's outputs, never by name.
      if (b->implicit || b->name.empty() || b->range.file >= a.inputs().size()) {
        continue;
      }
      bool fits = kinds.empty()
                      ? (type == nullptr && b->parent == nullptr)
                      : std::find(kinds.begin(), kinds.end(), b->kind_name) != kinds.end();
      if (fits) {
        std::string label = reference_text(a, *b, scope, kinds);
        if (labels.insert(label).second) {
          items.push_back(item(label, kReference, b->display(), b->kind->doc));
        }
      }
    }
  }
  if (kinds.empty() && enum_members(type).empty()) {
    for (const ValueDecl& v : a.values()) {
      items.push_back(item(v.name, kVariable, v.is_param ? "param" : "let"));
    }
    // The built-in functions, their parameters as snippet placeholders.
    for (const check::Builtin& b : check::builtins()) {
      json fn = item(b.name, kFunction, b.signature, b.doc, fmt::format("{}($1)", b.name));
      fn["insertTextFormat"] = 2; // snippet
      items.push_back(std::move(fn));
    }
  }
}

// A kind as a snippet: `subnet ${1:name} {` with its required attributes, one a line.
json kind_item(const schema::Kind& k) {
  json j = item(k.name, kClass, first_sentence(k.doc), k.doc);
  std::string body;
  int stop = k.naming == schema::Naming::Required ? 2 : 1;
  for (const auto& attr : k.attributes) {
    if (attr.required) {
      body += fmt::format("  {} = ${}\n", attr.name, stop++);
    }
  }
  std::string name = k.naming == schema::Naming::Required ? " ${1:name}" : "";
  j["insertText"] = body.empty() ? fmt::format("{}{} {{$0}}", k.name, name)
                                 : fmt::format("{}{} {{\n{}}}$0", k.name, name, body);
  j["insertTextFormat"] = 2;
  return j;
}

// Units for the number being typed, when the value's type has a dimension: `1` -> `1GiB`.
void unit_items(const Analysis& a, FileId file, const Token& number, const schema::Type* type,
                json& items) {
  std::vector<std::string_view> units;
  std::vector<const schema::Type*> forms{type};
  if (type && type->kind == schema::TypeKind::OneOf) {
    forms = type->alternatives;
  }
  for (const schema::Type* t : forms) {
    if (!t) {
      continue;
    }
    if (t->kind == schema::TypeKind::Memory) {
      units.insert(units.end(), {"MiB", "GiB"});
    } else if (t->kind == schema::TypeKind::Cpu) {
      units.push_back("vcpu");
    } else if (t->kind == schema::TypeKind::Duration) {
      units.insert(units.end(), {"s", "ms", "m", "h"});
    }
  }
  std::string_view digits = number.text.substr(
      0, static_cast<std::size_t>(
             std::find_if(number.text.begin(), number.text.end(),
                          [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) -
             number.text.begin()));
  for (std::string_view unit : units) {
    std::string text = fmt::format("{}{}", digits, unit);
    json j = item(text, kUnit, unit);
    j["filterText"] = text;
    j["textEdit"] = {{"range", range_json(a.lines(file), number.begin, number.end)},
                     {"newText", text}};
    items.push_back(std::move(j));
  }
}

// Members of the block a path before a `.` names: named children, attributes, deferred ones.
// With `kinds` (the reference expected there), only children of those kinds.
void member_items(const Analysis& a, const std::vector<std::string_view>& path,
                  const model::Block* scope, const std::vector<std::string_view>& kinds,
                  json& items) {
  auto found = a.lookup(path.front(), scope, nullptr);
  std::vector<const model::Block*> blocks;
  for (const auto& f : found) {
    if (f.block) {
      blocks.push_back(f.block);
    }
  }
  for (std::size_t i = 1; i < path.size(); ++i) {
    std::vector<const model::Block*> next;
    for (const model::Block* b : blocks) {
      for (const model::Block* c : b->children) {
        if (c->name == path[i]) {
          next.push_back(c);
        }
      }
    }
    blocks = std::move(next);
  }
  std::set<std::string> labels;
  for (const model::Block* b : blocks) {
    for (const model::Block* c : b->children) {
      if (c->range.file >= a.inputs().size() && b->range.file < a.inputs().size()) {
        continue; // a module's block placed in this one: not a name of the program
      }
      bool fits =
          kinds.empty() || std::find(kinds.begin(), kinds.end(), c->kind_name) != kinds.end();
      if (fits && !c->name.empty() && labels.insert(c->name).second) {
        items.push_back(item(c->name, kReference, c->display(), c->kind->doc));
      }
    }
    if (!kinds.empty()) {
      continue; // a reference is wanted: attributes are not references
    }
    for (const auto& attr : b->kind->attributes) {
      if (labels.insert(std::string(attr.name)).second) {
        items.push_back(item(attr.name, kProperty, schema::type_name(*attr.type), attr.doc));
      }
    }
    for (const auto& d : b->kind->deferred) {
      if (labels.insert(std::string(d.name)).second) {
        items.push_back(item(d.name, kProperty, "known once deployed", d.doc));
      }
    }
  }
}

// The directories a module's `source` may name, for the string `text` typed up to `offset`: those
// in the directory its last `/` ends, relative to the file's (`./modules/` lists `modules/`'s).
void directory_items(const Analysis& a, FileId file, const Token& text, std::uint32_t offset,
                     json& items) {
  namespace fs = std::filesystem;
  std::string_view typed = text.text.substr(1, offset - text.begin - 1); // after the quote
  auto slash = typed.rfind('/');
  std::string_view base = slash == std::string_view::npos ? "" : typed.substr(0, slash + 1);
  std::string_view partial = typed.substr(base.size());
  const fs::path from = a.sources().file(file).path();
  if (!from.has_parent_path()) {
    return; // a document with no file (`untitled:1`) has no directory to start from
  }
  fs::path dir = from.parent_path() / base;
  std::error_code ec;
  std::map<std::string, std::string> found; // name -> detail, sorted
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    std::string name = it->path().filename().string();
    if (name.starts_with('.') || !it->is_directory(entry_ec)) {
      continue;
    }
    std::vector<std::string> files; // what `source` would read: the `.ecl` files directly in it
    for (fs::directory_iterator f(it->path(), entry_ec); !entry_ec && f != end;
         f.increment(entry_ec)) {
      if (f->path().extension() == ".ecl") {
        files.push_back(f->path().filename().string());
      }
    }
    std::sort(files.begin(), files.end());
    found[name] = files.empty() ? "directory" : fmt::format("module: {}", fmt::join(files, ", "));
  }
  auto begin = static_cast<std::uint32_t>(offset - partial.size());
  for (const auto& [name, detail] : found) {
    json j = item(name, kFolder, detail);
    j["textEdit"] = {{"range", range_json(a.lines(file), begin, offset)}, {"newText", name}};
    items.push_back(std::move(j));
  }
}

// The module instance `module name { … }` written in `file`, with the analysis it is read from:
// `a`, or `names` while `a` has lost it to a syntax error. Matched by name, not by range: the
// ranges of `names` are those of an older text.
std::pair<const Analysis*, const model::ModuleInstance*>
instance_named(const Analysis& a, const Analysis& names, FileId file, std::string_view name) {
  for (const Analysis* an : {&a, &names}) {
    for (const model::ModuleInstance& m : an->modules()) {
      std::string_view last = m.path;
      last = last.substr(last.rfind('.') == std::string_view::npos ? 0 : last.rfind('.') + 1);
      if (last == name && m.name_range.file == file) {
        return {an, &m};
      }
    }
  }
  return {nullptr, nullptr};
}

} // namespace

json diagnostics_json(const Analysis& a, FileId file, const LocationOf& location) {
  json out = json::array();
  for (const Diagnostic& d : a.diagnostics().items()) {
    bool here = d.range.file == file || (!d.range.valid() && file == 0);
    if (!here) {
      continue;
    }
    Range r = d.range.valid() ? d.range : Range{file, 0, 0};
    json diag{{"range", location(r)["range"]},
              {"severity", d.severity == Severity::Error ? 1 : 2},
              {"code", std::string(d.code())},
              {"source", "eclc"},
              {"message", d.message}};
    json related = json::array();
    for (const Note& n : d.notes) {
      if (n.range.valid()) {
        related.push_back({{"location", location(n.range)}, {"message", n.message}});
      } else {
        diag["message"] = diag["message"].get<std::string>() + "\nnote: " + n.message;
      }
    }
    if (!related.empty()) {
      diag["relatedInformation"] = std::move(related);
    }
    out.push_back(std::move(diag));
  }
  return out;
}

json hover(const Analysis& a, FileId file, std::uint32_t offset, const LocationOf& location) {
  // Into a module instance first: an argument's name is also an attribute's site, which
  // site_at() may pick.
  for (const Site& s : a.sites()) {
    if ((s.what == Site::ModuleReference || s.what == Site::ModuleName) && s.module &&
        s.range.file == file && s.range.begin <= offset && offset <= s.range.end) {
      return {{"contents", markup(module_hover(a, s))}, {"range", location(s.range)["range"]}};
    }
  }
  const Site* site = a.site_at(file, offset);
  if (!site) {
    return nullptr;
  }
  std::string text;
  switch (site->what) {
  case Site::BlockName:
  case Site::BlockReference:
    text = block_hover(*site->block);
    break;
  case Site::ValueName:
  case Site::ValueReference:
    text = value_hover(a, *site->value);
    break;
  case Site::AttributeName:
    if (site->attribute) {
      text = attribute_hover(*site);
    }
    break;
  case Site::AttributeAccess:
    text = access_hover(*site);
    break;
  case Site::KindKeyword:
    if (site->kind) {
      text = kind_hover(*site->kind);
    }
    break;
  case Site::ModuleName:
  case Site::ModuleReference: {
    // The line that declares it, in the module's file (or the instance's, for its name).
    const Range& d = site->declaration;
    if (d.valid() && d.file < a.sources().size()) {
      std::string_view source = a.sources().file(d.file).text();
      std::size_t begin = source.rfind('\n', d.begin == 0 ? 0 : d.begin - 1);
      begin = begin == std::string_view::npos || d.begin == 0 ? 0 : begin + 1;
      std::size_t end = source.find('\n', d.begin);
      text = code_block(source.substr(begin, end == std::string_view::npos ? end : end - begin));
    }
    break;
  }
  }
  if (text.empty()) {
    return nullptr;
  }
  return {{"contents", markup(text)}, {"range", location(site->range)["range"]}};
}

json definition(const Analysis& a, FileId file, std::uint32_t offset, const LocationOf& location) {
  // Into a module's files, as the checker resolved it: an argument's name is also an attribute's
  // site, which site_at() may pick.
  for (const Site& s : a.sites()) {
    if (s.what == Site::ModuleReference && s.range.file == file && s.range.begin <= offset &&
        offset <= s.range.end) {
      return location(s.declaration);
    }
  }
  const Site* site = a.site_at(file, offset);
  Target t = target_of(site);
  if (!t.valid()) {
    return nullptr;
  }
  return location(declaration_range(t));
}

json references(const Analysis& a, FileId file, std::uint32_t offset, bool include_declaration,
                const LocationOf& location) {
  Target t = target_of(a.site_at(file, offset));
  json out = json::array();
  if (t.valid()) {
    for (const Range& r : occurrences(a, t, include_declaration)) {
      out.push_back(location(r));
    }
  }
  return out;
}

json prepare_rename(const Analysis& a, FileId file, std::uint32_t offset,
                    const LocationOf& location) {
  const Site* site = a.site_at(file, offset);
  Target t = target_of(site);
  if (!t.valid()) {
    return nullptr;
  }
  const std::string& name = t.block ? t.block->name : t.value->name;
  return {{"range", location(site->range)["range"]}, {"placeholder", name}};
}

json rename(const Analysis& a, FileId file, std::uint32_t offset, const std::string& new_name,
            const LocationOf& location, std::string& error) {
  Target t = target_of(a.site_at(file, offset));
  if (!t.valid()) {
    error = "nothing to rename here; place the cursor on the name of a block, a let or a param";
    return nullptr;
  }
  if (!is_identifier(new_name) || is_reserved(new_name)) {
    error = fmt::format("`{}` is not a valid name; names are letters, digits and `_`, not starting "
                        "with a digit, and not a keyword",
                        new_name);
    return nullptr;
  }
  if (t.block) {
    std::vector<std::string_view> kinds{t.block->kind_name};
    for (const auto& f : a.lookup(new_name, t.block->parent, &kinds)) {
      if (f.block != t.block && f.block->parent == t.block->parent) {
        error = fmt::format("{} already exists", f.block->display());
        return nullptr;
      }
    }
  } else {
    for (const ValueDecl& v : a.values()) {
      if (v.name == new_name && &v != t.value) {
        error = fmt::format("{} `{}` already exists", v.is_param ? "param" : "let", new_name);
        return nullptr;
      }
    }
  }
  json changes = json::object();
  for (const Range& r : occurrences(a, t, true)) {
    json loc = location(r);
    changes[loc["uri"].get<std::string>()].push_back(
        {{"range", loc["range"]}, {"newText", new_name}});
  }
  return {{"changes", changes}};
}

json document_symbols(const Analysis& a, FileId file, const LocationOf& location) {
  const ast::File& f = a.ast(file);
  struct Entry {
    std::uint32_t begin;
    json symbol;
  };
  auto symbol = [&](std::string_view name, std::string_view detail, int kind, const Range& range,
                    const Range& selection) {
    return json{{"name", std::string(name.empty() ? detail : name)},
                {"detail", std::string(detail)},
                {"kind", kind},
                {"range", location(range)["range"]},
                {"selectionRange", location(selection)["range"]}};
  };
  std::function<json(const ast::Block&)> block_symbol = [&](const ast::Block& b) {
    Range selection = b.name() ? b.name_range() : b.kind_range();
    json s = symbol(b.name().value_or(""), b.kind, kSymStruct, b.range, selection);
    json children = json::array(); // blocks only: attributes would drown the outline
    for (const auto& child : b.blocks) {
      children.push_back(block_symbol(*child));
    }
    if (!children.empty()) {
      s["children"] = std::move(children);
    }
    return s;
  };
  std::vector<Entry> entries;
  for (const auto& p : f.params) {
    entries.push_back(
        {p.range.begin, symbol(p.name, "param", kSymConstant, p.range, p.name_range)});
  }
  for (const auto& l : f.lets) {
    entries.push_back({l.range.begin, symbol(l.name, "let", kSymVariable, l.range, l.name_range)});
  }
  for (const auto& o : f.outputs) {
    entries.push_back(
        {o.range.begin, symbol(o.name, "output", kSymProperty, o.range, o.name_range)});
  }
  for (const auto& b : f.blocks) {
    entries.push_back({b->range.begin, block_symbol(*b)});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& x, const Entry& y) { return x.begin < y.begin; });
  json out = json::array();
  for (auto& e : entries) {
    out.push_back(std::move(e.symbol));
  }
  return out;
}

json completion(const Analysis& a, FileId file, std::uint32_t offset, const Analysis* parsed) {
  // Names come from `parsed` (the last analysis whose files all parsed) while this file has a
  // syntax error the parser could not recover from (an unclosed `[` loses the whole file).
  const Analysis& names = parsed && parsed != &a && file < a.inputs().size() &&
                                  parsed->inputs().size() == a.inputs().size() &&
                                  a.ast(file).blocks.size() < parsed->ast(file).blocks.size()
                              ? *parsed
                              : a;
  json items = json::array();
  const std::string& text = a.sources().file(file).text();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  auto lexed = syntax::lex(text);
  if (!lexed) {
    return items;
  }
  // The significant tokens before the cursor; the word being typed is not one of them.
  std::vector<Token> before;
  const Token* word = nullptr;   // the word under the cursor
  const Token* string = nullptr; // the plain string the cursor is in
  for (const Token& t : *lexed) {
    if (t.begin >= offset) {
      break;
    }
    bool is_word = t.kind == TokenKind::Identifier || t.kind == TokenKind::Keyword ||
                   t.kind == TokenKind::Number;
    if (t.end >= offset && is_word) {
      word = &t;
      break; // the prefix under the cursor
    }
    // An unterminated string (`"./modules/` being typed) runs to the end of its line.
    bool open_string = t.kind == TokenKind::String &&
                       (t.text.size() < 2 || !t.text.ends_with('"') || t.text.ends_with("\\\""));
    if (t.kind == TokenKind::String && (t.end > offset || (t.end == offset && open_string))) {
      string = &t;
      break;
    }
    if (t.end > offset || (t.end == offset && t.kind == TokenKind::LineComment)) {
      return items; // inside a string or a comment
    }
    if (t.is_significant()) {
      before.push_back(t);
    }
  }

  // The open brackets around the cursor.
  std::vector<Frame> frames;
  for (std::size_t j = 0; j < before.size(); ++j) {
    const Token& t = before[j];
    auto prev = [&](std::size_t back) -> const Token* {
      return j >= back ? &before[j - back] : nullptr;
    };
    std::string key;
    if (prev(1) && prev(1)->is_punct("=") && prev(2) && prev(2)->kind == TokenKind::Identifier) {
      key = std::string(prev(2)->text);
    }
    if (t.is_punct("{")) {
      if (prev(1) && prev(1)->kind == TokenKind::Identifier) {
        // `kind {` or `kind name {`; in `a = b route {`, `b` is a value, not a kind.
        const Token* p2 = prev(2);
        const Token* p3 = prev(3);
        bool named = p2 && p2->kind == TokenKind::Identifier &&
                     !(p3 && (p3->is_punct("=") || p3->is_punct(".") || is_operator(*p3) ||
                              p3->is_punct(",") || p3->is_punct("[") || p3->is_punct("(")));
        frames.push_back({Frame::Block, std::string(named ? p2->text : prev(1)->text), "", j,
                          named ? std::string(prev(1)->text) : std::string()});
      } else {
        frames.push_back({Frame::Object, "", key, j, {}});
      }
    } else if (t.is_punct("[")) {
      bool index = prev(1) && ends_operand(*prev(1));
      frames.push_back({index ? Frame::Paren : Frame::List, "", key, j, {}});
    } else if (t.is_punct("(")) {
      frames.push_back({Frame::Paren, "", "", j, {}});
    } else if ((t.is_punct("}") || t.is_punct("]") || t.is_punct(")")) && !frames.empty()) {
      frames.pop_back();
    }
  }

  if (string) {
    // `source = "./modules/` in a `module` block: the directories there.
    bool source = before.size() >= 2 && before.back().is_punct("=") &&
                  before[before.size() - 2].text == "source" && !frames.empty() &&
                  frames.back().what == Frame::Block && frames.back().kind == "module";
    if (source) {
      directory_items(a, file, *string, offset, items);
    }
    return items;
  }

  const model::Block* scope = names.block_at(file, offset);
  // The innermost block frame and the type of the value the cursor is in.
  std::size_t block_frame = frames.size();
  for (std::size_t i = frames.size(); i-- > 0;) {
    if (frames[i].what == Frame::Block) {
      block_frame = i;
      break;
    }
  }
  const schema::Kind* kind =
      block_frame < frames.size() ? schema::find_kind(frames[block_frame].kind) : nullptr;
  // In `module api { … }`: the instance, whose params are its attributes.
  // Two variables, not a structured binding: the lambdas below capture them (clang 14, which the
  // hardened stage builds with, refuses to capture a binding).
  const std::pair<const Analysis*, const model::ModuleInstance*> found =
      block_frame < frames.size() && frames[block_frame].kind == "module"
          ? instance_named(a, names, file, frames[block_frame].name)
          : std::pair<const Analysis*, const model::ModuleInstance*>{};
  const Analysis* instance_in = found.first;
  const model::ModuleInstance* instance = found.second;
  // The type of the innermost block's attribute `key`: the schema's, or the module's param's.
  auto attribute_type = [&](std::string_view key) -> const schema::Type* {
    if (kind) {
      const schema::Attribute* attr = kind->attribute(key);
      return attr ? attr->type : nullptr;
    }
    if (instance) {
      for (const auto& p : instance->params) {
        if (p.name == key) {
          const ast::Param* syntax = param_declared(*instance_in, p.declaration);
          return syntax ? check::param_type(syntax->type) : nullptr;
        }
      }
    }
    return nullptr;
  };
  const schema::Type* type = nullptr; // of the innermost list's items or object
  bool typed = true;
  for (std::size_t i = block_frame == frames.size() ? 0 : block_frame + 1; i < frames.size(); ++i) {
    const Frame& f = frames[i];
    if (!f.key.empty()) {
      if (i == block_frame + 1) {
        type = attribute_type(f.key);
      } else {
        type = field_type(type, f.key);
      }
    }
    if (f.what == Frame::List) {
      type = element_type(type);
    } else if (f.what == Frame::Paren) {
      typed = false;
    }
  }
  if (block_frame == frames.size() && !frames.empty()) {
    typed = false; // an expression at the top level (a let or an output)
  }

  const Frame* inner = frames.empty() ? nullptr : &frames.back();
  std::size_t inner_start = inner ? inner->index + 1 : 0;
  const Token* last = before.size() > inner_start ? &before.back() : nullptr;
  const Token* last2 = before.size() > inner_start + 1 ? &before[before.size() - 2] : nullptr;

  // `main.` : members of the path.
  if (!before.empty() && before.back().is_punct(".")) {
    std::vector<std::string_view> path;
    std::size_t k = before.size() - 1;
    while (k > 0 && before[k - 1].kind == TokenKind::Identifier) {
      path.insert(path.begin(), before[k - 1].text);
      if (k >= 2 && before[k - 2].is_punct(".")) {
        k -= 2;
      } else {
        break;
      }
    }
    if (path.size() == 1) {
      // `api.`: the outputs of the module instance `api` written in this file.
      if (auto [in, m] = instance_named(a, names, file, path.front()); m) {
        for (const auto& o : m->outputs) {
          const ast::Output* syntax = output_declared(*in, o.declaration);
          std::string doc =
              syntax ? code_block(output_line(*in, *syntax)) + "\n" + output_doc(*in, *syntax, *m)
                     : std::string();
          items.push_back(item(o.name, kField, fmt::format("output of module `{}`", m->path), doc));
        }
        return items;
      }
    }
    if (!path.empty()) {
      // The kinds a reference here must have: `subnets = [net.` lists subnets only.
      const schema::Type* expected = nullptr;
      const Token* op = k >= 2 ? &before[k - 2] : nullptr; // before the path's first name
      if (typed && inner && inner->what == Frame::List && op &&
          (op->is_punct("[") || op->is_punct(","))) {
        expected = type;
      } else if (op && op->is_punct("=") && k >= 3 && before[k - 3].kind == TokenKind::Identifier) {
        if (inner && inner->what == Frame::Block) {
          expected = attribute_type(before[k - 3].text);
        } else if (typed && inner && inner->what == Frame::Object) {
          expected = field_type(type, before[k - 3].text);
        }
      }
      member_items(names, path, scope, ref_kinds(expected), items);
    }
    return items;
  }
  if (word && word->kind == TokenKind::Number && word->end == offset) {
    const schema::Type* expected = nullptr;
    if (last && last->is_punct("=") && last2 && last2->kind == TokenKind::Identifier) {
      if (!inner || inner->what == Frame::Block) {
        expected = attribute_type(last2->text);
      } else if (typed && inner && inner->what == Frame::Object) {
        expected = field_type(type, last2->text);
      }
    } else if (typed && inner && inner->what == Frame::List) {
      expected = type;
    }
    unit_items(a, file, *word, expected, items);
    return items;
  }

  bool after_assign = last && last->is_punct("=") && last2 && last2->kind == TokenKind::Identifier;
  bool after_operator = last && (is_operator(*last) || last->is_punct("("));

  if (!inner || inner->what == Frame::Block) {
    if (after_assign) {
      value_items(names, attribute_type(last2->text), scope, items);
      return items;
    }
    if (after_operator) {
      value_items(names, nullptr, scope, items);
      return items;
    }
    // A new item: the kinds this block may contain and the attributes not written yet.
    std::string_view parent = inner ? std::string_view(inner->kind) : std::string_view("");
    std::set<std::string_view> written;
    if (inner) {
      // Scan the whole block, after the cursor too, at this block's depth.
      int depth = 0;
      bool started = false;
      const Token* previous = nullptr;
      for (const Token& t : *lexed) {
        if (!t.is_significant()) {
          continue;
        }
        if (!started) {
          started = t.begin == before[inner->index].begin;
          continue;
        }
        if (t.is_punct("{") || t.is_punct("[") || t.is_punct("(")) {
          ++depth;
        } else if (t.is_punct("}") || t.is_punct("]") || t.is_punct(")")) {
          if (depth-- == 0) {
            break;
          }
        } else if (depth == 0 && t.is_punct("=") && previous &&
                   previous->kind == TokenKind::Identifier) {
          written.insert(previous->text);
        }
        previous = &t;
      }
    }
    for (const schema::Kind& k : schema::kinds()) {
      if (k.allowed_in(parent)) {
        items.push_back(kind_item(k));
      }
    }
    if (!inner) {
      for (std::string_view kw : {"param", "let", "output"}) {
        items.push_back(item(kw, kKeyword, "declaration"));
      }
      items.push_back(item("module", kKeyword, "module instance",
                           "Instantiates the module in a directory: `module NAME { source = "
                           "\"./modules/NAME\" … }`"));
    } else if (inner->kind == "module") {
      if (!written.contains("source")) {
        items.push_back(item("source", kProperty, "string",
                             "The module's directory, relative to this file", "source = "));
      }
      if (instance) {
        // The module's params (read by the checker), documented by their comments.
        for (const auto& p : instance->params) {
          if (!written.contains(p.name)) {
            const ast::Param* syntax = param_declared(*instance_in, p.declaration);
            std::string doc = syntax ? param_doc(*instance_in, *syntax, *instance) : std::string();
            items.push_back(item(p.name, kProperty, p.type, doc, fmt::format("{} = ", p.name)));
          }
        }
      }
    } else if (kind) {
      for (const auto& attr : kind->attributes) {
        if (!written.contains(attr.name)) {
          std::string doc = fmt::format("{}\n\n{}", attr.doc, default_text(attr));
          items.push_back(item(attr.name, kProperty, schema::type_name(*attr.type), doc,
                               fmt::format("{} = ", attr.name)));
        }
      }
    }
    return items;
  }

  if (inner->what == Frame::Object) {
    bool key_position = !last || last->is_punct(",") || ends_operand(*last);
    if (after_assign) {
      value_items(names, typed ? field_type(type, last2->text) : nullptr, scope, items);
    } else if (key_position && typed && type && type->kind == schema::TypeKind::Object) {
      std::set<std::string_view> written;
      for (std::size_t j = inner_start; j + 1 < before.size(); ++j) {
        if (before[j].kind == TokenKind::Identifier && before[j + 1].is_punct("=")) {
          written.insert(before[j].text);
        }
      }
      for (const auto& field : type->fields) {
        if (!written.contains(field.name)) {
          items.push_back(item(field.name, kField, schema::type_name(*field.type), field.doc,
                               fmt::format("{} = ", field.name)));
        }
      }
    } else if (!key_position) {
      value_items(names, nullptr, scope, items);
    }
    return items;
  }
  // Inside a list, a call or parentheses: a value.
  value_items(names, typed ? type : nullptr, scope, items);
  return items;
}

} // namespace ecl::lsp
