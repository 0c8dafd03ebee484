// Literals: numbers with their units, and strings with escapes and interpolations.
#include "compiler/syntax/decode.h"
#include "compiler/syntax/limits.h"
#include "compiler/syntax/transformer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace ecl::syntax {
namespace {

constexpr std::array<std::string_view, 7> kUnits = {"MiB", "GiB", "vcpu", "ms", "s", "m", "h"};

bool same_ignoring_case(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

std::string unit_suggestion(std::string_view unit) {
  for (std::string_view known : kUnits) {
    if (same_ignoring_case(unit, known)) {
      return std::string(known);
    }
  }
  return nearest(unit, std::span<const std::string_view>(kUnits));
}

} // namespace

// `512MiB`: the digits (with an optional fraction), then a unit glued on.
Transformer::Built Transformer::transformNumber(std::size_t index) {
  Range whole = tokens_.range(index);
  std::string_view written = tokens_.text(index);
  std::size_t length = 0;
  while (length < written.size() && written[length] >= '0' && written[length] <= '9') {
    ++length;
  }
  bool is_integer = true;
  if (length + 1 < written.size() && written[length] == '.' && written[length + 1] >= '0' &&
      written[length + 1] <= '9') {
    is_integer = false;
    ++length;
    while (length < written.size() && written[length] >= '0' && written[length] <= '9') {
      ++length;
    }
  }
  std::string_view digits = written.substr(0, length);
  std::string_view unit = written.substr(length);
  Range digits_range{whole.file, whole.begin, whole.begin + static_cast<std::uint32_t>(length)};
  if (!unit.empty() && std::find(kUnits.begin(), kUnits.end(), unit) == kUnits.end()) {
    std::string suggestion = unit_suggestion(unit);
    Range unit_range{whole.file, digits_range.end, whole.end};
    if (Diagnostic* d =
            sink_.report(Diag::UnknownUnit, unit_range, std::string(unit),
                         suggestion.empty() ? std::string()
                                            : fmt::format(" (did you mean `{}`?)", suggestion))) {
      d->fix(unit_range, suggestion);
    }
    return error(whole);
  }
  ast::Number number;
  number.is_integer = is_integer;
  number.set_unit(unit);
  if (is_integer) {
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number.integer);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
      sink_.report(Diag::NumberOutOfRange, digits_range, std::string(digits));
      return error(whole);
    }
    number.value = static_cast<double>(number.integer);
  } else {
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number.value);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
      sink_.report(Diag::NumberOutOfRange, digits_range, std::string(digits));
      return error(whole);
    }
  }
  return make(whole, std::move(number), 0, whole);
}

// `"api"`, or `"${env}-api"` as STRING_HEAD expr (STRING_MID expr)* STRING_TAIL: text pieces
// decode their escapes (unknown ones were reported by the lexer); each interpolation's part
// covers its `${` … `}`.
Transformer::Built Transformer::transformStringLit(P::StringLitContext* ctx) {
  Range whole = range(ctx);
  if (ctx->exception != nullptr) {
    return error(whole);
  }
  if (ctx->children.size() == 1) {
    auto* terminal = Transformer::terminal(ctx->children[0]);
    if (real(terminal) && terminal->getSymbol()->getType() == Tok::STRING) {
      return transformPlainString(terminal->getSymbol()->getTokenIndex());
    }
  }
  StringBuilder string;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    auto* terminal = Transformer::terminal(child);
    if (auto* inner = terminal == nullptr ? rule<P::ExprContext>(child, P::RuleExpr) : nullptr) {
      string.pending = transformExpr(inner);
      string.depth = std::max(string.depth, string.pending.depth);
    } else if (real(terminal) && is_string_piece(terminal->getSymbol()->getType())) {
      stringPiece(string, terminal->getSymbol()->getTokenIndex());
    }
  }
  return finishString(string, whole);
}

void Transformer::stringPiece(StringBuilder& string, std::size_t index) {
  const std::uint32_t type = tokens_[index].type;
  Range at = tokens_.range(index);
  if (string.pending.expr != nullptr) { // this piece starts with the `}` closing an interpolation
    ast::StringPart part;
    part.expr = std::move(string.pending.expr);
    part.range = Range{at.file, string.pending_begin, at.begin + 1};
    string.parts.push_back(std::move(part));
  }
  std::string_view body = string_body(type, tokens_.text(index));
  if (!body.empty()) {
    ast::StringPart part;
    part.set_text(decoded(body));
    part.range =
        Range{at.file, at.begin + 1, at.begin + 1 + static_cast<std::uint32_t>(body.size())};
    string.parts.push_back(std::move(part));
  }
  if (type == Tok::STRING_HEAD || type == Tok::STRING_MID) {
    string.pending_begin = at.end - 2;
  }
}

Transformer::Built Transformer::finishString(StringBuilder& string, Range whole) {
  if (string.pending.expr != nullptr) {
    return error(whole); // an interpolation without its `}`: the parser has reported it
  }
  std::size_t bytes = 0;
  for (const ast::StringPart& part : string.parts) {
    bytes += part.text().size();
  }
  if (bytes > limits::kMaxStringBytes) {
    sink_.report(Diag::StringTooLong, whole, bytes, limits::kMaxStringBytes);
    return error(whole);
  }
  return make(whole, ast::String{arena_.array(string.parts)}, string.depth, whole);
}

Transformer::Built Transformer::transformPlainString(std::size_t index) {
  Range whole = tokens_.range(index);
  ast::String node;
  std::string_view body = string_body(Tok::STRING, tokens_.text(index));
  if (!body.empty()) {
    // One part, straight into the arena.
    auto* part = arena_.make<ast::StringPart>();
    part->set_text(decoded(body));
    part->range = Range{whole.file, whole.begin + 1,
                        whole.begin + 1 + static_cast<std::uint32_t>(body.size())};
    node.parts = std::span<ast::StringPart>(part, 1);
  }
  std::size_t bytes = node.parts.empty() ? 0 : node.parts[0].text().size();
  if (bytes > limits::kMaxStringBytes) {
    sink_.report(Diag::StringTooLong, whole, bytes, limits::kMaxStringBytes);
    return error(whole);
  }
  return make(whole, std::move(node), 0, whole);
}

std::string_view Transformer::decoded(std::string_view body) {
  if (body.find('\\') == std::string_view::npos) {
    return body; // nothing to decode: the source's text as it is
  }
  return arena_.copy(decode_escapes(body, nullptr));
}

std::optional<std::string_view> Transformer::plainString(P::StringLitContext* ctx) {
  if (ctx->exception != nullptr || ctx->children.size() != 1) {
    return std::nullopt;
  }
  auto* terminal = Transformer::terminal(ctx->children[0]);
  if (!real(terminal)) {
    return std::nullopt;
  }
  auto type = static_cast<std::uint32_t>(terminal->getSymbol()->getType());
  if (type != Tok::STRING && type != Tok::UNTERMINATED_STRING) {
    return std::nullopt;
  }
  return decoded(string_body(type, tokens_.text(terminal->getSymbol())));
}

} // namespace ecl::syntax
