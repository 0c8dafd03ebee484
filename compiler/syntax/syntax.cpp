// parse_file: the syntax layer's pipeline, one stage per line.
//
//   bytes -> (size) -> tokens (fast_lex: UTF-8 checked) -> (pre-pass) -> parse tree, item by item
//   -> AST
//
// Each stage reports into the same ErrorSink (one error per position, E0017 after
// limits::kMaxErrorsPerFile) and a stage that cannot help stops the pipeline: invalid UTF-8 gives
// no tokens, unbalanced or too deeply nested brackets are not parsed.
//
// Parsing has two paths. The fast one (almost every real file) parses with SLL prediction and no
// error recovery, one top-level item at a time and a block one body item at a time, transforms
// each piece to AST at once and frees its parse tree: a million-line file never has more than one
// item's tree alive. When that fails anywhere (a syntax error, or the rare input SLL cannot
// predict), everything it built and reported is thrown away and the whole file is parsed again
// the careful way: full LL prediction, error recovery and our messages, one tree for the file.
// The goldens' diagnostics all come from that second path, so they do not depend on the first.
#include "compiler/syntax/syntax.h"

#include "compiler/syntax/error_sink.h"
#include "compiler/syntax/fast_lexer.h"
#include "compiler/syntax/limits.h"
#include "compiler/syntax/parse_errors.h"
#include "compiler/syntax/prepass.h"
#include "compiler/syntax/token_stream.h"
#include "compiler/syntax/token_table.h"
#include "compiler/syntax/transformer.h"

#include <EclParser.h>

namespace ecl::syntax {
namespace {

using P = ecl_gen::EclParser;

ast::File empty_file(FileId id) {
  ast::File file;
  file.file = id;
  return file;
}

// Every token of one file, lexed up front by fast_lex (the pre-pass needs all of them before the
// parser starts), and the stream the parser reads them from, which makes ANTLR's token objects
// only for the part being parsed.
class LexedFile {
public:
  LexedFile(const SourceFile& source, FileId id, std::vector<TokenInfo> tokens, ErrorSink& sink)
      : table_(source, id, std::move(tokens)), listener_(table_, source, sink), stream_(table_) {}

  const TokenTable& table() const { return table_; }
  ErrorListener& listener() { return listener_; }
  TableTokenStream& stream() { return stream_; }
  // The fast path is done with every token before `index` (and has freed their parse trees).
  void release_before(std::size_t index) { stream_.release_before(index); }
  // Back to the first token, for the careful parse.
  antlr4::TokenStream& restart() {
    stream_.seek(0);
    return stream_;
  }

private:
  TokenTable table_;
  ErrorListener listener_;
  TableTokenStream stream_;
};

// The fast path: SLL prediction, no recovery (BailErrorStrategy throws
// ParseCancellationException at the first problem), the file driven item by item through the
// grammar's entry rules: `item` for params, lets and outputs; for a block, its head, then
// `bodyItem` or a nested block for each body item, then its closing `}`. SLL prediction does not
// depend on the rule invocation stack, so each piece parses as it would inside the whole file's
// tree. The commonest pieces need no prediction at all and skip the parser: block heads and ends
// (simple_block_head), and attributes, `let`s and outputs with a simple value
// (simple_assignment). With no Transformer
// it only parses. tests/unit/syntax_test.cpp (SyntaxPaths) checks the result against the careful
// path on every .ecl file of the repository.
class ChunkedParser {
public:
  ChunkedParser(P& parser, LexedFile& lexed, Transformer* transformer)
      : parser_(parser), lexed_(lexed), transformer_(transformer) {
    parser_.removeErrorListeners();
    parser_.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    parser_.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::SLL);
  }

