#include "compiler/syntax/parse_errors.h"

#include <EclParser.h>
#include <algorithm>
#include <fmt/format.h>

namespace ecl::syntax {
namespace {

using P = ecl_gen::EclParser;
using antlr4::Token;

// The written form of punctuation and keywords; nullptr for tokens that have no fixed text.
const char* token_literal(std::size_t type) {
  switch (type) {
  case Tok::KW_PARAM:
    return "param";
  case Tok::KW_LET:
    return "let";
  case Tok::KW_OUTPUT:
    return "output";
  case Tok::KW_TRUE:
    return "true";
  case Tok::KW_FALSE:
    return "false";
  case Tok::LBRACE:
    return "{";
  case Tok::RBRACE:
  case Tok::STRING_MID:
  case Tok::STRING_TAIL:
  case Tok::UNTERMINATED_TAIL:
    return "}";
  case Tok::LBRACKET:
    return "[";
  case Tok::RBRACKET:
    return "]";
  case Tok::LPAREN:
    return "(";
  case Tok::RPAREN:
    return ")";
  case Tok::COMMA:
    return ",";
  case Tok::DOT:
    return ".";
  case Tok::COLON:
    return ":";
  case Tok::QUESTION:
    return "?";
  case Tok::EQ:
    return "==";
  case Tok::NE:
    return "!=";
  case Tok::LE:
    return "<=";
  case Tok::GE:
    return ">=";
  case Tok::LT:
    return "<";
  case Tok::GT:
    return ">";
  case Tok::AND:
    return "&&";
  case Tok::OR:
    return "||";
  case Tok::ASSIGN:
    return "=";
  case Tok::NOT:
    return "!";
  case Tok::PLUS:
    return "+";
  case Tok::MINUS:
    return "-";
  case Tok::STAR:
    return "*";
  case Tok::SLASH:
    return "/";
  case Tok::PERCENT:
    return "%";
  default:
    return nullptr;
  }
}

// How a token type reads in a list of what was expected.
std::string token_phrase(std::size_t type) {
  switch (type) {
  case Token::EOF:
    return "end of file";
  case Tok::IDENT:
    return "an identifier";
  case Tok::NUMBER:
    return "a number";
  case Tok::STRING:
  case Tok::STRING_HEAD:
  case Tok::UNTERMINATED_STRING:
    return "a string";
  default:
    break;
  }
  if (const char* literal = token_literal(type)) {
    return fmt::format("`{}`", literal);
  }
  return "another token";
}

bool starts_expression(std::size_t type) {
  switch (type) {
  case Tok::NUMBER:
  case Tok::KW_TRUE:
  case Tok::KW_FALSE:
  case Tok::STRING:
  case Tok::STRING_HEAD:
  case Tok::UNTERMINATED_STRING:
  case Tok::IDENT:
  case Tok::LPAREN:
  case Tok::LBRACKET:
  case Tok::LBRACE:
  case Tok::MINUS:
  case Tok::NOT:
    return true;
  default:
    return false;
  }
}

// Tokens that may continue a complete expression. Listing them after every expression ("expected
// `+`, `-`, `*`, …") helps nobody, so they are left out when anything else was possible.
bool continues_expression(std::size_t type) {
  switch (type) {
  case Tok::STAR:
  case Tok::SLASH:
  case Tok::PERCENT:
  case Tok::PLUS:
  case Tok::MINUS:
  case Tok::LT:
  case Tok::LE:
  case Tok::GT:
  case Tok::GE:
  case Tok::EQ:
  case Tok::NE:
  case Tok::AND:
  case Tok::OR:
  case Tok::QUESTION:
  case Tok::DOT:
  case Tok::LBRACKET:
  case Tok::LPAREN:
    return true;
  default:
    return false;
  }
}

std::string join_alternatives(const std::vector<std::string>& phrases) {
  std::string out;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (i > 0) {
      out += i + 1 == phrases.size() ? " or " : ", ";
    }
    out += phrases[i];
  }
  return out;
}

std::vector<std::size_t> token_types(const antlr4::misc::IntervalSet& set) {
  std::vector<std::size_t> types;
  for (ssize_t t : set.toList()) {
    types.push_back(t < 0 ? Token::EOF : static_cast<std::size_t>(t));
  }
  return types;
}

bool has(const std::vector<std::size_t>& types, std::size_t type) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

// "an expression", "`,` or `]`", "`=`": what the expected set means to a reader.
std::string describe_expected(const std::vector<std::size_t>& types) {
  bool expression = has(types, Tok::NUMBER) && has(types, Tok::STRING) && has(types, Tok::LPAREN);
  bool other = std::any_of(types.begin(), types.end(), [&](std::size_t t) {
    return !continues_expression(t) && !(expression && starts_expression(t));
  });
  std::vector<std::string> phrases;
  if (expression) {
    phrases.emplace_back("an expression");
  }
  for (std::size_t t : types) {
    if ((expression && starts_expression(t)) ||
        (continues_expression(t) && (expression || other))) {
      continue;
    }
    std::string phrase = token_phrase(t);
    if (std::find(phrases.begin(), phrases.end(), phrase) == phrases.end()) {
      phrases.push_back(std::move(phrase));
    }
  }
  if (phrases.empty()) {
    phrases.emplace_back("an operator");
  }
  // What closes the construct reads best last: "`,` or `]`".
  std::stable_partition(phrases.begin(), phrases.end(), [](const std::string& p) {
    return p != "`)`" && p != "`]`" && p != "`}`" && p != "end of file";
  });
  return join_alternatives(phrases);
}

// What may start an item at the top level, as messages say it.
constexpr const char* kTopLevelItems = "`param`, `let`, `output` or a block";

// Brackets, braces, interpolation delimiters and the end of file: what recovery must not touch.
bool is_structural(std::size_t type) {
  switch (type) {
  case Token::EOF:
  case Tok::LPAREN:
  case Tok::RPAREN:
  case Tok::LBRACKET:
  case Tok::RBRACKET:
  case Tok::LBRACE:
  case Tok::RBRACE:
  case Tok::STRING_HEAD:
  case Tok::STRING_MID:
  case Tok::STRING_TAIL:
  case Tok::UNTERMINATED_TAIL:
    return true;
  default:
    return false;
  }
}

bool is_error_node(antlr4::tree::ParseTree* node) {
  return dynamic_cast<antlr4::tree::ErrorNode*>(node) != nullptr;
}

// The identifiers a block header has matched so far: its kind, then its name if any.
std::vector<Token*> header_tokens(P::BlockContext* block) {
  std::vector<Token*> out;
  for (antlr4::tree::ParseTree* child : block->children) {
    auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child);
    if (terminal == nullptr || is_error_node(child) ||
        terminal->getSymbol()->getType() != Tok::IDENT || out.size() == 2) {
      break;
    }
    out.push_back(terminal->getSymbol());
  }
  return out;
}

