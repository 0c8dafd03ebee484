#include "compiler/driver/docs.h"

#include "compiler/check/builtins.h"
#include "compiler/check/rules/rule.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/diagnostics/explain.h"
#include "compiler/schema/schema.h"

#include <cctype>
#include <fmt/format.h>
#include <map>

namespace ecl::docs {
namespace {

std::string escape_cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// A code's anchor in the page: `E3002` -> `e3002`.
std::string lower(std::string_view code) {
  std::string out(code);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string area_of(std::string_view code) {
  if (code[0] == 'W') {
    return "Warnings";
  }
  switch (code[1]) {
  case '0':
    return "Syntax and input";
  case '1':
    return "Names and references";
  case '2':
    return "Types and schema";
  case '3':
    return code[2] == '0'   ? "AWS rules: networks"
           : code[2] == '1' ? "AWS rules: tasks and containers"
                            : "AWS rules: services and clusters";
  default:
    return "Lowering";
  }
}

std::string number(double v) {
  return v == static_cast<double>(static_cast<long long>(v))
             ? fmt::format("{}", static_cast<long long>(v))
             : fmt::format("{}", v);
}

std::string default_text(const schema::Attribute& a) {
  switch (a.default_value.kind) {
  case schema::DefaultKind::None:
    return a.required ? "required" : "—";
  case schema::DefaultKind::Value:
    return fmt::format("`{}`", model::ecl_text(a.default_value.value));
  case schema::DefaultKind::BlockName:
    return "the block's name";
  case schema::DefaultKind::StackName:
    return "`STACK-NAME`";
  case schema::DefaultKind::Derived:
  case schema::DefaultKind::Generated:
    return std::string(a.default_value.description);
  }
  return "";
}

std::string bounds(const schema::Attribute& a) {
  if (!a.min && !a.max) {
    return "";
  }
  std::string unit = a.type->kind == schema::TypeKind::Memory     ? " MiB"
                     : a.type->kind == schema::TypeKind::Cpu      ? " CPU units"
                     : a.type->kind == schema::TypeKind::Duration ? "s"
                                                                  : "";
  if (a.min && a.max) {
    return fmt::format(" ({}{} to {}{})", number(*a.min), unit, number(*a.max), unit);
  }
  return a.min ? fmt::format(" (at least {}{})", number(*a.min), unit)
               : fmt::format(" (at most {}{})", number(*a.max), unit);
}

void attribute_table(std::string& out, const std::vector<schema::Attribute>& attributes) {
  out += "| attribute | type | default | meaning |\n| --- | --- | --- | --- |\n";
  for (const auto& a : attributes) {
    out += fmt::format("| `{}` | `{}` | {} | {}{} |\n", a.name,
                       escape_cell(schema::type_name(*a.type)), escape_cell(default_text(a)),
                       escape_cell(a.doc), bounds(a));
  }
}

// Object types that appear in the schema, so each is documented once.
void collect_objects(const schema::Type* t, std::map<std::string_view, const schema::Type*>& out) {
  if (!t) {
    return;
  }
  if (t->kind == schema::TypeKind::Object) {
    out.emplace(t->name, t);
    for (const auto& f : t->fields) {
      collect_objects(f.type, out);
    }
  }
  collect_objects(t->element, out);
  for (const auto* alt : t->alternatives) {
    collect_objects(alt, out);
  }
}

} // namespace

std::string diagnostics_markdown() {
  std::map<std::string_view, std::string_view> sources;
  for (const auto& rule : check::all_rules()) {
    for (Diag d : rule.codes) {
      // Generic codes (E2009 out of range…) that a rule also reports keep no single source.
      if (info(d).code[0] == 'W' || info(d).code.substr(0, 2) == "E3") {
        sources.emplace(info(d).code, rule.source);
      }
    }
  }
  std::string out =
      "# Diagnostics\n\n"
      "<!-- Generated from compiler/diagnostics/diagnostic_kinds.def by `ecl_docgen diagnostics`;\n"
      "     and explanations.def; do not edit. ECL_UPDATE_GOLDEN=1 ctest -R docs rewrites it. "
      "-->\n\n"
      "Every diagnostic `eclc` reports has a stable code. Errors make `eclc check` exit with 1;\n"
      "warnings do not, unless `--werror` is given. AWS rules cite the AWS page they come from.\n";
  std::string area;
  for (const DiagInfo& d : all_diagnostic_kinds()) {
    std::string a = area_of(d.code);
    if (a != area) {
      area = a;
      out += fmt::format("\n## {}\n\n| code | severity | what it reports | source |\n"
                         "| --- | --- | --- | --- |\n",
                         area);
    }
    auto src = sources.find(d.code);
    out += fmt::format("| [{}](#{}) | {} | {} | {} |\n", d.code, lower(d.code),
                       severity_name(d.severity), escape_cell(d.summary),
                       src == sources.end() ? "" : fmt::format("[AWS docs]({})", src->second));
  }
  // The long explanations, as `eclc explain CODE` prints them (explanations.def).
  out += "\n## Explanations\n";
  for (const DiagInfo& d : all_diagnostic_kinds()) {
    std::string text(explanation(d.code));
    for (auto nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', nl + 2)) {
      text.replace(nl, 1, "\n\n");
    }
    out += fmt::format("\n### {}\n\n{}\n", d.code, text);
  }
  return out;
}

std::string reference_markdown() {
  std::string out = "## Kinds\n";
  std::map<std::string_view, const schema::Type*> objects;
  for (const schema::Kind& kind : schema::kinds()) {
    std::string parents;
    for (std::size_t i = 0; i < kind.parents.size(); ++i) {
      parents += (i ? ", " : "") + (kind.parents[i].empty() ? std::string("the program")
                                                            : fmt::format("`{}`", kind.parents[i]));
    }
    out += fmt::format("\n### `{}`\n\n{}\n\n", kind.name, kind.doc);
    out += fmt::format("- Written as: `{}{} {{ … }}`\n", kind.name,
                       kind.naming == schema::Naming::Required ? " NAME" : "");
    out += fmt::format("- Inside: {}{}\n", parents,
                       kind.max_per_parent > 0 ? fmt::format(" (at most {})", kind.max_per_parent)
                                               : "");
    out += fmt::format("- Lowers to: {}\n", kind.lowers_to);
    if (!kind.deferred.empty()) {
      out += "- Known after deployment: ";
      for (std::size_t i = 0; i < kind.deferred.size(); ++i) {
        out +=
            fmt::format("{}`{}` ({})", i ? ", " : "", kind.deferred[i].name, kind.deferred[i].doc);
      }
      out += "\n";
    }
    out += "\n";
    if (kind.attributes.empty()) {
      out += "No attributes.\n";
    } else {
      attribute_table(out, kind.attributes);
    }
    for (const auto& a : kind.attributes) {
      collect_objects(a.type, objects);
    }
  }
  out += "\n## Object types\n\nSome attributes take objects `{ field = value, … }`; a shorthand "
         "scalar stands for the object's main field.\n";
  for (const auto& [name, type] : objects) {
    out += fmt::format("\n### {}\n\n", name);
    if (!type->shorthand.empty()) {
      out += fmt::format("A plain value stands for `{{ {} = value }}`.\n\n", type->shorthand);
    }
    attribute_table(out, type->fields);
  }
  out += "\n## Functions\n\n";
  for (const auto& fn : check::builtins()) {
    out += fmt::format("- `{}`: {}\n", fn.signature, fn.doc);
  }
  return out;
}

std::optional<std::string> replace_section(const std::string& document, const std::string& name,
                                           const std::string& content) {
  std::string begin = fmt::format("<!-- BEGIN GENERATED: {} -->", name);
  std::string end = fmt::format("<!-- END GENERATED: {} -->", name);
  auto b = document.find(begin);
  auto e = document.find(end);
  if (b == std::string::npos || e == std::string::npos || e < b) {
    return std::nullopt;
  }
  return document.substr(0, b + begin.size()) + "\n" + content + document.substr(e);
}

} // namespace ecl::docs