  // Parses every item into `file` (when there is a Transformer); returns the number of items.
  // Throws ParseCancellationException where SLL without recovery cannot go on.
  std::size_t run(ast::File& file) {
    std::size_t items = 0;
    while (la(1) != antlr4::Token::EOF) {
      if (la(1) == Tok::IDENT) { // only a block starts with an identifier
        ast::BlockPtr block = parse_block(0);
        if (block != nullptr) {
          file.blocks.push_back(std::move(block));
        }
      } else if (simple_assignment(simple_, true)) {
        if (transformer_ != nullptr) {
          transformer_->transformSimpleItem(simple_, file);
        }
        consume(simple_.size());
        release();
      } else {
        P::ItemContext* item = parser_.item();
        if (transformer_ != nullptr) {
          transformer_->transformItem(item, file);
        }
        release();
      }
      ++items;
    }
    return items;
  }

private:
  // The parser reads the same stream: what the fast path consumes itself, the parser does not see.
  std::size_t la(std::ptrdiff_t i) { return lexed_.stream().LA(i); }

  // Frees every parse tree built so far (the Transformer has copied what it needs) and the tokens
  // behind the parser.
  void release() {
    parser_.getTreeTracker().reset();
    lexed_.release_before(lexed_.stream().index());
  }

  // Most attributes are `name = value` with a simple value: `cidr = "10.0.0.0/16"`,
  // `public = true`, `subnets = [main.private_a, main.private_b]`. The grammar parses a value
  // through expr > binary > unary > postfix > primary, five rule contexts and five predictions for
  // each name in it, so the fast path builds these itself, and may only where the grammar would
  // parse exactly that shape:
  //   attribute := IDENT `=` value, then IDENT or `}` (the next body item, or the block's end)
  //   value     := path | `[` (path (`,` path)* `,`?)? `]`
  //   path      := NUMBER | STRING | `true` | `false` | IDENT, then (`.` IDENT)*
  // where what follows a path (`,` or `]` in a list, else IDENT or `}`) cannot continue an
  // expression: no operator, `?`, `[` or `(` (which would make the name a call). Fills `tokens`
  // with the table indexes of the attribute's default-channel tokens; false for anything else,
  // which goes through bodyItem().
  //
  // With `item`, the same for `let` and `output` items (`let name = value`, the keyword first in
  // `tokens`), which a million-`let` file would otherwise send through the parser one by one:
  // then what follows the value is what can start the next item (`let`, `param`, `output`, a
  // block's IDENT) or the end of the file; anything else goes through item().
  bool simple_assignment(std::vector<std::size_t>& tokens, bool item) {
    tokens.clear();
    const TokenTable& table = lexed_.table();
    std::size_t i = lt1_index();
    auto type = [&] { return table[i].type; };
    auto next = [&] {
      tokens.push_back(i);
      i = next_index(i);
    };
    auto path = [&] {
      if (!Transformer::is_one_token_value(type())) {
        return false;
      }
      next();
      while (type() == Tok::DOT) {
        next();
        if (type() != Tok::IDENT) {
          return false;
        }
        next();
      }
      return true;
    };
    if (item) {
      if (type() != Tok::KW_LET && type() != Tok::KW_OUTPUT) {
        return false;
      }
      next();
    }
    if (type() != Tok::IDENT) {
      return false;
    }
    next();
    if (type() != Tok::ASSIGN) {
      return false;
    }
    next();
    if (type() == Tok::LBRACKET) {
      next();
      while (type() != Tok::RBRACKET) {
        if (!path()) {
          return false;
        }
        if (type() == Tok::COMMA) {
          next();
        } else if (type() != Tok::RBRACKET) {
          return false;
        }
      }
      next();
    } else if (!path()) {
      return false;
    }
    if (item) {
      return type() == Tok::IDENT || type() == Tok::KW_LET || type() == Tok::KW_PARAM ||
             type() == Tok::KW_OUTPUT || type() == kEofType;
    }
    return type() == Tok::IDENT || type() == Tok::RBRACE;
  }

