// parse_file: the syntax layer's pipeline, one stage per line.
//
//   bytes -> (size) -> tokens (lex_for_parser: UTF-8 and structure checked) -> parse -> AST
//
// Each stage reports into one ErrorSink (one error per position, E0017 after
// limits::kMaxErrorsPerFile), and a stage that cannot help stops the pipeline: invalid UTF-8 gives
// no tokens, unbalanced or too deeply nested brackets are not parsed.
//
// Parsing is ANTLR's usual two stages: SLL prediction without recovery (BailErrorStrategy throws at
// the first problem), and only when that fails (a syntax error, or the rare input SLL cannot
// predict) the whole file again with full LL, recovery and our messages (parse_errors.h). The
// first stage's reports are then dropped, so a file with a syntax error gets exactly the second
// stage's diagnostics. Both read the fast lexer's tokens through token_stream.h.
//
// The first stage is not one call of the grammar's `program` rule, for time and memory. `eclc
// check` of 1M-line programs (bench/generate.py), CPU seconds (best of 3) and peak RSS, 2026-12-07:
//
//                                          services          small-blocks
//   FastParser below                       0.91 s   439 MB   1.24 s    687 MB
//   the same, no hand-read assignments     2.07 s   439 MB   3.91 s    687 MB
//   `item` by item, nothing hand-read      2.98 s   507 MB   6.88 s  2,208 MB
//   `program` at once                      3.43 s 1,124 MB   6.34 s  2,212 MB
//
// So FastParser goes a top-level item at a time and a block a body item at a time, transforms each
// piece at once and frees its parse tree (a whole-file tree is several times the AST), and reads
// block heads and ends and `name = value` with a simple value itself (the grammar takes five rule
// contexts and five predictions for each name in a value). SLL prediction does not depend on the
// rule invocation stack, so a piece parses as it would inside the whole file's tree; SyntaxPaths
// (tests/unit/syntax_test.cpp) compares the two stages on every .ecl file of the repository.
#include "compiler/syntax/syntax.h"

#include "compiler/syntax/error_sink.h"
#include "compiler/syntax/fast_lexer.h"
#include "compiler/syntax/limits.h"
#include "compiler/syntax/parse_errors.h"
#include "compiler/syntax/token_stream.h"
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

// The first stage: SLL, no recovery, piece by piece (see the top of the file). Throws
// antlr4::ParseCancellationException where it cannot go on.
class FastParser {
public:
  FastParser(const TokenTable& table, Transformer& transformer)
      : table_(table), transformer_(transformer), parser_(nullptr), pos_(table.skip_hidden(0)) {
    parser_.removeErrorListeners();
    parser_.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    parser_.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::SLL);
  }

  // Parses every item of the file into `file`.
  void run(ast::File& file) {
    while (type(pos_) != kEofType) {
      if (type(pos_) == Tok::IDENT) { // only a block starts with an identifier
        ast::BlockPtr block = parse_block(0);
        if (block != nullptr) {
          file.blocks.push_back(std::move(block));
        }
      } else if (simple_assignment(true)) {
        transformer_.transformSimpleItem(simple_, file);
        pos_ = next_index(simple_.back());
      } else {
        parse_piece(&P::item,
                    [&](P::ItemContext* item) { transformer_.transformItem(item, file); });
      }
    }
  }

