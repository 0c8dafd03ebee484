// The features that present a file rather than answer about one name: semantic tokens, folding
// ranges, inlay hints for folded values, signature help and hover for the built-in functions.
#include "compiler/check/builtins.h"
#include "compiler/lsp/features.h"
#include "compiler/syntax/tokens.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <functional>
#include <map>

namespace ecl::lsp {

using nlohmann::json;
using syntax::Token;
using syntax::TokenKind;

namespace {

// The legend's indices (semantic_tokens_legend() lists the names in this order).
enum TokenType {
  kType,       // a kind keyword: `subnet`
  kVariable,   // a block's name or a reference to one: `main`, `private_a`
  kParameter,  // a `param` or `let` name, and references to it
  kProperty,   // an attribute: `cidr` in `cidr = …` and in `main.cidr`
  kFunction,   // a built-in function: `cidrsubnet`
  kKeyword,    // `param`, `let`, `output`, `true`, `false`
  kString,     // string literals and their parts around interpolations
  kNumber,     // the digits of a number
  kComment,    // `// …` and `/* … */`
  kUnit,       // the unit after a number: `MiB` in `512MiB`
  kEnumMember, // a bare enum member: `fargate`
};
enum TokenModifier { kDeclaration = 1 };

} // namespace

json semantic_tokens_legend() {
  return {{"tokenTypes",
           {"type", "variable", "parameter", "property", "function", "keyword", "string", "number",
            "comment", "unit", "enumMember"}},
          {"tokenModifiers", {"declaration"}}};
}

json semantic_tokens(const Analysis& a, FileId file) {
  json data = json::array();
  const std::string& text = a.sources().file(file).text();
  auto lexed = syntax::lex(text);
  if (!lexed) {
    return {{"data", data}};
  }
  // The sites of this file by range: one lookup per identifier.
  std::map<std::pair<std::uint32_t, std::uint32_t>, const Site*> sites;
  for (const Site& s : a.sites()) {
    if (s.range.file == file) {
      sites.emplace(std::pair{s.range.begin, s.range.end}, &s);
    }
  }
  const LineIndex& lines = a.lines(file);
  Position previous;
  auto emit = [&](std::uint32_t begin, std::uint32_t end, int type, int modifiers) {
    // A token spanning lines (a block comment) is sent one line at a time.
    while (begin < end) {
      std::uint32_t stop = begin;
      while (stop < end && text[stop] != '\n' && text[stop] != '\r') {
        ++stop;
      }
      Position from = lines.position(begin);
      Position to = lines.position(stop);
      if (to.character > from.character) {
        std::uint32_t line_delta = from.line - previous.line;
        data.push_back(line_delta);
        data.push_back(line_delta == 0 ? from.character - previous.character : from.character);
        data.push_back(to.character - from.character);
        data.push_back(type);
        data.push_back(modifiers);
        previous = from;
      }
      begin = stop;
      while (begin < end && (text[begin] == '\n' || text[begin] == '\r')) {
        ++begin;
      }
    }
  };
  const std::vector<Token>& tokens = *lexed;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    switch (t.kind) {
    case TokenKind::LineComment:
    case TokenKind::BlockComment:
      emit(t.begin, t.end, kComment, 0);
      break;
    case TokenKind::String:
    case TokenKind::StringHead:
    case TokenKind::StringMid:
    case TokenKind::StringTail:
      emit(t.begin, t.end, kString, 0);
      break;
    case TokenKind::Keyword:
      emit(t.begin, t.end, kKeyword, 0);
      break;
    case TokenKind::Number: {
      auto digits = static_cast<std::uint32_t>(
          std::find_if(t.text.begin(), t.text.end(),
                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) -
          t.text.begin());
      emit(t.begin, t.begin + digits, kNumber, 0);
      emit(t.begin + digits, t.end, kUnit, 0);
      break;
    }
    case TokenKind::Identifier: {
      auto it = sites.find({t.begin, t.end});
      if (it != sites.end()) {
        const Site& s = *it->second;
        switch (s.what) {
        case Site::KindKeyword:
          emit(t.begin, t.end, kType, 0);
          break;
        case Site::BlockName:
          emit(t.begin, t.end, kVariable, kDeclaration);
          break;
        case Site::BlockReference:
          emit(t.begin, t.end, kVariable, 0);
          break;
        case Site::ModuleName:
          emit(t.begin, t.end, kVariable, kDeclaration);
          break;
        case Site::ValueName:
          emit(t.begin, t.end, kParameter, kDeclaration);
          break;
        case Site::ValueReference:
          emit(t.begin, t.end, kParameter, 0);
          break;
        case Site::AttributeName:
        case Site::AttributeAccess:
        case Site::ModuleReference: // an instance's argument or output (or its name)
          emit(t.begin, t.end, kProperty, 0);
          break;
        }
        break;
      }
      std::size_t next = i + 1;
      while (next < tokens.size() && !tokens[next].is_significant()) {
        ++next;
      }
      bool call = next < tokens.size() && tokens[next].is_punct("(");
      if (call && check::find_builtin(t.text)) {
        emit(t.begin, t.end, kFunction, 0);
      } else if (schema::find_kind(t.text) && next < tokens.size() &&
                 (tokens[next].is_punct("{") || tokens[next].kind == TokenKind::Identifier)) {
        emit(t.begin, t.end, kType, 0); // a kind the checker did not index (a repaired block)
      } else if (i > 0 && !call) {
        // A bare word after `=`, `,` or `[` that names no declaration: an enum member.
        std::size_t prev = i;
        while (prev > 0 && !tokens[prev - 1].is_significant()) {
          --prev;
        }
        if (prev > 0 && (tokens[prev - 1].is_punct("=") || tokens[prev - 1].is_punct(",") ||
                         tokens[prev - 1].is_punct("["))) {
          emit(t.begin, t.end, kEnumMember, 0);
        }
      }
      break;
    }
    default:
      break;
    }
  }
  return {{"data", data}};
}