// The index of the first token on the default channel after `index` (size() when none).
std::size_t next_default(const TokenTable& tokens, std::size_t index) {
  for (std::size_t i = index + 1; i < tokens.size(); ++i) {
    if (tokens[i].channel == Token::DEFAULT_CHANNEL) {
      return i;
    }
  }
  return tokens.size();
}

enum class Problem { Expected, Unwanted };

class MessageBuilder {
public:
  MessageBuilder(const TokenTable& tokens, antlr4::Parser* parser, const Token* found)
      : tokens_(tokens), parser_(parser),
        found_(found != nullptr ? found : parser->getCurrentToken()),
        expected_(token_types(parser->getExpectedTokens())) {}

  std::string build(Problem problem) {
    if (std::string special = contextual(problem); !special.empty()) {
      return special;
    }
    std::string hint = separator_hint();
    if (problem == Problem::Unwanted && found_->getType() != Token::EOF) {
      return fmt::format("unexpected {}; expected {}{}", found(), describe_expected(expected_),
                         hint);
    }
    return fmt::format("expected {}, found {}{}", describe_expected(expected_), found(), hint);
  }

  // A body item that is neither `name = value` nor `kind name? {`: `start` is its first token.
  std::string body_item(const Token* start) {
    std::size_t second = next_default(tokens_, start->getTokenIndex());
    std::string first_text(tokens_.text(start));
    if (found_->getTokenIndex() <= second || second >= tokens_.size()) {
      return fmt::format("expected `=` after attribute name `{}`, found {}", first_text, found());
    }
    return fmt::format("expected `{{` after `{} {}`, found {}", first_text, tokens_.text(second),
                       found());
  }

