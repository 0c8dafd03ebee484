// Expressions: the conditional, binary operator chains, unary runs, postfix chains, primaries.
// Chains are walked with loops, never with recursion along their length.
#include "compiler/syntax/parse_errors.h"
#include "compiler/syntax/transformer.h"

#include <algorithm>

namespace ecl::syntax {
namespace {

ast::BinaryOp binary_op(std::size_t type) {
  switch (type) {
  case Tok::OR:
    return ast::BinaryOp::Or;
  case Tok::AND:
    return ast::BinaryOp::And;
  case Tok::EQ:
    return ast::BinaryOp::Eq;
  case Tok::NE:
    return ast::BinaryOp::Ne;
  case Tok::LT:
    return ast::BinaryOp::Lt;
  case Tok::LE:
    return ast::BinaryOp::Le;
  case Tok::GT:
    return ast::BinaryOp::Gt;
  case Tok::GE:
    return ast::BinaryOp::Ge;
  case Tok::PLUS:
    return ast::BinaryOp::Add;
  case Tok::MINUS:
    return ast::BinaryOp::Sub;
  case Tok::STAR:
    return ast::BinaryOp::Mul;
  case Tok::SLASH:
    return ast::BinaryOp::Div;
  default:
    return ast::BinaryOp::Mod;
  }
}

} // namespace

Transformer::Built Transformer::error(Range range) {
  ast::ExprPtr expr(arena_.make<ast::Expr>());
  expr->range = range;
  expr->node = ast::Error{};
  return {std::move(expr), 1};
}

ast::ExprPtr Transformer::transformValue(P::ExprContext* ctx, Range fallback) {
  too_deep_ = false;
  if (ctx == nullptr) {
    return error(Range{fallback.file, fallback.end, fallback.end}).expr;
  }
  Built value = transformExpr(ctx);
  if (too_deep_) {
    return error(range(ctx)).expr; // E0014 is reported; the rest of the tree says nothing more
  }
  return std::move(value.expr);
}

// `c1 ? t1 : c2 ? t2 : e` arrives as the flat list c1 t1 c2 t2 e and is built from the right:
// `c1 ? t1 : (c2 ? t2 : e)`.
Transformer::Built Transformer::transformExpr(P::ExprContext* ctx) {
  if (ctx->exception != nullptr) {
    return error(range(ctx));
  }
  if (ctx->children.size() == 1) { // no `?`: what the loops below do, without their vectors
    if (auto* binary = rule<P::BinaryContext>(ctx->children[0], P::RuleBinary)) {
      return transformBinary(binary);
    }
  }
  std::vector<P::BinaryContext*> conditions;
  std::vector<P::ExprContext*> thens;
  std::vector<antlr4::Token*> questions;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (auto* terminal = Transformer::terminal(child)) {
      if (real(terminal) && terminal->getSymbol()->getType() == Tok::QUESTION) {
        questions.push_back(terminal->getSymbol());
      }
    } else if (auto* binary = rule<P::BinaryContext>(child, P::RuleBinary)) {
      conditions.push_back(binary);
    } else if (auto* then = rule<P::ExprContext>(child, P::RuleExpr)) {
      thens.push_back(then);
    }
  }
  if (conditions.size() != thens.size() + 1 || questions.size() != thens.size()) {
    return error(range(ctx));
  }
  Built result = transformBinary(conditions.back());
  for (std::size_t i = thens.size(); i-- > 0;) {
    Built condition = transformBinary(conditions[i]);
    Built then = transformExpr(thens[i]);
    Range whole = condition.expr->range.to(result.expr->range);
    std::size_t depth = std::max({condition.depth, then.depth, result.depth});
    result = make(
        whole,
        ast::Conditional{std::move(condition.expr), std::move(then.expr), std::move(result.expr)},
        depth, range(questions[i]));
  }
  return result;
}

