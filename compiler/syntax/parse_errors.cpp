#include "compiler/syntax/parse_errors.h"

#include <EclParser.h>
#include <algorithm>
#include <fmt/format.h>

namespace ecl::syntax {
namespace {

using P = ecl_gen::EclParser;
using antlr4::Token;

// How a token type reads in a message: "an identifier", "`{`", "end of file".
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
  case Tok::STRING_MID:
  case Tok::STRING_TAIL:
  case Tok::UNTERMINATED_TAIL:
    return "`}`"; // the rest of the token is the string's text
  default:
    break;
  }
  std::string literal = grammar().getVocabulary().getLiteralName(type); // `'{'`, or empty
  if (literal.empty()) {
    return "another token";
  }
  return fmt::format("`{}`", literal.substr(1, literal.size() - 2));
}

// The tokens that may start an expression, as the grammar says.
bool starts_expression(std::size_t type) {
  static const antlr4::misc::IntervalSet& first =
      grammar().getATN().nextTokens(grammar().getATN().ruleToStartState[P::RuleExpr]);
  return first.contains(type);
}

// Tokens that may continue a complete expression. Listing them after every expression ("expected
// `+`, `-`, `*`, …") helps nobody, so they are left out when anything else was possible.
bool continues_expression(std::size_t type) {
  constexpr TokenSet kContinuing{Tok::STAR,     Tok::SLASH, Tok::PERCENT, Tok::PLUS,     Tok::MINUS,
                                 Tok::LT,       Tok::LE,    Tok::GT,      Tok::GE,       Tok::EQ,
                                 Tok::NE,       Tok::AND,   Tok::OR,      Tok::QUESTION, Tok::DOT,
                                 Tok::LBRACKET, Tok::LPAREN};
  return kContinuing.has(type);
}

// IntervalSet::contains is overloaded for both signednesses, which the Tok:: enum makes ambiguous.
bool has(const antlr4::misc::IntervalSet& set, std::size_t type) {
  return set.contains(type);
}