  // `[1,,2]`: after a separator, another item or the end was expected.
  std::string after_comma() {
    const char* item = "an expression";
    const char* closer = nullptr;
    for (antlr4::RuleContext* ctx = parser_->getContext(); ctx != nullptr && closer == nullptr;
         ctx = dynamic_cast<antlr4::RuleContext*>(ctx->parent)) {
      if (dynamic_cast<P::ListExprContext*>(ctx) != nullptr) {
        closer = "]";
      } else if (dynamic_cast<P::CallExprContext*>(ctx) != nullptr) {
        closer = ")";
      } else if (dynamic_cast<P::ObjectExprContext*>(ctx) != nullptr) {
        item = "an object entry";
        closer = "}";
      }
    }
    if (closer == nullptr) {
      return build(Problem::Expected);
    }
    return fmt::format("expected {} or `{}` after `,`, found {}", item, closer, found());
  }

  std::string found() const { return describe_token(tokens_, found_); }

private:
  bool expects(std::size_t type) const { return has(expected_, type); }

  std::string name_of(antlr4::tree::TerminalNode* node) const {
    if (node == nullptr || is_error_node(node) || !TokenTable::is_real(node->getSymbol())) {
      return "";
    }
    return std::string(tokens_.text(node->getSymbol()));
  }

  // Messages for the places people most often go wrong, worded from the rule being parsed.
  std::string contextual(Problem problem) {
    antlr4::ParserRuleContext* ctx = parser_->getContext();
    if (ctx == nullptr) {
      return "";
    }
    switch (ctx->getRuleIndex()) {
    case P::RuleProgram:
    case P::RuleItem:
      return top_level(problem);
    case P::RuleBlock:
      return block(static_cast<P::BlockContext*>(ctx), problem);
    case P::RuleParamDecl:
      return declaration("param", static_cast<P::ParamDeclContext*>(ctx)->IDENT(), Tok::COLON);
    case P::RuleLetDecl:
      return declaration("let", static_cast<P::LetDeclContext*>(ctx)->IDENT(), Tok::ASSIGN);
    case P::RuleOutputDecl:
      return declaration("output", static_cast<P::OutputDeclContext*>(ctx)->IDENT(), Tok::ASSIGN);
    case P::RuleAttribute:
      if (expects(Tok::ASSIGN) && expected_.size() == 1) {
        return fmt::format("expected `=` after attribute name `{}`, found {}",
                           name_of(static_cast<P::AttributeContext*>(ctx)->IDENT()), found());
      }
      return "";
    case P::RulePostfixOp:
      if (expects(Tok::IDENT) && expected_.size() == 1) {
        // `cidr = 10.0.0.0/16` lexes as `10.0` `.` `0.0` `/` `16`.
        const char* hint = found_->getType() == Tok::NUMBER
                               ? "; write addresses and CIDRs as strings: `\"10.0.0.0/16\"`"
                               : "";
        return fmt::format("expected a name after `.`, found {}{}", found(), hint);
      }
      return "";
    case P::RulePrimary:
      if (dynamic_cast<P::ObjectExprContext*>(ctx) != nullptr && expects(Tok::IDENT) &&
          expects(Tok::STRING)) {
        return fmt::format("expected an object entry (`key = value`){}, found {}",
                           expects(Tok::RBRACE) ? " or `}`" : "", found());
      }
      return "";
    case P::RuleTypeRef:
      if (expects(Tok::IDENT) && expected_.size() == 1) {
        return fmt::format("expected a type, found {}", found());
      }
      return "";
    case P::RuleObjectEntry: {
      auto* entry = static_cast<P::ObjectEntryContext*>(ctx);
      if (expects(Tok::ASSIGN) && expected_.size() == 1) {
        std::string key = entry->IDENT() != nullptr ? name_of(entry->IDENT()) : "";
        return key.empty() ? fmt::format("expected `=` after the key, found {}", found())
                           : fmt::format("expected `=` after key `{}`, found {}", key, found());
      }
      if (expects(Tok::IDENT) && expects(Tok::STRING)) {
        return fmt::format("expected an object key (an identifier or a string), found {}", found());
      }
      return "";
    }
    default:
      return "";
    }
  }