json folding_ranges(const Analysis& a, FileId file) {
  json out = json::array();
  const LineIndex& lines = a.lines(file);
  auto add = [&](const Range& r, const char* kind) {
    Position from = lines.position(r.begin);
    Position to = lines.position(r.end);
    if (to.line > from.line) {
      json range{{"startLine", from.line}, {"endLine", to.line}};
      if (kind) {
        range["kind"] = kind;
      }
      out.push_back(std::move(range));
    }
  };
  std::function<void(const ast::Block&)> block = [&](const ast::Block& b) {
    add(b.range, nullptr);
    for (const auto& child : b.blocks) {
      block(*child);
    }
  };
  for (const auto& b : a.ast(file).blocks) {
    block(*b);
  }
  if (auto lexed = syntax::lex(a.sources().file(file).text())) {
    for (const Token& t : *lexed) {
      if (t.kind == TokenKind::BlockComment) {
        add(Range{file, t.begin, t.end}, "comment");
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const json& x, const json& y) {
    return std::pair{x["startLine"].get<int>(), x["endLine"].get<int>()} <
           std::pair{y["startLine"].get<int>(), y["endLine"].get<int>()};
  });
  return out;
}

json inlay_hints(const Analysis& a, FileId file, std::uint32_t begin, std::uint32_t end) {
  json out = json::array();
  if (!a.program()) {
    return out;
  }
  const std::string& text = a.sources().file(file).text();
  for (const auto& block : a.program()->blocks) {
    if (block->implicit || block->range.file != file || block->range.end < begin ||
        block->range.begin > end) {
      continue;
    }
    for (const auto& [name, attr] : block->attributes) {
      const model::Value& v = attr.value;
      const Range& r = v.range;
      // Values written here (not folded from a `let` elsewhere), scalars only: a list is its items.
      if (attr.defaulted || r.file != file || r.begin < attr.range.begin ||
          r.end > attr.range.end || r.begin < begin || r.end > end || v.is_null() ||
          v.as<model::List>() || v.as<model::Map>() || v.as<model::BlockRef>() ||
          v.as<model::Deferred>()) {
        continue;
      }
      std::string folded;
      if (const auto* q = v.as<model::Quantity>(); q && q->dimension == model::Dimension::Cpu) {
        folded = fmt::format("{}", static_cast<long long>(q->amount)); // CPU units, as AWS has them
      } else {
        folded = model::ecl_text(v);
      }
      std::string_view written = std::string_view(text).substr(r.begin, r.end - r.begin);
      if (folded == written || v.as<model::EnumMember>() || v.as<bool>()) {
        continue; // nothing to add to what is written
      }
      out.push_back({{"position", to_json(a.lines(file).position(r.end))},
                     {"label", "= " + folded},
                     {"kind", 1 /* type */},
                     {"paddingLeft", true}});
    }
  }
  std::sort(out.begin(), out.end(), [](const json& x, const json& y) {
    return std::pair{x["position"]["line"].get<int>(), x["position"]["character"].get<int>()} <
           std::pair{y["position"]["line"].get<int>(), y["position"]["character"].get<int>()};
  });
  return out;
}

namespace {

// The parameters of a builtin's signature as [begin, end) offsets into it:
// "cidrsubnet(prefix: cidr, newbits: int, netnum: int) -> cidr" gives `prefix: cidr`, ….
std::vector<std::pair<std::uint32_t, std::uint32_t>> parameters(std::string_view signature) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  auto open = signature.find('(');
  auto close = signature.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close <= open + 1) {
    return out;
  }
  std::size_t start = open + 1;
  for (std::size_t i = start; i <= close; ++i) {
    if (i == close || signature[i] == ',') {
      out.emplace_back(static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i));
      start = i + 2; // past ", "
    }
  }
  return out;
}

