// Items: params, lets, outputs, blocks and their attributes, and param types.
#include "compiler/schema/schema.h"
#include "compiler/syntax/limits.h"
#include "compiler/syntax/transformer.h"

#include <array>
#include <string_view>

namespace ecl::syntax {
namespace {

struct TypeName {
  std::string_view name;
  ast::Type::Kind kind;
  bool has_element; // list<T>, map<T>
};

constexpr std::array kTypeNames = {
    TypeName{"string", ast::Type::String, false}, TypeName{"int", ast::Type::Int, false},
    TypeName{"number", ast::Type::Number, false}, TypeName{"bool", ast::Type::Bool, false},
    TypeName{"cidr", ast::Type::Cidr, false},     TypeName{"memory", ast::Type::Memory, false},
    TypeName{"cpu", ast::Type::Cpu, false},       TypeName{"duration", ast::Type::Duration, false},
    TypeName{"list", ast::Type::List, true},      TypeName{"map", ast::Type::Map, true},
};

} // namespace

bool Transformer::real(antlr4::tree::TerminalNode* node) {
  return node != nullptr && typeid(*node) != typeid(antlr4::tree::ErrorNodeImpl) &&
         TokenTable::is_real(node->getSymbol());
}

antlr4::tree::TerminalNode* Transformer::terminal(antlr4::tree::ParseTree* node) {
  const std::type_info& type = typeid(*node);
  return type == typeid(antlr4::tree::TerminalNodeImpl) ||
                 type == typeid(antlr4::tree::ErrorNodeImpl)
             ? static_cast<antlr4::tree::TerminalNode*>(node)
             : nullptr;
}

antlr4::tree::TerminalNode* Transformer::token(antlr4::ParserRuleContext* ctx, std::size_t type) {
  for (antlr4::tree::ParseTree* node : ctx->children) {
    if (antlr4::tree::TerminalNode* found = terminal(node);
        found != nullptr && found->getSymbol()->getType() == type) {
      return found;
    }
  }
  return nullptr;
}

Range Transformer::range(antlr4::ParserRuleContext* ctx) const {
  antlr4::Token* start = ctx->getStart();
  antlr4::Token* stop = ctx->getStop();
  Range first = tokens_.range(start);
  if (stop == nullptr || !TokenTable::is_real(stop) || !TokenTable::is_real(start) ||
      stop->getTokenIndex() < start->getTokenIndex()) {
    return Range{first.file, first.begin, first.begin}; // the rule matched nothing
  }
  return first.to(tokens_.range(stop));
}

void Transformer::transformProgram(P::ProgramContext* ctx, ast::File& file) {
  file.file = tokens_.file();
  if (ctx == nullptr) {
    return;
  }
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (auto* item = rule<P::ItemContext>(child, P::RuleItem)) {
      transformItem(item, file);
    }
  }
}

void Transformer::transformItem(P::ItemContext* ctx, ast::File& file) {
  if (ctx->exception != nullptr) {
    return;
  }
  if (auto* param = child<P::ParamDeclContext>(ctx, P::RuleParamDecl)) {
    if (auto p = transformParamDecl(param)) {
      file.params.push_back(std::move(*p));
    }
  } else if (auto* let = child<P::LetDeclContext>(ctx, P::RuleLetDecl)) {
    if (auto l = transformLetDecl(let)) {
      file.lets.push_back(std::move(*l));
    }
  } else if (auto* output = child<P::OutputDeclContext>(ctx, P::RuleOutputDecl)) {
    if (auto o = transformOutputDecl(output)) {
      file.outputs.push_back(std::move(*o));
    }
  } else if (auto* block = child<P::BlockContext>(ctx, P::RuleBlock)) {
    if (auto b = transformBlock(block)) {
      file.blocks.push_back(std::move(b));
    }
  }
}