  std::string top_level(Problem problem) {
    const char* what = kTopLevelItems;
    if (problem == Problem::Unwanted) {
      return fmt::format("unexpected {}; expected {}", found(), what);
    }
    return fmt::format("expected {}, found {}", what, found());
  }

  std::string block(P::BlockContext* ctx, Problem problem) {
    std::vector<Token*> header = header_tokens(ctx);
    std::string title;
    for (Token* t : header) {
      title += (title.empty() ? "" : " ") + std::string(tokens_.text(t));
    }
    if (expects(Tok::RBRACE)) {
      // In the body: an attribute, a nested block or the end of this block.
      const char* what = "an attribute, a nested block or `}`";
      if (problem == Problem::Unwanted) {
        return fmt::format("unexpected {} in block `{}`; expected {}", found(), title, what);
      }
      return fmt::format("expected {} to close block `{}`, found {}", what, title, found());
    }
    if (expects(Tok::LBRACE)) {
      bool top = dynamic_cast<P::ItemContext*>(ctx->parent) != nullptr;
      std::string hint;
      if (top && header.size() == 1 && found_->getType() == Tok::ASSIGN) {
        hint = "; attributes belong inside a block, and top-level values use `let`";
      }
      if (expects(Tok::IDENT)) {
        return fmt::format("expected a name or `{{` after `{}`, found {}{}", title, found(), hint);
      }
      return fmt::format("expected `{{` after `{}`, found {}{}", title, found(), hint);
    }
    return "";
  }

  std::string declaration(const char* keyword, antlr4::tree::TerminalNode* name,
                          std::size_t separator) {
    std::string name_text = name_of(name);
    if (expects(Tok::IDENT) && expected_.size() == 1 && name_text.empty()) {
      return fmt::format("expected a name after `{}`, found {}", keyword, found());
    }
    if (expects(separator) && expected_.size() == 1 && !name_text.empty()) {
      if (separator == Tok::COLON) {
        return fmt::format("expected `:` and a type after param name `{}`, found {}", name_text,
                           found());
      }
      return fmt::format("expected `=` after `{} {}`, found {}", keyword, name_text, found());
    }
    return "";
  }

  // Lists, call arguments and objects separate their entries with commas.
  std::string separator_hint() const {
    if (!expects(Tok::COMMA) || found_ == nullptr) {
      return "";
    }
    auto type = found_->getType();
    if (!starts_expression(type)) {
      return "";
    }
    for (antlr4::RuleContext* ctx = parser_->getContext(); ctx != nullptr;
         ctx = dynamic_cast<antlr4::RuleContext*>(ctx->parent)) {
      if (dynamic_cast<P::ObjectExprContext*>(ctx) != nullptr) {
        return "; separate object entries with `,`";
      }
      if (dynamic_cast<P::ListExprContext*>(ctx) != nullptr) {
        return "; separate list items with `,`";
      }
      if (dynamic_cast<P::CallExprContext*>(ctx) != nullptr) {
        return "; separate arguments with `,`";
      }
      if (dynamic_cast<P::ExprContext*>(ctx) != nullptr) {
        return ""; // inside a nested expression: not the separator's business
      }
    }
    return "";
  }

  const TokenTable& tokens_;
  antlr4::Parser* parser_;
  const Token* found_;
  std::vector<std::size_t> expected_;
};

} // namespace

