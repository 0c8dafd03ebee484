// How the parser reports syntax errors (private to compiler/syntax). ANTLR's recovery stays (an
// editor wants every error of a file), but its wording does not: each report is rewritten into
// words a person understands, naming what was expected from the rule being parsed ("expected `=`
// after attribute name `cidr`, found `\"10.0.0.0/16\"`") and never ANTLR's token names.
#pragma once

#include "compiler/syntax/error_sink.h"
#include "compiler/syntax/token_table.h"

#include <antlr4-runtime.h>
#include <memory>
#include <string>

namespace ecl::syntax {

// Thrown out of the parser once the error budget is spent (E0017): ends the parse of the file.
struct StopParsing {};

// DefaultErrorStrategy's recovery with our messages, reported as E0009 through the sink.
std::shared_ptr<antlr4::ANTLRErrorStrategy> error_strategy(const TokenTable& tokens,
                                                           ErrorSink& sink);

// How a token is shown in a message: "`}`", "`cidr`", "end of file".
std::string describe_token(const TokenTable& tokens, const antlr4::Token* token);

} // namespace ecl::syntax