  // The grammar's `block : IDENT IDENT? LBRACE bodyItem* RBRACE`: its head (`kind {` or
  // `kind name {`) and its end need no prediction, so the fast path reads them itself and only
  // the body items that are not simple attributes go through the parser. Fills `names` with the
  // table indexes of the one or two IDENTs; false for any other shape (a syntax error).
  bool simple_block_head(std::vector<std::size_t>& names) {
    names.clear();
    std::size_t i = lt1_index();
    const TokenTable& table = lexed_.table();
    for (int n = 0; n < 2 && table[i].type == Tok::IDENT; ++n) {
      names.push_back(i);
      i = next_index(i);
    }
    return !names.empty() && table[i].type == Tok::LBRACE;
  }

  // The table index of LT(1), past any hidden token.
  std::size_t lt1_index() const {
    std::size_t i = lexed_.stream().index();
    return skip_hidden(i);
  }
  std::size_t next_index(std::size_t i) const { return skip_hidden(i + 1); }
  std::size_t skip_hidden(std::size_t i) const {
    const TokenTable& table = lexed_.table();
    while (i + 1 < table.size() && table[i].channel != antlr4::Token::DEFAULT_CHANNEL) {
      ++i;
    }
    return i;
  }
  void consume(std::size_t tokens) {
    for (std::size_t n = 0; n < tokens; ++n) {
      lexed_.stream().consume();
    }
  }

  // Blocks nest at most limits::kMaxNesting deep (the pre-pass checked), so this may recurse.
  // The body collects into the scratch lists of its depth, which keep their capacity from block
  // to block; the block gets them at their exact size, in the arena, at its `}`.
  ast::BlockPtr parse_block(std::size_t depth) {
    if (!simple_block_head(simple_)) {
      throw antlr4::ParseCancellationException(); // not a block: the careful path reports it
    }
    ast::BlockPtr block;
    if (transformer_ != nullptr) {
      block = transformer_->transformBlockHead(simple_);
      if (scratch_.size() <= depth) {
        scratch_.resize(depth + 1); // scratch_[depth] is empty: finishBlock() emptied it
      }
    }
    consume(simple_.size() + 1);
    while (la(1) != Tok::RBRACE) {
      // `kind {` or `kind name {` starts a nested block; anything else is an attribute, or an
      // error bodyItem() reports by throwing. (A nested block may grow scratch_: no reference to
      // an entry is held across one.)
      if (simple_assignment(simple_, false)) {
        if (block != nullptr) {
          transformer_->transformSimpleAttribute(simple_, scratch_[depth]);
        }
        consume(simple_.size());
      } else if (la(1) == Tok::IDENT && (la(2) == Tok::IDENT || la(2) == Tok::LBRACE)) {
        ast::BlockPtr nested = parse_block(depth + 1);
        if (block != nullptr && nested != nullptr) {
          scratch_[depth].blocks.push_back(std::move(nested));
        }
      } else {
        P::BodyItemContext* item = parser_.bodyItem();
        if (block != nullptr) {
          transformer_->transformBodyItem(item, scratch_[depth]);
        }
        release();
      }
    }
    std::size_t close = lt1_index(); // the `}` the loop stopped at
    consume(1);
    if (block != nullptr) {
      block = transformer_->finishBlock(std::move(block), scratch_[depth], close);
    }
    release();
    return block;
  }

  P& parser_;
  LexedFile& lexed_;
  Transformer* transformer_;
  std::vector<std::size_t> simple_;        // tokens of the current block head or simple attribute
  std::vector<Transformer::Body> scratch_; // the body being read at each depth of blocks
};

// The careful path: full LL prediction with error recovery and our messages, one parse tree for
// the whole file (the parser owns it). Throws StopParsing when the error budget runs out.
P::ProgramContext* parse_whole(P& parser, LexedFile& lexed, ErrorSink& sink) {
  parser.addErrorListener(&lexed.listener());
  parser.setErrorHandler(std::make_shared<ErrorStrategy>(lexed.table(), sink));
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::LL);
  return parser.program();
}