// "an expression", "`,` or `]`", "`=`": what the expected set means to a reader.
std::string describe_expected(const antlr4::misc::IntervalSet& types) {
  bool expression = has(types, Tok::NUMBER) && has(types, Tok::STRING) && has(types, Tok::LPAREN);
  std::vector<std::size_t> listed; // what is named one by one
  for (ssize_t t : types.toList()) {
    if (!(expression && starts_expression(t))) {
      listed.push_back(static_cast<std::size_t>(t)); // -1 is Token::EOF
    }
  }
  bool other = !std::all_of(listed.begin(), listed.end(), continues_expression);
  std::vector<std::string> phrases;
  if (expression) {
    phrases.emplace_back("an expression");
  }
  for (std::size_t t : listed) {
    std::string phrase = token_phrase(t);
    if (!(continues_expression(t) && (expression || other)) &&
        std::find(phrases.begin(), phrases.end(), phrase) == phrases.end()) {
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
  std::string out = phrases[0];
  for (std::size_t i = 1; i < phrases.size(); ++i) {
    out += (i + 1 == phrases.size() ? " or " : ", ") + phrases[i];
  }
  return out;
}

// What may start an item at the top level, as messages say it.
constexpr const char* kTopLevelItems = "`param`, `let`, `output` or a block";

// Brackets, braces, interpolation delimiters and the end of file: what recovery must not touch.
bool is_structural(std::size_t type) {
  constexpr TokenSet kStructural{
      Tok::LPAREN, Tok::RPAREN,      Tok::LBRACKET,   Tok::RBRACKET,    Tok::LBRACE,
      Tok::RBRACE, Tok::STRING_HEAD, Tok::STRING_MID, Tok::STRING_TAIL, Tok::UNTERMINATED_TAIL};
  return type == Token::EOF || kStructural.has(type);
}

// The text of a token the parser matched; empty for one recovery conjured or skipped.
std::string matched_text(const TokenTable& tokens, antlr4::tree::ParseTree* node) {
  auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(node);
  if (terminal == nullptr || dynamic_cast<antlr4::tree::ErrorNode*>(node) != nullptr) {
    return "";
  }
  return std::string(tokens.text(terminal->getSymbol()));
}

// True when no line break lies between byte offsets `from` and `to`.
bool same_line(std::string_view source, std::uint32_t from, std::uint32_t to) {
  return source.substr(from, to - from).find('\n') == std::string_view::npos;
}

class MessageBuilder {
public:
  MessageBuilder(const TokenTable& tokens, antlr4::Parser* parser, const Token* found)
      : tokens_(tokens), parser_(parser),
        found_(found != nullptr ? found : parser->getCurrentToken()),
        expected_(parser->getExpectedTokens()), found_text_(describe_token(tokens, found_)) {}

  std::string build(bool unwanted) {
    if (std::string special = contextual(unwanted); !special.empty()) {
      return special;
    }
    std::string expected = describe_expected(expected_);
    if (unwanted && found_->getType() != Token::EOF) {
      return fmt::format("unexpected {}; expected {}{}", found_text_, expected, separator_hint());
    }
    return fmt::format("expected {}, found {}{}", expected, found_text_, separator_hint());
  }

  // A body item that is neither `name = value` nor `kind name? {`: `start` is its first token.
  std::string body_item(const Token* start) {
    std::size_t second = tokens_.skip_hidden(start->getTokenIndex() + 1);
    if (found_->getTokenIndex() <= second) {
      return attribute(std::string(tokens_.text(start)));
    }
    return fmt::format("expected `{{` after `{} {}`, found {}", tokens_.text(start),
                       tokens_.text(second), found_text_);
  }

  // `[1,,2]`: after a separator, another item or the end was expected.
  std::string after_comma() {
    char closer = enclosing(/*stop_at_expression=*/false);
    if (closer == 0) {
      return build(/*unwanted=*/false);
    }
    return fmt::format("expected {} or `{}` after `,`, found {}",
                       closer == '}' ? "an object entry" : "an expression", closer, found_text_);
  }

private:
  // True when `type` is all the parser expected.
  bool expects_only(std::size_t type) const {
    return expected_.size() == 1 && has(expected_, type);
  }

  std::string attribute(const std::string& name) const {
    return fmt::format("expected `=` after attribute name `{}`, found {}", name, found_text_);
  }

  // Messages for the places people most often go wrong, worded from the rule being parsed.
  std::string contextual(bool unwanted) {
    antlr4::ParserRuleContext* ctx = parser_->getContext();
    if (ctx == nullptr) {
      return "";
    }
    switch (ctx->getRuleIndex()) {
    case P::RuleProgram:
    case P::RuleItem:
      if (unwanted) {
        return fmt::format("unexpected {}; expected {}", found_text_, kTopLevelItems);
      }
      return fmt::format("expected {}, found {}", kTopLevelItems, found_text_);
    case P::RuleBlock:
      return block(static_cast<P::BlockContext*>(ctx), unwanted);
    case P::RuleParamDecl:
      return declaration("param", static_cast<P::ParamDeclContext*>(ctx)->IDENT(), Tok::COLON);
    case P::RuleLetDecl:
      return declaration("let", static_cast<P::LetDeclContext*>(ctx)->IDENT(), Tok::ASSIGN);
    case P::RuleOutputDecl:
      return declaration("output", static_cast<P::OutputDeclContext*>(ctx)->IDENT(), Tok::ASSIGN);
    case P::RuleAttribute:
      if (expects_only(Tok::ASSIGN)) {
        return attribute(matched_text(tokens_, static_cast<P::AttributeContext*>(ctx)->IDENT()));
      }
      return "";
    case P::RulePostfixOp:
      if (expects_only(Tok::IDENT)) {
        // `cidr = 10.0.0.0/16` lexes as `10.0` `.` `0.0` `/` `16`.
        const char* hint = found_->getType() == Tok::NUMBER
                               ? "; write addresses and CIDRs as strings: `\"10.0.0.0/16\"`"
                               : "";
        return fmt::format("expected a name after `.`, found {}{}", found_text_, hint);
      }
      return "";
    case P::RulePrimary:
      if (dynamic_cast<P::ObjectExprContext*>(ctx) != nullptr && has(expected_, Tok::IDENT) &&
          has(expected_, Tok::STRING)) {
        return fmt::format("expected an object entry (`key = value`){}, found {}",
                           has(expected_, Tok::RBRACE) ? " or `}`" : "", found_text_);
      }
      return "";
    case P::RuleTypeRef:
      if (expects_only(Tok::IDENT)) {
        return fmt::format("expected a type, found {}", found_text_);
      }
      return "";
    case P::RuleObjectEntry:
      if (expects_only(Tok::ASSIGN)) {
        std::string key = matched_text(tokens_, static_cast<P::ObjectEntryContext*>(ctx)->IDENT());
        return key.empty() ? fmt::format("expected `=` after the key, found {}", found_text_)
                           : fmt::format("expected `=` after key `{}`, found {}", key, found_text_);
      }
      if (has(expected_, Tok::IDENT) && has(expected_, Tok::STRING)) {
        return fmt::format("expected an object key (an identifier or a string), found {}",
                           found_text_);
      }
      return "";
    default:
      return "";
    }
  }

  std::string block(P::BlockContext* ctx, bool unwanted) {
    std::string title; // the header's identifiers so far: the kind, then the name if any
    std::size_t words = 0;
    for (; words < 2 && words < ctx->children.size(); ++words) {
      auto* word = dynamic_cast<antlr4::tree::TerminalNode*>(ctx->children[words]);
      std::string text = matched_text(tokens_, word);
      if (text.empty() || word->getSymbol()->getType() != Tok::IDENT) {
        break;
      }
      title += (words == 0 ? "" : " ") + text;
    }
    if (has(expected_, Tok::RBRACE)) {
      // In the body: an attribute, a nested block or the end of this block.
      const char* what = "an attribute, a nested block or `}`";
      if (unwanted) {
        // `subnets = a, b`: an attribute holds one value, and a list is one.
        const char* hint =
            found_->getType() == Tok::COMMA
                ? "; an attribute holds one value: write a list in brackets, `[a, b]`"
                : "";
        return fmt::format("unexpected {} in block `{}`; expected {}{}", found_text_, title, what,
                           hint);
      }
      return fmt::format("expected {} to close block `{}`, found {}", what, title, found_text_);
    }
    if (!has(expected_, Tok::LBRACE)) {
      return "";
    }
    std::string hint;
    if (dynamic_cast<P::ItemContext*>(ctx->parent) != nullptr && words == 1 &&
        found_->getType() == Tok::ASSIGN) {
      hint = "; attributes belong inside a block, and top-level values use `let`";
    }
    return fmt::format("expected {}`{{` after `{}`, found {}{}",
                       has(expected_, Tok::IDENT) ? "a name or " : "", title, found_text_, hint);
  }

  std::string declaration(const char* keyword, antlr4::tree::TerminalNode* name,
                          std::size_t separator) {
    std::string name_text = matched_text(tokens_, name);
    if (name_text.empty()) {
      return expects_only(Tok::IDENT)
                 ? fmt::format("expected a name after `{}`, found {}", keyword, found_text_)
                 : "";
    }
    if (!expects_only(separator)) {
      return "";
    }
    if (separator == Tok::COLON) {
      return fmt::format("expected `:` and a type after param name `{}`, found {}", name_text,
                         found_text_);
    }
    return fmt::format("expected `=` after `{} {}`, found {}", keyword, name_text, found_text_);
  }

  // Lists, call arguments and objects separate their entries with commas.
  std::string separator_hint() const {
    if (!has(expected_, Tok::COMMA) || !starts_expression(found_->getType())) {
      return "";
    }
    switch (enclosing(/*stop_at_expression=*/true)) { // in a nested expression: not its business
    case '}':
      return "; separate object entries with `,`";
    case ']':
      return "; separate list items with `,`";
    case ')':
      return "; separate arguments with `,`";
    default:
      return "";
    }
  }

  // The closer of the innermost list (`]`), call (`)`) or object (`}`) being parsed; 0 when there
  // is none, or when `stop_at_expression` and an expression inside it comes first.
  char enclosing(bool stop_at_expression) const {
    for (antlr4::RuleContext* ctx = parser_->getContext(); ctx != nullptr;
         ctx = dynamic_cast<antlr4::RuleContext*>(ctx->parent)) {
      if (dynamic_cast<P::ListExprContext*>(ctx) != nullptr) {
        return ']';
      }
      if (dynamic_cast<P::CallExprContext*>(ctx) != nullptr) {
        return ')';
      }
      if (dynamic_cast<P::ObjectExprContext*>(ctx) != nullptr) {
        return '}';
      }
      if (stop_at_expression && dynamic_cast<P::ExprContext*>(ctx) != nullptr) {
        return 0;
      }
    }
    return 0;
  }

  const TokenTable& tokens_;
  antlr4::Parser* parser_;
  const Token* found_;
  antlr4::misc::IntervalSet expected_;
  std::string found_text_;
};

// Tokens matched after an error before the next error is worth reporting. ANTLR resumes after
// one, which lets a broken block header (`vpc main cidr`) report again at the very next token.
constexpr std::size_t kMatchesToRecover = 3;

// DefaultErrorStrategy's recovery with our messages, reported as E0009 through the sink.
class ErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  ErrorStrategy(const TokenTable& tokens, ErrorSink& sink) : tokens_(tokens), sink_(sink) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].channel == kErrorChannel) {
        unexpected_.push_back(tokens[i].begin);
      }
    }
  }

  void reportMatch(antlr4::Parser* parser) override { // counts matched tokens: see report()
    ++matched_since_error_;
    DefaultErrorStrategy::reportMatch(parser);
  }

