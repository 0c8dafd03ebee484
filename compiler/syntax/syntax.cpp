// parse_file: the syntax layer's pipeline, one stage per line.
//
//   bytes -> (size, UTF-8) -> code points -> tokens -> (pre-pass) -> parse tree -> AST
//
// Each stage reports into the same ErrorSink (one error per position, E0017 after
// limits::kMaxErrorsPerFile) and a stage that cannot help stops the pipeline: invalid UTF-8 is not
// lexed, unbalanced or too deeply nested brackets are not parsed.
#include "compiler/syntax/syntax.h"

#include "compiler/syntax/decode.h"
#include "compiler/syntax/error_sink.h"
#include "compiler/syntax/lexer.h"
#include "compiler/syntax/limits.h"
#include "compiler/syntax/parse_errors.h"
#include "compiler/syntax/prepass.h"
#include "compiler/syntax/transformer.h"

#include <EclParser.h>

namespace ecl::syntax {
namespace {

ast::File empty_file(FileId id) {
  ast::File file;
  file.file = id;
  return file;
}

// Parses the buffered tokens: SLL prediction first (fast, enough for almost every input), and
// only if that fails the full LL prediction with error recovery and our messages. Throws
// StopParsing when the error budget runs out.
ecl_gen::EclParser::ProgramContext* parse_tokens(ecl_gen::EclParser& parser,
                                                 antlr4::CommonTokenStream& stream,
                                                 const TokenTable& tokens, ErrorSink& sink,
                                                 ErrorListener& listener) {
  auto* interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  parser.removeErrorListeners();
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  try {
    return parser.program();
  } catch (const antlr4::ParseCancellationException&) {
    // Not necessarily an error: SLL may fail where LL succeeds. Parse again, properly.
  }
  stream.seek(0);
  parser.reset();
  parser.addErrorListener(&listener);
  parser.setErrorHandler(std::make_shared<ErrorStrategy>(tokens, sink));
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
  return parser.program();
}

ast::File parse_checked(const SourceFile& source, FileId id, ErrorSink& sink,
                        std::u32string code_points) {
  // Lex everything up front: the pre-pass needs all tokens before the parser may start.
  CodePointStream input(std::move(code_points));
  Lexer lexer(&input);
  ErrorListener listener(nullptr, source, sink);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  antlr4::CommonTokenStream stream(&lexer);
  stream.fill();
  TokenTable tokens(source, id, stream.getTokens());
  listener.set_tokens(&tokens);

  if (!scan_tokens(tokens, sink)) {
    return empty_file(id);
  }

  // The parser owns the parse tree; both go away when this function returns.
  ecl_gen::EclParser parser(&stream);
  ecl_gen::EclParser::ProgramContext* tree = parse_tokens(parser, stream, tokens, sink, listener);
  return Transformer(tokens, sink).transformProgram(tree);
}

} // namespace

ast::File parse_file(const SourceManager& sources, FileId id, Diagnostics& diags) {
  const SourceFile& source = sources.file(id);
  const std::string& text = source.text();
  if (text.size() > limits::kMaxFileBytes) {
    diags.report(Diag::FileTooLarge, Range{id, 0, 0}, text.size(), limits::kMaxFileBytes);
    return empty_file(id);
  }
  std::optional<std::u32string> code_points = decode_utf8(text, id, diags);
  if (!code_points) {
    return empty_file(id);
  }
  ErrorSink sink(diags, id);
  try {
    return parse_checked(source, id, sink, std::move(*code_points));
  } catch (const StopParsing&) {
    // E0017 is reported; what was parsed so far is dropped with the parse tree.
  } catch (...) {
    // The ANTLR runtime failed in a way it should not: say so plainly rather than crash.
    sink.report(Diag::SyntaxError, Range{id, 0, 0},
                std::string("the parser stopped on an internal error; this is a bug in eclc"));
  }
  return empty_file(id);
}

} // namespace ecl::syntax