std::string describe_token(const TokenTable& tokens, const Token* token) {
  if (token == nullptr || token->getType() == Token::EOF) {
    return "end of file";
  }
  switch (token->getType()) {
  case Tok::STRING_MID:
  case Tok::STRING_TAIL:
  case Tok::UNTERMINATED_TAIL:
    return "`}`"; // the rest of the token is the string's text
  default:
    break;
  }
  std::string_view text = tokens.text(token);
  if (text.empty()) {
    return token_phrase(token->getType());
  }
  // Long strings and identifiers are cut, on a character boundary.
  constexpr std::size_t kMaxShown = 32;
  std::string shown;
  if (text.size() > kMaxShown) {
    std::size_t cut = kMaxShown - 1;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    shown = std::string(text.substr(0, cut)) + "…";
  } else {
    shown = std::string(text);
  }
  return fmt::format("`{}`", shown);
}

// Tokens matched after an error before the next error is worth reporting. ANTLR resumes after
// one, which lets a broken block header (`vpc main cidr`) report again at the very next token.
constexpr std::size_t kMatchesToRecover = 3;

ErrorStrategy::ErrorStrategy(const TokenTable& tokens, ErrorSink& sink)
    : tokens_(tokens), sink_(sink) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].channel == kErrorChannel) {
      unexpected_.push_back(tokens[i].begin);
    }
  }
}

void ErrorStrategy::reportMatch(antlr4::Parser* parser) {
  ++matched_since_error_;
  DefaultErrorStrategy::reportMatch(parser);
}

void ErrorStrategy::report(const Token* at, const std::string& message) {
  // One mistake, one error: an error close behind the previous one, or on the same line, is its
  // echo (recovery resumes inside the broken line and reads its rest as new items).
  Range range = tokens_.range(at);
  std::string_view source = tokens_.source();
  // The pre-pass found the braces balanced: a `}` at the top level after an earlier error is one
  // that error's repair left over (it closed a block early). top_level()'s wording tells the place.
  const bool leftover_brace = reported_ && at->getType() == Tok::RBRACE &&
                              message.find(kTopLevelItems) != std::string::npos;
  bool echo =
      leftover_brace || (reported_ && range.begin < swallowed_until_) ||
      (reported_ && (matched_since_error_ < kMatchesToRecover ||
                     (last_reported_ <= range.begin &&
                      source.substr(last_reported_, range.begin - last_reported_).find('\n') ==
                          std::string_view::npos)));
  matched_since_error_ = 0;
  if (echo) {
    return;
  }
  reported_ = true;
  last_reported_ = range.begin;
  if (TokenTable::is_real(at) && at->getType() == Tok::ASSIGN) {
    // The value after an unexpected `=`: an object or list is skipped whole by its errors.
    std::size_t index = at->getTokenIndex() + 1;
    while (index < tokens_.size() && tokens_[index].channel != antlr4::Token::DEFAULT_CHANNEL) {
      ++index;
    }
    if (index < tokens_.size() &&
        (tokens_[index].type == Tok::LBRACE || tokens_[index].type == Tok::LBRACKET)) {
      int depth = 0;
      for (; index < tokens_.size(); ++index) {
        const std::uint32_t type = tokens_[index].type;
        depth += type == Tok::LBRACE || type == Tok::LBRACKET   ? 1
                 : type == Tok::RBRACE || type == Tok::RBRACKET ? -1
                                                                : 0;
        if (depth == 0) {
          swallowed_until_ = tokens_[index].end;
          break;
        }
      }
    }
  }
  // A block head that a line break ends (`protocol tcp` without its `=`) is reported there, not at
  // the first token of the next line.
  if (TokenTable::is_real(at) && message.starts_with("expected `{` after")) {
    std::size_t index = at->getTokenIndex();
    while (index > 0 && tokens_[index - 1].channel != antlr4::Token::DEFAULT_CHANNEL) {
      --index;
    }
    if (index > 0) {
      const TokenInfo& previous = tokens_[index - 1];
      if (previous.end <= range.begin &&
          source.substr(previous.end, range.begin - previous.end).find('\n') !=
              std::string_view::npos) {
        range = Range{range.file, previous.begin, previous.end};
      }
    }
  }
  // Earlier on the same line, a character the parser never saw (`a & b`): its E0002 already
  // explains whatever goes wrong after it.
  auto before = std::lower_bound(unexpected_.begin(), unexpected_.end(), range.begin);
  if (before != unexpected_.begin()) {
    std::uint32_t previous = *(before - 1);
    if (source.substr(previous, range.begin - previous).find('\n') == std::string_view::npos) {
      return;
    }
  }
  sink_.report(Diag::SyntaxError, range, message);
  if (sink_.stopped()) {
    throw StopParsing{};
  }
}

void ErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser,
                                              const antlr4::NoViableAltException& e) {
  Token* found = e.getOffendingToken();
  MessageBuilder builder(tokens_, parser, found);
  Token* start = e.getStartToken();
  antlr4::ParserRuleContext* ctx = parser->getContext();
  if (ctx != nullptr && ctx->getRuleIndex() == P::RuleBodyItem && TokenTable::is_real(start) &&
      start->getType() == Tok::IDENT && found != start) {
    report(found, builder.body_item(start));
    return;
  }
  if (TokenTable::is_real(start) && start->getType() == Tok::COMMA && found != start) {
    report(found, builder.after_comma());
    return;
  }
  report(found, builder.build(Problem::Expected));
}

void ErrorStrategy::reportInputMismatch(antlr4::Parser* parser,
                                        const antlr4::InputMismatchException& e) {
  report(e.getOffendingToken(),
         MessageBuilder(tokens_, parser, e.getOffendingToken()).build(Problem::Expected));
}

void ErrorStrategy::reportFailedPredicate(antlr4::Parser* parser,
                                          const antlr4::FailedPredicateException& e) {
  report(e.getOffendingToken(),
         MessageBuilder(tokens_, parser, e.getOffendingToken()).build(Problem::Expected));
}

void ErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) {
    return;
  }
  beginErrorCondition(parser);
  Token* found = parser->getCurrentToken();
  report(found, MessageBuilder(tokens_, parser, found).build(Problem::Unwanted));
}

void ErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) {
    return;
  }
  beginErrorCondition(parser);
  Token* found = parser->getCurrentToken();
  report(found, MessageBuilder(tokens_, parser, found).build(Problem::Expected));
}

Token* ErrorStrategy::singleTokenDeletion(antlr4::Parser* parser) {
  std::size_t next = parser->getInputStream()->LA(1);
  // A keyword starts the next item: deleting it would swallow that item too.
  if (is_structural(next) || next == Tok::KW_PARAM || next == Tok::KW_LET ||
      next == Tok::KW_OUTPUT) {
    return nullptr;
  }
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

bool ErrorStrategy::singleTokenInsertion(antlr4::Parser* parser) {
  antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
  if (expected.isEmpty() || is_structural(static_cast<std::size_t>(expected.getMinElement()))) {
    return false;
  }
  return DefaultErrorStrategy::singleTokenInsertion(parser);
}

void ErrorListener::syntaxError(antlr4::Recognizer* /*recognizer*/, antlr4::Token* offending,
                                size_t line, size_t column, const std::string& /*message*/,
                                std::exception_ptr /*e*/) {
  // ANTLR's own wording is never shown; only the place is used.
  if (offending != nullptr) {
    sink_.report(Diag::SyntaxError, tokens_.range(offending),
                 fmt::format("unexpected {}", describe_token(tokens_, offending)));
  } else {
    std::uint32_t offset = source_.offset_of(
        LineCol{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column + 1)});
    sink_.report(Diag::SyntaxError, Range{sink_.file(), offset, offset},
                 std::string("unexpected text"));
  }
  if (sink_.stopped()) {
    throw StopParsing{};
  }
}

} // namespace ecl::syntax