private:
  void report(const Token* at, const std::string& message) {
    // One mistake, one error: an error close behind the previous one, or on the same line, is its
    // echo (recovery resumes inside the broken line and reads its rest as new items).
    Range range = tokens_.range(at);
    std::string_view source = tokens_.source();
    // The lexer found the braces balanced: a `}` at the top level after an earlier error is one
    // that error's repair left over (it closed a block early); the top-level message tells the
    // place.
    const bool leftover_brace = reported_ && at->getType() == Tok::RBRACE &&
                                message.find(kTopLevelItems) != std::string::npos;
    bool echo =
        leftover_brace || (reported_ && range.begin < swallowed_until_) ||
        (reported_ &&
         (matched_since_error_ < kMatchesToRecover ||
          (last_reported_ <= range.begin && same_line(source, last_reported_, range.begin))));
    matched_since_error_ = 0;
    if (echo) {
      return;
    }
    reported_ = true;
    last_reported_ = range.begin;
    if (TokenTable::is_real(at) && at->getType() == Tok::ASSIGN) {
      // The value after an unexpected `=`: an object or list is skipped whole by its errors.
      std::size_t index = tokens_.skip_hidden(at->getTokenIndex() + 1);
      if (tokens_[index].type == Tok::LBRACE || tokens_[index].type == Tok::LBRACKET) {
        for (int depth = 0; index < tokens_.size(); ++index) {
          const std::uint32_t type = tokens_[index].type;
          depth += int{TokenSet{Tok::LBRACE, Tok::LBRACKET}.has(type)} -
                   int{TokenSet{Tok::RBRACE, Tok::RBRACKET}.has(type)};
          if (depth == 0) {
            swallowed_until_ = tokens_[index].end;
            break;
          }
        }
      }
    }
    // A block head that a line break ends (`protocol tcp` without its `=`) is reported there, not
    // at the first token of the next line.
    if (TokenTable::is_real(at) && message.starts_with("expected `{` after")) {
      std::size_t index = at->getTokenIndex();
      while (index > 0 && tokens_[index - 1].channel != antlr4::Token::DEFAULT_CHANNEL) {
        --index;
      }
      if (index > 0 && tokens_[index - 1].end <= range.begin &&
          !same_line(source, tokens_[index - 1].end, range.begin)) {
        range = tokens_.range(index - 1);
      }
    }
    // Earlier on the same line, a character the parser never saw (`a & b`): its E0002 already
    // explains whatever goes wrong after it.
    auto before = std::lower_bound(unexpected_.begin(), unexpected_.end(), range.begin);
    if (before != unexpected_.begin() && same_line(source, *(before - 1), range.begin)) {
      return;
    }
    sink_.report(Diag::SyntaxError, range, message);
    if (sink_.stopped()) {
      throw StopParsing{};
    }
  }

  void reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) override {
    if (inErrorRecoveryMode(parser)) {
      return; // DefaultErrorStrategy's rule: nothing matched since the last error
    }
    beginErrorCondition(parser);
    Token* found = e.getOffendingToken();
    MessageBuilder builder(tokens_, parser, found);
    auto* no_viable = dynamic_cast<const antlr4::NoViableAltException*>(&e);
    Token* start = no_viable != nullptr ? no_viable->getStartToken() : nullptr;
    const bool past_start = TokenTable::is_real(start) && found != start;
    if (past_start && start->getType() == Tok::IDENT &&
        parser->getContext()->getRuleIndex() == P::RuleBodyItem) {
      report(found, builder.body_item(start));
    } else if (past_start && start->getType() == Tok::COMMA) {
      report(found, builder.after_comma());
    } else {
      report(found, builder.build(/*unwanted=*/false));
    }
  }

  void reportUnwantedToken(antlr4::Parser* parser) override {
    report_current(parser, /*unwanted=*/true);
  }

  void reportMissingToken(antlr4::Parser* parser) override {
    report_current(parser, /*unwanted=*/false);
  }

  void report_current(antlr4::Parser* parser, bool unwanted) {
    if (inErrorRecoveryMode(parser)) {
      return;
    }
    beginErrorCondition(parser);
    Token* found = parser->getCurrentToken();
    report(found, MessageBuilder(tokens_, parser, found).build(unwanted));
  }

  // The lexer guarantees balanced brackets, so recovery never deletes or conjures one (nor
  // deletes the end of file): that would unbalance everything after it.
  Token* singleTokenDeletion(antlr4::Parser* parser) override {
    std::size_t next = parser->getInputStream()->LA(1);
    // A keyword starts the next item: deleting it would swallow that item too.
    if (is_structural(next) || TokenSet{Tok::KW_PARAM, Tok::KW_LET, Tok::KW_OUTPUT}.has(next)) {
      return nullptr;
    }
    return DefaultErrorStrategy::singleTokenDeletion(parser);
  }

  bool singleTokenInsertion(antlr4::Parser* parser) override {
    antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
    if (expected.isEmpty() || is_structural(static_cast<std::size_t>(expected.getMinElement()))) {
      return false;
    }
    return DefaultErrorStrategy::singleTokenInsertion(parser);
  }

  const TokenTable& tokens_;
  ErrorSink& sink_;
  std::vector<std::uint32_t> unexpected_; // byte offsets of characters the parser never saw
  bool reported_ = false;
  std::uint32_t last_reported_ = 0; // where the last reported error starts
  // Where the object or list ends that an unexpected `=` assigned (`port = <deleted>` then
  // `health_check = { … }`): recovery reads its entries as block items, each error an echo.
  std::uint32_t swallowed_until_ = 0;
  std::size_t matched_since_error_ = 0;
};

} // namespace

std::string describe_token(const TokenTable& tokens, const Token* token) {
  if (token == nullptr) {
    return "end of file";
  }
  std::string_view text = tokens.text(token);
  // The end of file, a token recovery conjured, and the `}` that resumes a string (whose text is
  // the string's) show as their kind.
  if (text.empty() || text.front() == '}') {
    return token_phrase(token->getType());
  }
  // Long strings and identifiers are cut, on a character boundary.
  constexpr std::size_t kMaxShown = 32;
  if (text.size() <= kMaxShown) {
    return fmt::format("`{}`", text);
  }
  std::size_t cut = kMaxShown - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return fmt::format("`{}…`", text.substr(0, cut));
}

std::shared_ptr<antlr4::ANTLRErrorStrategy> error_strategy(const TokenTable& tokens,
                                                           ErrorSink& sink) {
  return std::make_shared<ErrorStrategy>(tokens, sink);
}

} // namespace ecl::syntax