std::optional<ast::Param> Transformer::transformParamDecl(P::ParamDeclContext* ctx) {
  if (ctx->exception != nullptr || !real(ctx->IDENT()) || ctx->typeRef() == nullptr) {
    return std::nullopt;
  }
  std::optional<ast::Type> type = transformTypeRef(ctx->typeRef());
  if (!type) {
    return std::nullopt;
  }
  ast::Param param;
  param.name = text(ctx->IDENT()->getSymbol());
  param.name_range = range(ctx->IDENT()->getSymbol());
  param.type = std::move(*type);
  if (ctx->ASSIGN() != nullptr) {
    param.default_value = transformValue(ctx->expr(), range(ctx->ASSIGN()->getSymbol()));
  }
  param.range = range(ctx);
  return param;
}

std::optional<ast::Let> Transformer::transformLetDecl(P::LetDeclContext* ctx) {
  antlr4::tree::TerminalNode* name = token(ctx, Tok::IDENT);
  if (ctx->exception != nullptr || !real(name)) {
    return std::nullopt;
  }
  ast::Let let;
  let.name = text(name->getSymbol());
  let.name_range = range(name->getSymbol());
  let.value = transformValue(child<P::ExprContext>(ctx, P::RuleExpr), let.name_range);
  let.range = range(ctx);
  return let;
}

std::optional<ast::Output> Transformer::transformOutputDecl(P::OutputDeclContext* ctx) {
  antlr4::tree::TerminalNode* name = token(ctx, Tok::IDENT);
  if (ctx->exception != nullptr || !real(name)) {
    return std::nullopt;
  }
  ast::Output output;
  output.name = text(name->getSymbol());
  output.name_range = range(name->getSymbol());
  output.value = transformValue(child<P::ExprContext>(ctx, P::RuleExpr), output.name_range);
  output.range = range(ctx);
  return output;
}

// Blocks nest at most limits::kMaxNesting deep (the lexer checked), so this may recurse.
ast::BlockPtr Transformer::transformBlock(P::BlockContext* ctx) {
  if (ctx->exception != nullptr) {
    return nullptr; // a broken header: the parser reported it and skipped the block
  }
  ast::BlockPtr block(arena_.make<ast::Block>());
  Body body;
  std::size_t header = 0; // identifiers of the header seen so far
  bool in_body = false;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (auto* terminal = Transformer::terminal(child)) {
      if (!real(terminal)) {
        continue;
      }
      antlr4::Token* token = terminal->getSymbol();
      if (token->getType() == Tok::LBRACE) {
        in_body = true;
      } else if (token->getType() == Tok::IDENT && !in_body && header == 0) {
        block->kind = text(token);
        ++header;
      } else if (token->getType() == Tok::IDENT && !in_body && header == 1) {
        block->set_name(text(token));
        ++header;
      }
    } else if (auto* item = rule<P::BodyItemContext>(child, P::RuleBodyItem)) {
      transformBodyItem(item, body);
    }
  }
  if (header == 0) {
    return nullptr;
  }
  setBody(*block, body);
  block->range = range(ctx);
  return countBlock(std::move(block));
}

ast::BlockPtr Transformer::countBlock(ast::BlockPtr block) {
  // Counted after the body, so the limit holds for nested blocks too; reported once, at the
  // first block beyond it, and every later block is dropped.
  if (++blocks_ > limits::kMaxBlocksPerFile) {
    if (blocks_ == limits::kMaxBlocksPerFile + 1) {
      sink_.report(Diag::TooManyBlocksInFile, block->kind_range(), limits::kMaxBlocksPerFile);
    }
    return nullptr;
  }
  return block;
}

// The fast path parses without recovery, so every token here is real: the kind, perhaps a name,
// and `{`.
ast::BlockPtr Transformer::transformBlockHead(std::span<const std::size_t> names) {
  ast::BlockPtr block(arena_.make<ast::Block>());
  block->kind = tokens_.text(names[0]);
  block->range = tokens_.range(names[0]); // finishBlock() extends it to the `}`
  if (names.size() > 1) {
    block->set_name(tokens_.text(names[1]));
  }
  return block;
}

ast::BlockPtr Transformer::finishBlock(ast::BlockPtr block, Body& body, std::size_t close) {
  setBody(*block, body);
  block->range = block->range.to(tokens_.range(close));
  return countBlock(std::move(block));
}