private:
  // Parses the piece at pos_ with the grammar's rule `rule` over a token stream of its own, hands
  // the tree to `use`, frees tree and tokens, and moves pos_ past the piece.
  template <typename Rule, typename Use>
  void parse_piece(Rule rule, Use use) {
    TableTokenSource source(table_, pos_);
    TableTokenStream stream(source);
    parser_.setTokenStream(&stream);
    struct Detach { // frees the tree, which points at the tokens, before the stream goes
      P& parser;
      ~Detach() { parser.setTokenStream(nullptr); }
    } detach{parser_};
    use((parser_.*rule)());
    pos_ = stream.LT(1)->getTokenIndex(); // table indexes (TableToken)
  }

  // Blocks nest at most limits::kMaxNesting deep (the lexer checked), so this may recurse.
  // The body collects into the scratch lists of its depth, which keep their capacity from block
  // to block; the block gets them at their exact size, in the arena, at its `}`.
  ast::BlockPtr parse_block(std::size_t depth) {
    if (!simple_block_head()) {
      throw antlr4::ParseCancellationException(); // not a block: the second stage reports it
    }
    ast::BlockPtr block = transformer_.transformBlockHead(simple_);
    if (scratch_.size() <= depth) {
      scratch_.resize(depth + 1); // scratch_[depth] is empty: finishBlock() emptied it
    }
    pos_ = next_index(next_index(simple_.back())); // past the `{`
    while (type(pos_) != Tok::RBRACE) {
      // `kind {` or `kind name {` starts a nested block; anything else is an attribute, or an
      // error bodyItem() reports by throwing. (A nested block may grow scratch_: no reference to
      // an entry is held across one.)
      if (simple_assignment(false)) {
        transformer_.transformSimpleAttribute(simple_, scratch_[depth]);
        pos_ = next_index(simple_.back());
      } else if (type(pos_) == Tok::IDENT &&
                 (type(next_index(pos_)) == Tok::IDENT || type(next_index(pos_)) == Tok::LBRACE)) {
        ast::BlockPtr nested = parse_block(depth + 1);
        if (nested != nullptr) {
          scratch_[depth].blocks.push_back(std::move(nested));
        }
      } else {
        parse_piece(&P::bodyItem, [&](P::BodyItemContext* item) {
          transformer_.transformBodyItem(item, scratch_[depth]);
        });
      }
    }
    std::size_t close = pos_;
    pos_ = next_index(pos_);
    return transformer_.finishBlock(std::move(block), scratch_[depth], close);
  }

  // The grammar's `block : IDENT IDENT? LBRACE bodyItem* RBRACE`: its head (`kind {` or
  // `kind name {`) and its end need no prediction. Fills simple_ with the table indexes of the one
  // or two IDENTs; false for any other shape (a syntax error).
  bool simple_block_head() {
    simple_.clear();
    std::size_t i = pos_;
    for (int n = 0; n < 2 && type(i) == Tok::IDENT; ++n) {
      simple_.push_back(i);
      i = next_index(i);
    }
    return !simple_.empty() && type(i) == Tok::LBRACE;
  }

  // Most attributes are `name = value` with a simple value: `cidr = "10.0.0.0/16"`,
  // `public = true`, `subnets = [main.private_a, main.private_b]`, `environment = { A = "a" }`.
  // FastParser builds these itself, and may only where the grammar would parse exactly that shape:
  //   attribute := IDENT `=` value, then IDENT or `}` (the next body item, or the block's end)
  //   value     := path | `[` (value (`,` value)* `,`?)? `]`
  //              | `{` (key `=` value (`,` key `=` value)* `,`?)? `}`
  //   key       := IDENT | STRING
  //   path      := (NUMBER | STRING | `true` | `false` | IDENT | string) (`.` IDENT)*
  //   string    := STRING_HEAD value (STRING_MID value)* STRING_TAIL
  // where what follows a value (`,`, `]` or `}` in a list or object, STRING_MID or STRING_TAIL in
  // a string, else IDENT or `}`) cannot continue an expression: no operator, `?`, `.`, `[` or `(`
  // (which would make the name a call). Fills simple_ with the table indexes of the attribute's
  // default-channel tokens; false for anything else, which goes through bodyItem().
  //
  // With `item`, the same for `let` and `output` items (`let name = value`, the keyword first in
  // simple_), which a million-`let` file would otherwise send through the parser one by one:
  // then what follows the value is what can start the next item (`let`, `param`, `output`, a
  // block's IDENT) or the end of the file; anything else goes through item().
  bool simple_assignment(bool item) {
    simple_.clear();
    std::size_t i = pos_;
    if (item) {
      if (type(i) != Tok::KW_LET && type(i) != Tok::KW_OUTPUT) {
        return false;
      }
      take(i);
    }
    if (type(i) != Tok::IDENT || type(next_index(i)) != Tok::ASSIGN) {
      return false;
    }
    take(i);
    take(i);
    if (!simple_value(i)) {
      return false;
    }
    if (item) {
      return type(i) == kEofType ||
             TokenSet{Tok::IDENT, Tok::KW_LET, Tok::KW_PARAM, Tok::KW_OUTPUT}.has(type(i));
    }
    return type(i) == Tok::IDENT || type(i) == Tok::RBRACE;
  }

  // simple_assignment's `value` at `i`, its tokens into simple_; `i` moves past it. Brackets nest
  // at most limits::kMaxNesting deep (the lexer checked), so this may recurse.
  bool simple_value(std::size_t& i) {
    const std::uint32_t open = type(i);
    if (open == Tok::LBRACKET || open == Tok::LBRACE) {
      const std::uint32_t close = open == Tok::LBRACKET ? Tok::RBRACKET : Tok::RBRACE;
      take(i);
      while (type(i) != close) {
        if (open == Tok::LBRACE) { // an entry's key and `=`
          if ((type(i) != Tok::IDENT && type(i) != Tok::STRING) ||
              type(next_index(i)) != Tok::ASSIGN) {
            return false;
          }
          take(i);
          take(i);
        }
        if (!simple_value(i)) {
          return false;
        }
        if (type(i) == Tok::COMMA) {
          take(i);
        } else if (type(i) != close) {
          return false;
        }
      }
      take(i);
      return true;
    }
    if (open == Tok::STRING_HEAD) { // `"a${value}b${value}c"`
      do {
        take(i);
        if (!simple_value(i)) {
          return false;
        }
      } while (type(i) == Tok::STRING_MID);
      if (type(i) != Tok::STRING_TAIL) {
        return false;
      }
    } else if (!Transformer::is_one_token_value(open)) {
      return false;
    }
    take(i);
    while (type(i) == Tok::DOT) {
      take(i);
      if (type(i) != Tok::IDENT) {
        return false;
      }
      take(i);
    }
    return true;
  }

  // Adds the token at `i` to simple_ and moves `i` to the next default-channel token.
  void take(std::size_t& i) {
    simple_.push_back(i);
    i = next_index(i);
  }

  std::uint32_t type(std::size_t i) const { return table_[i].type; }
  // The table index of the first default-channel token after `i` (the parser sees no other).
  std::size_t next_index(std::size_t i) const { return table_.skip_hidden(i + 1); }

  const TokenTable& table_;
  Transformer& transformer_;
  P parser_;
  std::size_t pos_;                        // the table index of the next default-channel token
  std::vector<std::size_t> simple_;        // tokens of the current block head or simple attribute
  std::vector<Transformer::Body> scratch_; // the body being read at each depth of blocks
};