// `a + b - c` is a left-deep tree of BinaryOpContext; walk its left spine with a loop. A right
// operand holds only tighter operators, so recursing into it is bounded by the precedence levels.
Transformer::Built Transformer::transformBinary(P::BinaryContext* ctx) {
  std::vector<P::BinaryOpContext*> spine;
  P::BinaryContext* leftmost = ctx;
  while (auto* op = alternative<P::BinaryOpContext>(leftmost)) {
    spine.push_back(op);
    leftmost = op->lhs;
    if (leftmost == nullptr) {
      break;
    }
  }
  Built result;
  auto* operand = leftmost != nullptr ? alternative<P::UnaryOperandContext>(leftmost) : nullptr;
  auto* unary = operand != nullptr ? child<P::UnaryContext>(operand, P::RuleUnary) : nullptr;
  if (operand != nullptr && operand->exception == nullptr && unary != nullptr) {
    result = transformUnary(unary);
  } else {
    result = error(leftmost != nullptr ? range(leftmost) : range(ctx));
  }
  for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
    P::BinaryOpContext* op = *it;
    if (op->exception != nullptr || op->op == nullptr || op->rhs == nullptr) {
      result = error(range(op));
      continue;
    }
    Built rhs = transformBinary(op->rhs);
    Range whole = result.expr->range.to(rhs.expr->range);
    std::size_t depth = std::max(result.depth, rhs.depth);
    result = make(whole,
                  ast::Binary{binary_op(op->op->getType()), range(op->op), std::move(result.expr),
                              std::move(rhs.expr)},
                  depth, range(op->op));
  }
  return result;
}

// `- - !x`: the operators apply from the inside out.
Transformer::Built Transformer::transformUnary(P::UnaryContext* ctx) {
  auto* postfix = child<P::PostfixContext>(ctx, P::RulePostfix);
  if (ctx->exception != nullptr || postfix == nullptr) {
    return error(range(ctx));
  }
  std::vector<antlr4::Token*> ops;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (auto* terminal = Transformer::terminal(child); real(terminal)) {
      ops.push_back(terminal->getSymbol());
    }
  }
  Built result = transformPostfix(postfix);
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
    antlr4::Token* op = *it;
    ast::UnaryOp kind = op->getType() == Tok::NOT ? ast::UnaryOp::Not : ast::UnaryOp::Negate;
    Range whole = range(op).to(result.expr->range);
    std::size_t depth = result.depth;
    result = make(whole, ast::Unary{kind, std::move(result.expr)}, depth, range(op));
  }
  return result;
}

Transformer::Built Transformer::transformPostfix(P::PostfixContext* ctx) {
  auto* primary = child<P::PrimaryContext>(ctx, P::RulePrimary);
  if (ctx->exception != nullptr || primary == nullptr) {
    return error(range(ctx));
  }
  Built result = transformPrimary(primary);
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (auto* op = rule<P::PostfixOpContext>(child, P::RulePostfixOp)) {
      result = transformPostfixOp(op, std::move(result));
    }
  }
  return result;
}

Transformer::Built Transformer::transformPostfixOp(P::PostfixOpContext* ctx, Built object) {
  if (ctx->exception != nullptr) {
    return error(object.expr->range.to(range(ctx)));
  }
  if (auto* index = alternative<P::IndexOpContext>(ctx)) {
    auto* key_ctx = child<P::ExprContext>(index, P::RuleExpr);
    antlr4::tree::TerminalNode* close = token(index, Tok::RBRACKET);
    if (key_ctx == nullptr || !real(close)) {
      return error(object.expr->range.to(range(ctx)));
    }
    Built key = transformExpr(key_ctx);
    Range whole = object.expr->range.to(range(close->getSymbol()));
    std::size_t depth = std::max(object.depth, key.depth);
    return make(whole, ast::Index{std::move(object.expr), std::move(key.expr)}, depth,
                range(token(index, Tok::LBRACKET)->getSymbol()));
  }
  auto* member = alternative<P::MemberOpContext>(ctx);
  antlr4::tree::TerminalNode* ident = member != nullptr ? token(member, Tok::IDENT) : nullptr;
  if (member == nullptr || !real(ident)) {
    return error(object.expr->range.to(range(ctx)));
  }
  antlr4::Token* name = ident->getSymbol();
  Range whole = object.expr->range.to(range(name));
  std::size_t depth = object.depth;
  ast::Member node;
  node.object = std::move(object.expr);
  node.set_name(text(name), range(name));
  return make(whole, std::move(node), depth, range(token(member, Tok::DOT)->getSymbol()));
}

