// The Transformer (private to compiler/syntax): ANTLR parse tree in, our AST out, one
// transform<Rule>() per grammar rule, split by area: items (transform_items.cpp), expressions
// (transform_expressions.cpp), literals (transform_literals.cpp). No *Context type leaves it.
//
// Every node and name gets a tight byte range. Subtrees the parser could not make sense of become
// ast::Error (or the item is dropped, when its name is missing); the parser has reported those.
// Left-deep operator chains are walked iteratively, and the AST it builds is at most
// limits::kMaxExpressionDepth deep (E0014 beyond), so later passes may recurse.
#pragma once

#include "compiler/syntax/ast.h"
#include "compiler/syntax/error_sink.h"
#include "compiler/syntax/token_table.h"

#include <EclParser.h>
#include <optional>
#include <span>
#include <typeinfo>

namespace ecl::syntax {

class Transformer {
public:
  // Nodes and decoded texts go to `arena`: the arena of the file they are for.
  Transformer(const TokenTable& tokens, ErrorSink& sink, ast::Arena& arena)
      : tokens_(tokens), sink_(sink), arena_(arena) {}

  // Fills `file`, whose arena the Transformer was given.
  void transformProgram(ecl_gen::EclParser::ProgramContext* ctx, ast::File& file);

  using P = ecl_gen::EclParser;

  // A block's body while it is read: the block gets its lists, moved into the arena at their
  // exact size, from finishBlock().
  struct Body {
    std::vector<ast::Attribute> attributes;
    std::vector<ast::BlockPtr> blocks;
  };

  // parse_file's first stage (FastParser in syntax.cpp) parses and transforms a file one item at
  // a time, and a block one body item at a time: transformBlockHead(), then
  // transformBodyItem() or a nested block for each body item, then finishBlock() at its `}`. The
  // result equals transformProgram()'s on the whole tree, diagnostics included.
  void transformItem(P::ItemContext* ctx, ast::File& file);
  // `kind {` or `kind name {`: `names` are the table indexes of the one or two IDENT tokens
  // (FastParser::simple_block_head checked the shape).
  ast::BlockPtr transformBlockHead(std::span<const std::size_t> names);
  void transformBodyItem(P::BodyItemContext* ctx, Body& body);
  // Gives `block` the items of `body` (which is left empty). Null when the block is beyond
  // limits::kMaxBlocksPerFile (E0023). `close`: the table index of its `}`.
  ast::BlockPtr finishBlock(ast::BlockPtr block, Body& body, std::size_t close);
  // `name = value` with a simple value (FastParser::simple_assignment in syntax.cpp says which).
  // `tokens` are the table indexes of its default-channel tokens, name to end of value, already
  // checked to have that shape. The fast path builds these without a parse tree; the result is
  // what transformBodyItem() builds from the attribute's tree.
  void transformSimpleAttribute(std::span<const std::size_t> tokens, Body& body);
  // The same for `let name = value` and `output name = value` (`tokens` from the keyword on):
  // what transformItem() builds from the item's tree.
  void transformSimpleItem(std::span<const std::size_t> tokens, ast::File& file);
  // NUMBER, STRING, `true`, `false`, or a name (a call when `(` follows).
  static bool is_one_token_value(std::uint32_t type);

private:
  // An expression under construction, with the depth of its tree (a leaf is 1).
  struct Built {
    ast::ExprPtr expr;
    std::size_t depth = 1;
  };

  // ---- items (transform_items.cpp)
  std::optional<ast::Param> transformParamDecl(P::ParamDeclContext* ctx);
  std::optional<ast::Let> transformLetDecl(P::LetDeclContext* ctx);
  std::optional<ast::Output> transformOutputDecl(P::OutputDeclContext* ctx);
  ast::BlockPtr transformBlock(P::BlockContext* ctx);
  // Counts a finished block (its body included); null beyond the limit.
  ast::BlockPtr countBlock(ast::BlockPtr block);
  void setBody(ast::Block& block, Body& body);
  std::optional<ast::Attribute> transformAttribute(P::AttributeContext* ctx);
  std::optional<ast::Type> transformTypeRef(P::TypeRefContext* ctx);

  // ---- expressions (transform_expressions.cpp)
  // The value of an item or attribute: a whole expression tree, bounded in depth.
  ast::ExprPtr transformValue(P::ExprContext* ctx, Range fallback);
  Built transformExpr(P::ExprContext* ctx);
  Built transformBinary(P::BinaryContext* ctx);
  Built transformUnary(P::UnaryContext* ctx);
  Built transformPostfix(P::PostfixContext* ctx);
  Built transformPostfixOp(P::PostfixOpContext* ctx, Built object);
  Built transformPrimary(P::PrimaryContext* ctx);
  std::optional<ast::ObjectEntry> transformObjectEntry(P::ObjectEntryContext* ctx,
                                                       std::size_t& depth);