// Room for every param, let and output of the file, counted by their keywords (which start an
// item and nothing else): a file of millions of `let`s would otherwise hold its list at up to
// twice its size, and three times while the list is copied to grow.
void reserve_items(const TokenTable& table, ast::File& file) {
  std::size_t params = 0, lets = 0, outputs = 0;
  for (std::size_t i = 0; i < table.size(); ++i) {
    const std::uint32_t type = table[i].type;
    params += type == Tok::KW_PARAM;
    lets += type == Tok::KW_LET;
    outputs += type == Tok::KW_OUTPUT;
  }
  file.params.reserve(params);
  file.lets.reserve(lets);
  file.outputs.reserve(outputs);
}

// Which of the two parsing paths parse_file may take.
enum class Path { Both, FastOnly, CarefulOnly };

// nullopt when `path` is FastOnly and the fast path failed.
std::optional<ast::File> parse_checked(const SourceFile& source, FileId id, ErrorSink& sink,
                                       std::vector<TokenInfo> tokens, Path path) {
  LexedFile lexed(source, id, std::move(tokens), sink);
  if (!scan_tokens(lexed.table(), sink)) {
    return empty_file(id);
  }

  if (path != Path::CarefulOnly) {
    P parser(&lexed.stream());
    ast::File file = empty_file(id);
    Transformer transformer(lexed.table(), sink, *file.arena);
    reserve_items(lexed.table(), file);
    sink.begin_tentative();
    try {
      ChunkedParser(parser, lexed, &transformer).run(file);
      sink.commit();
      return file;
    } catch (const antlr4::ParseCancellationException&) {
      // Not necessarily an error: SLL may fail where LL succeeds. Parse again, properly.
      sink.rollback();
    }
    if (path == Path::FastOnly) {
      return std::nullopt;
    }
  }
  P parser(&lexed.restart());
  P::ProgramContext* tree = parse_whole(parser, lexed, sink);
  ast::File file = empty_file(id);
  Transformer(lexed.table(), sink, *file.arena).transformProgram(tree, file);
  return file;
}

std::optional<ast::File> parse_path(const SourceManager& sources, FileId id, Diagnostics& diags,
                                    Path path) {
  const SourceFile& source = sources.file(id);
  const std::string& text = source.text();
  if (text.size() > limits::kMaxFileBytes) {
    diags.report(Diag::FileTooLarge, Range{id, 0, 0}, text.size(), limits::kMaxFileBytes);
    return empty_file(id);
  }
  std::optional<std::vector<TokenInfo>> tokens = fast_lex(text, id, diags);
  if (!tokens) {
    return empty_file(id); // not UTF-8: E0001 is reported
  }
  split_unterminated_strings(*tokens, text);
  ErrorSink sink(diags, id);
  try {
    return parse_checked(source, id, sink, std::move(*tokens), path);
  } catch (const StopParsing&) {
    // E0017 is reported; what was parsed so far is dropped with the parse tree.
  } catch (...) {
    // The ANTLR runtime failed in a way it should not: say so plainly rather than crash.
    sink.report(Diag::SyntaxError, Range{id, 0, 0},
                std::string("the parser stopped on an internal error; this is a bug in eclc"));
  }
  return empty_file(id);
}

} // namespace

ast::File parse_file(const SourceManager& sources, FileId id, Diagnostics& diags) {
  return std::move(*parse_path(sources, id, diags, Path::Both));
}

std::optional<ast::File> parse_file_fast_path(const SourceManager& sources, FileId id,
                                              Diagnostics& diags) {
  return parse_path(sources, id, diags, Path::FastOnly);
}

ast::File parse_file_careful_path(const SourceManager& sources, FileId id, Diagnostics& diags) {
  return std::move(*parse_path(sources, id, diags, Path::CarefulOnly));
}

} // namespace ecl::syntax