bool Transformer::is_one_token_value(std::uint32_t type) {
  return type == Tok::NUMBER || type == Tok::STRING || type == Tok::KW_TRUE ||
         type == Tok::KW_FALSE || type == Tok::IDENT;
}

Transformer::Built Transformer::transformOneTokenPrimary(std::size_t index) {
  Range whole = tokens_.range(index);
  switch (tokens_[index].type) {
  case Tok::NUMBER:
    return transformNumber(index);
  case Tok::STRING:
    return transformPlainString(index);
  case Tok::KW_TRUE:
  case Tok::KW_FALSE:
    return make(whole, ast::Bool{tokens_[index].type == Tok::KW_TRUE}, 0, whole);
  default:
    return make(whole, ast::Name{tokens_.text(index)}, 0, whole);
  }
}

Transformer::Built Transformer::transformSimplePath(std::span<const std::size_t> tokens,
                                                    std::size_t& at, std::size_t nesting) {
  // As transformPostfix() and transformPostfixOp() build `a.b.c`, and transformStringLit() a
  // string with interpolations of simple values.
  Built result;
  if (tokens_[tokens[at]].type == Tok::STRING_HEAD) {
    const std::size_t head = tokens[at];
    StringBuilder string;
    do {
      stringPiece(string, tokens[at++]);
      string.pending = transformSimple(tokens, at, nesting + 1);
      string.depth = std::max(string.depth, string.pending.depth);
    } while (tokens_[tokens[at]].type == Tok::STRING_MID);
    stringPiece(string, tokens[at]); // the STRING_TAIL
    result = finishString(string, tokens_.range(head).to(tokens_.range(tokens[at++])));
  } else {
    result = transformOneTokenPrimary(tokens[at++]);
  }
  while (at + 1 < tokens.size() && tokens_[tokens[at]].type == Tok::DOT) {
    std::size_t dot = tokens[at];
    std::size_t name = tokens[at + 1];
    Range whole = result.expr->range.to(tokens_.range(name));
    std::size_t depth = result.depth;
    ast::Member member;
    member.object = std::move(result.expr);
    member.set_name(tokens_.text(name), tokens_.range(name));
    result = make(whole, std::move(member), depth, tokens_.range(dot));
    at += 2;
  }
  return result;
}

ast::ExprPtr Transformer::transformSimpleValue(std::span<const std::size_t> tokens,
                                               std::size_t at) {
  too_deep_ = false; // as transformValue() does for every value
  Range value_range = tokens_.range(tokens[at]).to(tokens_.range(tokens.back()));
  Built value = transformSimple(tokens, at, 0);
  return too_deep_ ? error(value_range).expr : std::move(value.expr);
}

