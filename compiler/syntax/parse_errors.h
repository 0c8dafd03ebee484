// How the parser reports syntax errors (private to compiler/syntax). ANTLR's recovery stays (an
// editor wants every error of a file), but its wording does not: each report is rewritten into
// words a person understands, naming what was expected from the rule being parsed ("expected `=`
// after attribute name `cidr`, found `\"10.0.0.0/16\"`") and never ANTLR's token names.
#pragma once

#include "compiler/syntax/error_sink.h"
#include "compiler/syntax/token_table.h"

#include <antlr4-runtime.h>
#include <string>

namespace ecl::syntax {

// Thrown out of the parser once the error budget is spent (E0017): ends the parse of the file.
struct StopParsing {};

// DefaultErrorStrategy's recovery with our messages, reported as E0009 through the sink.
class ErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  ErrorStrategy(const TokenTable& tokens, ErrorSink& sink);

protected:
  // Counts matched tokens: see report().
  void reportMatch(antlr4::Parser* parser) override;
  void reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;
  // The pre-pass guarantees balanced brackets, so recovery never deletes or conjures one (nor
  // deletes the end of file): that would unbalance everything after it.
  antlr4::Token* singleTokenDeletion(antlr4::Parser* parser) override;
  bool singleTokenInsertion(antlr4::Parser* parser) override;

private:
  void report_current(antlr4::Parser* parser, bool unwanted);
  void report(const antlr4::Token* at, const std::string& message);

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

// How a token is shown in a message: "`}`", "`cidr`", "end of file".
std::string describe_token(const TokenTable& tokens, const antlr4::Token* token);

} // namespace ecl::syntax