void Transformer::setBody(ast::Block& block, Body& body) {
  block.attributes = arena_.array(body.attributes);
  block.blocks = arena_.array(body.blocks);
}

void Transformer::transformBodyItem(P::BodyItemContext* ctx, Body& block) {
  if (ctx->exception != nullptr) {
    return;
  }
  if (auto* attribute = child<P::AttributeContext>(ctx, P::RuleAttribute)) {
    if (auto a = transformAttribute(attribute)) {
      block.attributes.push_back(std::move(*a));
    }
  } else if (auto* nested = child<P::BlockContext>(ctx, P::RuleBlock)) {
    if (auto b = transformBlock(nested)) {
      block.blocks.push_back(std::move(b));
    }
  }
}

std::optional<ast::Attribute> Transformer::transformAttribute(P::AttributeContext* ctx) {
  antlr4::tree::TerminalNode* name = token(ctx, Tok::IDENT);
  if (!real(name)) {
    return std::nullopt;
  }
  ast::Attribute attribute;
  Range name_range = range(name->getSymbol());
  attribute.set_name(text(name->getSymbol()));
  attribute.value = transformValue(child<P::ExprContext>(ctx, P::RuleExpr), name_range);
  attribute.range = name_range.to(attribute.value->range);
  // `subnets = a, b`: the comma is the error (a list goes in brackets, parse_errors.cpp says so),
  // and the value before it is not what was meant, so it is not checked.
  if (antlr4::Token* stop = ctx->getStop();
      TokenTable::is_real(stop) &&
      tokens_[tokens_.skip_hidden(stop->getTokenIndex() + 1)].type == Tok::COMMA) {
    attribute.value = error(attribute.value->range).expr;
  }
  return attribute;
}

// Types nest at most limits::kMaxNesting deep (the lexer counts `<`), so this may recurse.
std::optional<ast::Type> Transformer::transformTypeRef(P::TypeRefContext* ctx) {
  if (ctx->exception != nullptr || !real(ctx->IDENT())) {
    return std::nullopt;
  }
  antlr4::Token* name_token = ctx->IDENT()->getSymbol();
  std::string_view name = text(name_token);
  const TypeName* found = nullptr;
  for (const TypeName& t : kTypeNames) {
    if (t.name == name) {
      found = &t;
    }
  }
  // A block kind: a reference to a block of that kind (a module's `param cluster: cluster`).
  if (const schema::Kind* kind = found ? nullptr : schema::find_kind(name);
      kind && ctx->LT() == nullptr) {
    ast::Type type;
    type.kind = ast::Type::Block;
    type.block_kind = kind->name;
    type.range = range(ctx);
    return type;
  }
  if (found == nullptr) {
    std::vector<std::string_view> names;
    for (const TypeName& t : kTypeNames) {
      names.push_back(t.name);
    }
    for (std::string_view k : schema::kind_names()) {
      names.push_back(k);
    }
    std::string suggestion = nearest(name, std::span<const std::string_view>(names));
    if (Diagnostic* d =
            sink_.report(Diag::UnknownType, range(name_token), name, did_you_mean(suggestion))) {
      d->fix(range(name_token), suggestion);
    }
    return std::nullopt;
  }
  ast::Type type;
  type.kind = found->kind;
  type.range = range(ctx);
  if (found->has_element) {
    if (ctx->typeRef() == nullptr) {
      sink_.report(Diag::SyntaxError, range(name_token),
                   fmt::format("`{0}` needs an element type: `{0}<string>`", name));
      return std::nullopt;
    }
    std::optional<ast::Type> element = transformTypeRef(ctx->typeRef());
    if (!element) {
      return std::nullopt;
    }
    type.element = std::make_unique<ast::Type>(std::move(*element));
  } else if (ctx->LT() != nullptr) {
    sink_.report(Diag::SyntaxError, range(ctx->LT()->getSymbol()).to(type.range),
                 fmt::format("type `{}` takes no element type; only `list` and `map` do", name));
    return std::nullopt;
  }
  return type;
}

} // namespace ecl::syntax