Transformer::Built Transformer::transformSimple(std::span<const std::size_t> tokens,
                                                std::size_t& at, std::size_t nesting) {
  const std::uint32_t open = tokens_[tokens[at]].type;
  if (open != Tok::LBRACKET && open != Tok::LBRACE) {
    return transformSimplePath(tokens, at, nesting);
  }
  // As transformPrimary() builds a list or an object. A value cannot start with `]` or `}`.
  Range open_range = tokens_.range(tokens[at++]);
  if (simple_items_.empty()) { // never resized again: no reference into them goes stale
    simple_items_.resize(limits::kMaxNesting + 1);
    simple_entries_.resize(limits::kMaxNesting + 1);
  }
  std::vector<ast::ExprPtr>& items = simple_items_[nesting];
  std::vector<ast::ObjectEntry>& entries = simple_entries_[nesting];
  std::size_t depth = 0;
  auto type = [&] { return tokens_[tokens[at]].type; };
  while (type() != Tok::RBRACKET && type() != Tok::RBRACE) {
    if (type() == Tok::COMMA) {
      ++at;
      continue;
    }
    ast::ObjectEntry entry;
    if (open == Tok::LBRACE) { // the key (IDENT or STRING) and `=`
      std::size_t key = tokens[at];
      entry.key_range = tokens_.range(key);
      entry.key = type() == Tok::IDENT ? tokens_.text(key)
                                       : decoded(string_body(Tok::STRING, tokens_.text(key)));
      at += 2;
    }
    Built item = transformSimple(tokens, at, nesting + 1);
    depth = std::max(depth, item.depth);
    if (open == Tok::LBRACE) {
      entry.value = std::move(item.expr);
      entries.push_back(std::move(entry));
    } else {
      items.push_back(std::move(item.expr));
    }
  }
  Range whole = open_range.to(tokens_.range(tokens[at++]));
  if (open == Tok::LBRACKET) {
    return make(whole, ast::List{arena_.array(items)}, depth, open_range);
  }
  return make(whole, ast::Object{arena_.array(entries)}, depth, open_range);
}

void Transformer::transformSimpleAttribute(std::span<const std::size_t> tokens, Body& block) {
  ast::Attribute attribute;
  attribute.set_name(tokens_.text(tokens[0]));
  attribute.value = transformSimpleValue(tokens, 2);
  attribute.range = tokens_.range(tokens[0]).to(attribute.value->range);
  block.attributes.push_back(std::move(attribute));
}

void Transformer::transformSimpleItem(std::span<const std::size_t> tokens, ast::File& file) {
  std::string_view name = tokens_.text(tokens[1]);
  Range name_range = tokens_.range(tokens[1]);
  ast::ExprPtr value = transformSimpleValue(tokens, 3);
  Range range = tokens_.range(tokens[0]).to(value->range);
  if (tokens_[tokens[0]].type == Tok::KW_LET) {
    file.lets.push_back({name, std::move(value), name_range, range});
  } else {
    file.outputs.push_back({name, std::move(value), name_range, range});
  }
}