  // ---- literals (transform_literals.cpp)
  Built transformNumber(std::size_t index);
  Built transformStringLit(P::StringLitContext* ctx);
  // A string with interpolations under construction: its parts, how deep their expressions are,
  // and the interpolation waiting for its closing `}` (at pending_begin, its `${`).
  struct StringBuilder {
    std::vector<ast::StringPart> parts;
    std::size_t depth = 0;
    Built pending;
    std::uint32_t pending_begin = 0;
  };
  // A piece of the string's text (STRING_HEAD, STRING_MID, STRING_TAIL, …) at table index
  // `index`: decodes its escapes (unknown ones were reported by the lexer), and closes `pending`.
  void stringPiece(StringBuilder& string, std::size_t index);
  Built finishString(StringBuilder& string, Range whole);
  // A STRING token: `"api"`.
  Built transformPlainString(std::size_t index);
  // A primary of one token (see is_one_token_value).
  Built transformOneTokenPrimary(std::size_t index);
  // tokens[at…]: a one-token primary, or a string with interpolations of simple values, and its
  // `.name`s; `at` moves past them.
  Built transformSimplePath(std::span<const std::size_t> tokens, std::size_t& at,
                            std::size_t nesting);
  // The value of a simple assignment, tokens[at…] to the end (see transformSimpleAttribute).
  ast::ExprPtr transformSimpleValue(std::span<const std::size_t> tokens, std::size_t at);
  // tokens[at…]: a path, or a list or object of simple values, inside `nesting` others; `at`
  // moves past it.
  Built transformSimple(std::span<const std::size_t> tokens, std::size_t& at, std::size_t nesting);
  // The decoded text of a string without interpolation (an object key); nullopt otherwise.
  std::optional<std::string_view> plainString(P::StringLitContext* ctx);
  // A string body's text with its escapes decoded: a view of the source when it has none, else a
  // copy in the arena.
  std::string_view decoded(std::string_view body);

  // ---- helpers
  // Wraps `node` (whose children are at most `child_depth` deep) in an Expr; beyond the depth
  // limit reports E0014 at `anchor` (once per value) and returns an Error instead.
  template <typename Node>
  Built make(Range range, Node node, std::size_t child_depth, Range anchor);
  Built error(Range range);
  Range range(const antlr4::Token* token) const { return tokens_.range(token); }
  Range range(antlr4::ParserRuleContext* ctx) const;
  std::string_view text(const antlr4::Token* token) const { return tokens_.text(token); }
  static bool real(antlr4::tree::TerminalNode* node);

  // Children of a parse tree, found without dynamic_cast. ANTLR 4.9's generated accessors
  // (ctx->expr(), ctx->IDENT()) and dynamic_cast walk its class hierarchy comparing type names:
  // about 15% of the instructions of `eclc check` on deep.ecl went there. A child is a terminal
  // (TerminalNodeImpl, or ErrorNodeImpl) or a rule context, whose rule index says its rule; a
  // labeled alternative is an exact type (none has subclasses).
  // `node` as a terminal (a token or an error node), else null.
  static antlr4::tree::TerminalNode* terminal(antlr4::tree::ParseTree* node);
  // `node` as a context of rule `rule` (P::RuleExpr…, labeled alternatives included), else null.
  template <typename T>
  static T* rule(antlr4::tree::ParseTree* node, std::size_t rule) {
    if (terminal(node) != nullptr) {
      return nullptr;
    }
    auto* ctx = static_cast<antlr4::ParserRuleContext*>(node);
    return ctx->getRuleIndex() == rule ? static_cast<T*>(ctx) : nullptr;
  }
  // The first child of rule `rule`, as the generated accessor (ctx->expr()…) finds it.
  template <typename T>
  static T* child(antlr4::ParserRuleContext* ctx, std::size_t rule) {
    for (antlr4::tree::ParseTree* node : ctx->children) {
      if (T* found = Transformer::rule<T>(node, rule)) {
        return found;
      }
    }
    return nullptr;
  }
  // The first terminal child of token type `type`, as the generated accessor (ctx->IDENT()…)
  // finds it.
  static antlr4::tree::TerminalNode* token(antlr4::ParserRuleContext* ctx, std::size_t type);
  // `ctx` as the labeled alternative T, else null.
  template <typename T>
  static T* alternative(antlr4::ParserRuleContext* ctx) {
    return typeid(*ctx) == typeid(T) ? static_cast<T*>(ctx) : nullptr;
  }

  const TokenTable& tokens_;
  ErrorSink& sink_;
  ast::Arena& arena_;
  bool too_deep_ = false; // E0014 was reported in the current value
  // transformSimple()'s lists and objects under construction, by nesting: they keep their
  // capacity from value to value.
  std::vector<std::vector<ast::ExprPtr>> simple_items_;
  std::vector<std::vector<ast::ObjectEntry>> simple_entries_;
  // Blocks transformed so far; beyond limits::kMaxBlocksPerFile, E0023.
  std::size_t blocks_ = 0;
};

template <typename Node>
Transformer::Built Transformer::make(Range range, Node node, std::size_t child_depth,
                                     Range anchor) {
  if (too_deep_) {
    return error(range);
  }
  std::size_t depth = child_depth + 1;
  if (depth > limits::kMaxExpressionDepth) {
    too_deep_ = true;
    sink_.report(Diag::ExpressionTooComplex, anchor,
                 fmt::format("more than {}", limits::kMaxExpressionDepth));
    return error(range);
  }
  ast::ExprPtr expr(arena_.make<ast::Expr>());
  expr->range = range;
  expr->node = std::move(node);
  return {std::move(expr), depth};
}

} // namespace ecl::syntax