std::string builtin_markdown(const check::Builtin& b) {
  return fmt::format("```ecl\n{}\n```\n{}", b.signature, b.doc);
}

} // namespace

json builtin_hover(const Analysis& a, FileId file, std::uint32_t offset) {
  const std::string& text = a.sources().file(file).text();
  auto lexed = syntax::lex(text);
  if (!lexed) {
    return nullptr;
  }
  const std::vector<Token>& tokens = *lexed;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::Identifier || offset < t.begin || offset > t.end) {
      continue;
    }
    std::size_t next = i + 1;
    while (next < tokens.size() && !tokens[next].is_significant()) {
      ++next;
    }
    const check::Builtin* b = check::find_builtin(t.text);
    if (!b || next == tokens.size() || !tokens[next].is_punct("(")) {
      return nullptr;
    }
    return {{"contents", {{"kind", "markdown"}, {"value", builtin_markdown(*b)}}},
            {"range", range_json(a.lines(file), t.begin, t.end)}};
  }
  return nullptr;
}

json signature_help(const Analysis& a, FileId file, std::uint32_t offset) {
  const std::string& text = a.sources().file(file).text();
  auto lexed = syntax::lex(text);
  if (!lexed) {
    return nullptr;
  }
  // The open parentheses before the cursor, each with its comma count.
  struct Open {
    const Token* callee;
    std::uint32_t commas;
  };
  std::vector<Open> open;
  std::vector<bool> is_paren; // the bracket stack: true for `(`
  const Token* previous = nullptr;
  for (const Token& t : *lexed) {
    if (t.begin >= offset) {
      break;
    }
    if (!t.is_significant()) {
      continue;
    }
    if (t.is_punct("(")) {
      is_paren.push_back(true);
      open.push_back({previous && previous->kind == TokenKind::Identifier ? previous : nullptr, 0});
    } else if (t.is_punct("[") || t.is_punct("{")) {
      is_paren.push_back(false);
    } else if (t.is_punct(")") || t.is_punct("]") || t.is_punct("}")) {
      if (!is_paren.empty()) {
        if (is_paren.back() && !open.empty()) {
          open.pop_back();
        }
        is_paren.pop_back();
      }
    } else if (t.is_punct(",") && !is_paren.empty() && is_paren.back() && !open.empty()) {
      ++open.back().commas;
    }
    previous = &t;
  }
  if (open.empty() || !open.back().callee) {
    return nullptr;
  }
  const check::Builtin* b = check::find_builtin(open.back().callee->text);
  if (!b) {
    return nullptr;
  }
  json params = json::array();
  auto ranges = parameters(b->signature);
  for (auto [from, to] : ranges) {
    params.push_back({{"label", {from, to}}});
  }
  std::uint32_t active = open.back().commas;
  // A variadic last parameter (`lists: list...`) stays active past its position.
  if (!ranges.empty() && active >= ranges.size() &&
      b->signature.substr(ranges.back().first, ranges.back().second - ranges.back().first)
              .find("...") != std::string_view::npos) {
    active = static_cast<std::uint32_t>(ranges.size() - 1);
  }
  return {{"signatures",
           {{{"label", b->signature},
             {"documentation", {{"kind", "markdown"}, {"value", std::string(b->doc)}}},
             {"parameters", params}}}},
          {"activeSignature", 0},
          {"activeParameter", active}};
}

} // namespace ecl::lsp