// The second stage: the whole file, full LL prediction with error recovery and our messages, one
// parse tree for the file. Throws StopParsing when the error budget runs out.
void parse_carefully(const TokenTable& table, ErrorSink& sink, ast::File& file) {
  TableTokenSource source(table, 0);
  TableTokenStream stream(source);
  P parser(&stream);
  parser.removeErrorListeners(); // the error strategy reports every error itself
  parser.setErrorHandler(error_strategy(table, sink));
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::LL);
  Transformer(table, sink, *file.arena).transformProgram(parser.program(), file);
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

// Which of the two stages parse_file may take.
enum class Path { Both, FastOnly, CarefulOnly };

// nullopt when `path` is FastOnly and the first stage failed.
std::optional<ast::File> parse_path(const SourceManager& sources, FileId id, Diagnostics& diags,
                                    Path path) {
  const SourceFile& source = sources.file(id);
  const std::string& text = source.text();
  if (text.size() > limits::kMaxFileBytes) {
    diags.report(Diag::FileTooLarge, Range{id, 0, 0}, text.size(), limits::kMaxFileBytes);
    return empty_file(id);
  }
  ErrorSink sink(diags);
  bool parseable = false;
  std::optional<std::vector<TokenInfo>> tokens = lex_for_parser(text, id, sink, parseable);
  if (!tokens || !parseable) {
    return empty_file(id); // not UTF-8 (E0001), or not structured so that it may be parsed
  }
  TokenTable table(source, id, std::move(*tokens));
  sink.mark();
  try {
    if (path != Path::CarefulOnly) {
      ast::File file = empty_file(id);
      reserve_items(table, file);
      Transformer transformer(table, sink, *file.arena);
      try {
        FastParser(table, transformer).run(file);
        return file;
      } catch (const antlr4::ParseCancellationException&) {
        // Not necessarily an error: SLL may fail where LL succeeds. Forget the first stage.
        sink.restart();
      }
      if (path == Path::FastOnly) {
        return std::nullopt;
      }
    }
    ast::File file = empty_file(id);
    parse_carefully(table, sink, file);
    return file;
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