Transformer::Built Transformer::transformPrimary(P::PrimaryContext* ctx) {
  Range whole = range(ctx);
  if (ctx->exception != nullptr) {
    return error(whole);
  }
  if (auto* number = alternative<P::NumberLitContext>(ctx)) {
    antlr4::tree::TerminalNode* digits = token(number, Tok::NUMBER);
    return real(digits) ? transformOneTokenPrimary(digits->getSymbol()->getTokenIndex())
                        : error(whole);
  }
  if (auto* boolean = alternative<P::BoolLitContext>(ctx)) {
    return make(whole, ast::Bool{token(boolean, Tok::KW_TRUE) != nullptr}, 0, whole);
  }
  if (auto* string = alternative<P::StringExprContext>(ctx)) {
    auto* literal = child<P::StringLitContext>(string, P::RuleStringLit);
    return literal != nullptr ? transformStringLit(literal) : error(whole);
  }
  if (auto* name = alternative<P::NameExprContext>(ctx)) {
    antlr4::tree::TerminalNode* ident = token(name, Tok::IDENT);
    return real(ident) ? transformOneTokenPrimary(ident->getSymbol()->getTokenIndex())
                       : error(whole);
  }
  if (auto* call = alternative<P::CallExprContext>(ctx)) {
    antlr4::tree::TerminalNode* ident = token(call, Tok::IDENT);
    if (!real(ident)) {
      return error(whole);
    }
    ast::Call node;
    node.set_name(text(ident->getSymbol()), range(ident->getSymbol()));
    Range name_range = node.name_range;
    std::size_t depth = 0;
    std::vector<ast::ExprPtr> args;
    for (antlr4::tree::ParseTree* child : call->children) {
      if (auto* arg = rule<P::ExprContext>(child, P::RuleExpr)) {
        Built built = transformExpr(arg);
        depth = std::max(depth, built.depth);
        args.push_back(std::move(built.expr));
      }
    }
    node.set_args(arena_.array(args));
    return make(whole, std::move(node), depth, name_range);
  }
  if (auto* list = alternative<P::ListExprContext>(ctx)) {
    std::vector<ast::ExprPtr> items;
    std::size_t depth = 0;
    for (antlr4::tree::ParseTree* child : list->children) {
      if (auto* item = rule<P::ExprContext>(child, P::RuleExpr)) {
        Built built = transformExpr(item);
        depth = std::max(depth, built.depth);
        items.push_back(std::move(built.expr));
      }
    }
    return make(whole, ast::List{arena_.array(items)}, depth,
                range(token(list, Tok::LBRACKET)->getSymbol()));
  }
  if (auto* object = alternative<P::ObjectExprContext>(ctx)) {
    std::vector<ast::ObjectEntry> entries;
    std::size_t depth = 0;
    bool after_entry = false; // the previous child was an entry, with no `,` since
    for (antlr4::tree::ParseTree* child : object->children) {
      auto* entry = rule<P::ObjectEntryContext>(child, P::RuleObjectEntry);
      if (entry == nullptr) {
        after_entry = false;
        continue;
      }
      if (after_entry) {
        // The grammar lets a missing `,` through so that the object survives; say it here.
        sink_.report(Diag::SyntaxError, range(entry->getStart()),
                     fmt::format("expected `,` or `}}`, found {}; separate object entries with `,`",
                                 describe_token(tokens_, entry->getStart())));
      }
      after_entry = true;
      if (auto e = transformObjectEntry(entry, depth)) {
        entries.push_back(std::move(*e));
      }
    }
    ast::Object node{arena_.array(entries)};
    return make(whole, std::move(node), depth, range(token(object, Tok::LBRACE)->getSymbol()));
  }
  if (auto* paren = alternative<P::ParenExprContext>(ctx)) {
    auto* expr = child<P::ExprContext>(paren, P::RuleExpr);
    if (expr == nullptr) {
      return error(whole);
    }
    // No node of its own: the inner expression's range grows to cover the parentheses.
    Built inner = transformExpr(expr);
    inner.expr->range = whole;
    return inner;
  }
  return error(whole);
}

std::optional<ast::ObjectEntry> Transformer::transformObjectEntry(P::ObjectEntryContext* ctx,
                                                                  std::size_t& depth) {
  auto* expr = child<P::ExprContext>(ctx, P::RuleExpr);
  if (ctx->exception != nullptr || expr == nullptr) {
    return std::nullopt;
  }
  ast::ObjectEntry entry;
  antlr4::tree::TerminalNode* ident = token(ctx, Tok::IDENT);
  auto* literal = child<P::StringLitContext>(ctx, P::RuleStringLit);
  if (real(ident)) {
    entry.key = text(ident->getSymbol());
    entry.key_range = range(ident->getSymbol());
  } else if (literal != nullptr) {
    entry.key_range = range(literal);
    std::optional<std::string_view> key = plainString(literal);
    if (!key) {
      sink_.report(Diag::SyntaxError, entry.key_range,
                   std::string("an object key cannot use interpolation; write it as plain text"));
      return std::nullopt;
    }
    entry.key = *key;
  } else {
    return std::nullopt;
  }
  Built value = transformExpr(expr);
  depth = std::max(depth, value.depth);
  entry.value = std::move(value.expr);
  return entry;
}

} // namespace ecl::syntax
