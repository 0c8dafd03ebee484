// The formatter works on the token stream, comments included, and takes the structure it needs
// from the AST: where each item starts and which braces open and close blocks. Everything else
// (lists, objects, calls, operators) is decided token by token, so no comment can be lost: every
// comment is a token that is printed, either at the end of the line it was on or on a line of its
// own. A final check lexes the result and compares it with the input, token for token.
#include "compiler/format/format.h"

#include "compiler/syntax/syntax.h"
#include "compiler/syntax/tokens.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <unordered_set>

namespace ecl::format {
namespace {

using syntax::Token;
using syntax::TokenKind;

constexpr std::size_t kIndentWidth = 2;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Where the AST says items start and blocks open and close, as byte offsets.
struct Structure {
  std::unordered_set<std::uint32_t> item_starts;
  std::unordered_set<std::uint32_t> block_bodies; // offset just after the header: `{` at or after
  std::unordered_set<std::uint32_t> block_closes; // offset of a block's `}`
};

void collect_block(const ast::Block& block, Structure& s) {
  s.item_starts.insert(block.range.begin);
  s.block_bodies.insert(block.name() ? block.name_range().end : block.kind_range().end);
  if (block.range.end > block.range.begin) {
    s.block_closes.insert(block.range.end - 1);
  }
  for (const auto& a : block.attributes) {
    s.item_starts.insert(a.range.begin);
  }
  for (const auto& child : block.blocks) {
    collect_block(*child, s);
  }
}

Structure collect(const ast::File& file) {
  Structure s;
  for (const auto& p : file.params) {
    s.item_starts.insert(p.range.begin);
  }
  for (const auto& l : file.lets) {
    s.item_starts.insert(l.range.begin);
  }
  for (const auto& o : file.outputs) {
    s.item_starts.insert(o.range.begin);
  }
  for (const auto& b : file.blocks) {
    collect_block(*b, s);
  }
  return s;
}

// How a bracket pair lays out when it does not fit on one line.
enum class GroupKind {
  Block,     // a block body: always one item a line
  Separated, // a list, an object or a call's arguments: one entry a line, trailing comma
  Other,     // parentheses and indexing: never broken (a comment inside only adds line breaks)
};

struct TokenInfo {
  std::size_t newlines_before = 0; // line breaks in the source since the previous token
  std::size_t match = kNone;       // for a bracket, the index of its partner
  GroupKind group = GroupKind::Other;
  bool item_start = false;
  bool unary = false;       // a prefix `-` or `!`
  bool param_colon = false; // the `:` of `param name: type`
  bool in_type = false;     // part of a param's type: `list<cidr>`
  bool object_brace = false;
};

bool is_opener(const Token& t) {
  return t.is_punct("{") || t.is_punct("[") || t.is_punct("(");
}
bool is_closer(const Token& t) {
  return t.is_punct("}") || t.is_punct("]") || t.is_punct(")");
}

// A token after which `[` indexes and `-` subtracts.
bool ends_operand(const Token& t, const TokenInfo& info) {
  switch (t.kind) {
  case TokenKind::Identifier:
  case TokenKind::Keyword:
  case TokenKind::Number:
  case TokenKind::String:
  case TokenKind::StringTail:
    return true;
  case TokenKind::Punct:
    return t.is_punct(")") || t.is_punct("]") || (t.is_punct("}") && info.object_brace);
  default:
    return false;
  }
}

std::size_t display_width(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80; // count code points, not bytes
  }
  return n;
}

class Printer {
public:
  Printer(std::vector<Token> tokens, std::vector<TokenInfo> info)
      : tokens_(std::move(tokens)), info_(std::move(info)) {}

  std::string run();

private:
  struct Open {
    std::size_t closer;
    GroupKind kind;
    bool broken;
    std::size_t indent; // indent of the line the group opened on
  };

  // The space (or none) between two tokens printed on one line.
  bool space_between(std::size_t prev, std::size_t next) const;
  // The group starting at `open` printed on one line, or nullopt when it holds a comment.
  std::optional<std::string> inline_text(std::size_t open) const;
  std::size_t next_significant(std::size_t i) const;
  bool trailing_comma(std::size_t i) const; // a `,` right before its group's closer

  void newline(bool blank);
  // Pads the keys of consecutive `key = value` lines so that their `=` line up.
  void align();
  std::vector<std::pair<std::size_t, std::size_t>>
  pad_sections(const std::vector<std::size_t>& points) const;
  void write(std::string_view text);
  // In a broken group, before its closer (or a comment ahead of it): add the trailing comma.
  void close_entry(std::size_t i);

  std::vector<Token> tokens_;
  std::vector<TokenInfo> info_;
  std::vector<Open> open_;
  std::string out_;
  std::size_t indent_ = 0;
  std::size_t column_ = 0;
  bool line_empty_ = true;
  bool after_line_comment_ = false;
  bool after_block_comment_ = false;
  std::size_t last_significant_ = kNone; // last significant token printed
  std::size_t tokens_on_line_ = 0;
  std::size_t first_on_line_ = kNone;
  std::vector<std::size_t> type_points_;    // offsets in out_ just after `param name:`
  std::vector<std::size_t> param_points_;   // offsets in out_ just after a param's type
  std::vector<std::size_t> align_points_;   // offsets in out_ just after a key that `=` follows
  std::vector<std::size_t> comment_points_; // offsets in out_ just before a trailing `//` comment
};

std::size_t Printer::next_significant(std::size_t i) const {
  while (i < tokens_.size() && tokens_[i].is_comment()) {
    ++i;
  }
  return i;
}

bool Printer::trailing_comma(std::size_t i) const {
  if (!tokens_[i].is_punct(",")) {
    return false;
  }
  std::size_t next = next_significant(i + 1);
  return next < tokens_.size() && is_closer(tokens_[next]);
}

bool Printer::space_between(std::size_t prev, std::size_t next) const {
  const Token& a = tokens_[prev];
  const Token& b = tokens_[next];
  const TokenInfo& ai = info_[prev];
  const TokenInfo& bi = info_[next];
  if (a.kind == TokenKind::StringHead || a.kind == TokenKind::StringMid ||
      b.kind == TokenKind::StringMid || b.kind == TokenKind::StringTail) {
    return false; // `"${env}-api"`: nothing inside the interpolation's delimiters
  }
  if (a.is_punct("{")) {
    return !b.is_punct("}"); // `{ a = 1 }`, `{}`
  }
  if (b.is_punct("}")) {
    return true;
  }
  if (a.is_punct("(") || a.is_punct("[") || a.is_punct(".") || ai.unary) {
    return false;
  }
  if (b.is_punct(")") || b.is_punct("]") || b.is_punct(",") || b.is_punct(".")) {
    return false;
  }
  if (bi.param_colon) {
    return false; // `param env: string`
  }
  if ((ai.in_type && a.is_punct("<")) || (bi.in_type && (b.is_punct("<") || b.is_punct(">")))) {
    return false; // `list<cidr>`
  }
  if ((b.is_punct("(") && a.kind == TokenKind::Identifier) ||
      (b.is_punct("[") && ends_operand(a, ai))) {
    return false; // a call, an index
  }
  return true;
}

std::optional<std::string> Printer::inline_text(std::size_t open) const {
  std::string text;
  std::size_t close = info_[open].match;
  std::size_t prev = kNone;
  for (std::size_t i = open; i <= close; ++i) {
    if (tokens_[i].is_comment()) {
      return std::nullopt;
    }
    if (trailing_comma(i)) {
      continue;
    }
    if (prev != kNone && space_between(prev, i)) {
      text += ' ';
    }
    text += tokens_[i].text;
    prev = i;
  }
  return text;
}

void Printer::newline(bool blank) {
  if (out_.empty()) {
    line_empty_ = true;
    return; // nothing before the first token
  }
  if (!line_empty_) {
    out_ += '\n';
  }
  if (blank && !out_.ends_with("\n\n")) {
    out_ += '\n';
  }
  line_empty_ = true;
  column_ = 0;
}

void Printer::write(std::string_view text) {
  if (line_empty_) {
    tokens_on_line_ = 0;
    out_.append(indent_ * kIndentWidth, ' ');
    column_ = indent_ * kIndentWidth;
    line_empty_ = false;
  }
  out_ += text;
  std::size_t last_break = text.rfind('\n');
  if (last_break == std::string_view::npos) {
    column_ += display_width(text);
  } else {
    column_ = display_width(text.substr(last_break + 1)); // a block comment over several lines
  }
}

void Printer::close_entry(std::size_t i) {
  if (open_.empty() || !open_.back().broken || open_.back().kind != GroupKind::Separated) {
    return;
  }
  std::size_t next = next_significant(i);
  if (next != open_.back().closer || last_significant_ == kNone) {
    return;
  }
  const Token& last = tokens_[last_significant_];
  if (!last.is_punct(",") && info_[last_significant_].match != open_.back().closer) {
    write(",");
    last_significant_ = kNone; // the inserted comma stands in for the last token
    after_line_comment_ = false;
  }
}

std::string Printer::run() {
  bool just_opened_block = true; // at the top of the file or of a block body: no blank line
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    const TokenInfo& ti = info_[i];
    bool in_block_context = open_.empty() || open_.back().kind == GroupKind::Block;

    if (t.is_comment()) {
      close_entry(i);
      bool own_line = ti.newlines_before > 0 || out_.empty();
      if (own_line || after_line_comment_) {
        newline(own_line && in_block_context && !just_opened_block && ti.newlines_before > 1);
      } else if (!line_empty_) {
        if (t.kind == TokenKind::LineComment) {
          comment_points_.push_back(out_.size());
        }
        write(" "); // a comment at the end of a line
      }
      write(t.text);
      after_line_comment_ = t.kind == TokenKind::LineComment;
      after_block_comment_ = t.kind == TokenKind::BlockComment;
      just_opened_block = false;
      continue;
    }

    if (trailing_comma(i) && !open_.empty() && !open_.back().broken) {
      continue; // `[a, b,]` on one line is `[a, b]`
    }

    bool closes_group = !open_.empty() && open_.back().closer == i;
    if (closes_group) {
      close_entry(i);
      Open group = open_.back();
      open_.pop_back();
      indent_ = group.indent;
      if (group.broken || after_line_comment_) {
        bool empty = info_[i].match + 1 == i; // `{}` with nothing between
        if (!empty || after_line_comment_) {
          newline(false);
        }
      } else if (after_block_comment_ ||
                 (last_significant_ != kNone && space_between(last_significant_, i))) {
        write(" ");
      }
    } else if (ti.item_start) {
      newline(!just_opened_block && ti.newlines_before > 1);
    } else if (after_line_comment_) {
      newline(false);
      bool entry_start = !open_.empty() && open_.back().broken && last_significant_ != kNone &&
                         (tokens_[last_significant_].is_punct(",") ||
                          info_[last_significant_].match == open_.back().closer);
      if (!entry_start) {
        // A comment in the middle of an expression: continue one level deeper.
        out_.append(kIndentWidth, ' ');
        out_.append(indent_ * kIndentWidth, ' ');
        column_ = (indent_ + 1) * kIndentWidth;
        line_empty_ = false;
      }
    } else if (!open_.empty() && open_.back().broken && open_.back().kind != GroupKind::Other &&
               last_significant_ != kNone &&
               (tokens_[last_significant_].is_punct(",") ||
                info_[last_significant_].match == open_.back().closer)) {
      newline(false); // the next entry of a broken group
    } else if (!line_empty_ && (after_block_comment_ || (last_significant_ != kNone &&
                                                         space_between(last_significant_, i)))) {
      write(" ");
    }

    if (t.is_punct("=") && !line_empty_) {
      // `key =` alone on its line so far, or `let key =` / `output key =`: an alignment point.
      const Token& first = tokens_[first_on_line_];
      bool key = (tokens_on_line_ == 1 &&
                  (first.kind == TokenKind::Identifier || first.kind == TokenKind::String)) ||
                 (tokens_on_line_ == 2 && first.kind == TokenKind::Keyword &&
                  (first.text == "let" || first.text == "output"));
      bool param = first.kind == TokenKind::Keyword && first.text == "param";
      if (key || param) {
        std::size_t end = out_.size();
        while (end > 0 && out_[end - 1] == ' ') {
          --end;
        }
        (param ? param_points_ : align_points_).push_back(end);
      }
    }
    write(t.text);
    if (ti.param_colon) {
      type_points_.push_back(out_.size());
    }
    if (tokens_on_line_++ == 0) {
      first_on_line_ = i;
    }
    after_line_comment_ = false;
    after_block_comment_ = false;
    just_opened_block = false;
    last_significant_ = i;

    if (is_opener(t) && ti.match != kNone) {
      if (ti.group == GroupKind::Block) {
        open_.push_back({ti.match, GroupKind::Block, true, indent_});
        ++indent_;
        just_opened_block = true;
      } else {
        std::optional<std::string> flat = inline_text(i);
        bool fits = flat && column_ - 1 + display_width(*flat) <= kLineWidth;
        bool broken = !fits && ti.group == GroupKind::Separated;
        open_.push_back({ti.match, ti.group, broken, indent_});
        if (broken) {
          ++indent_;
        }
      }
    }
  }
  if (!out_.empty()) {
    out_ += '\n';
  }
  align();
  return std::move(out_);
}

void Printer::align() {
  // In order: params' types, params' `=`, keys' `=`, trailing comments; each padding moves the
  // points of the later lists.
  std::vector<std::vector<std::size_t>*> lists{&type_points_, &param_points_, &align_points_,
                                               &comment_points_};
  for (std::size_t l = 0; l < lists.size(); ++l) {
    std::vector<std::pair<std::size_t, std::size_t>> padding = pad_sections(*lists[l]);
    for (auto it = padding.rbegin(); it != padding.rend(); ++it) {
      out_.insert(it->first, it->second, ' ');
    }
    for (std::size_t later = l + 1; later < lists.size(); ++later) {
      for (std::size_t& point : *lists[later]) {
        std::size_t shift = 0;
        for (const auto& [offset, spaces] : padding) {
          shift += offset <= point ? spaces : 0;
        }
        point += shift;
      }
    }
  }
}

// A section is a run of points on consecutive lines of the same indent; each point's line prefix
// is padded to the widest of its section. Returns (offset, spaces) in increasing offset order.
std::vector<std::pair<std::size_t, std::size_t>>
Printer::pad_sections(const std::vector<std::size_t>& points) const {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < out_.size(); ++i) {
    if (out_[i] == '\n' && i + 1 < out_.size()) {
      starts.push_back(i + 1);
    }
  }
  auto line_of = [&](std::size_t offset) {
    return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) -
                                    starts.begin() - 1);
  };
  auto indent_of = [&](std::size_t line) {
    std::size_t n = out_.find_first_not_of(' ', starts[line]);
    return n == std::string::npos ? 0 : n - starts[line];
  };
  auto width_of = [&](std::size_t point) {
    std::size_t start = starts[line_of(point)];
    return display_width(std::string_view(out_).substr(start, point - start));
  };
  std::vector<std::pair<std::size_t, std::size_t>> padding;
  std::size_t i = 0;
  while (i < points.size()) {
    std::size_t indent = indent_of(line_of(points[i]));
    std::size_t widest = width_of(points[i]);
    std::size_t j = i + 1;
    while (j < points.size() && line_of(points[j]) == line_of(points[j - 1]) + 1 &&
           indent_of(line_of(points[j])) == indent) {
      widest = std::max(widest, width_of(points[j]));
      ++j;
    }
    for (std::size_t k = i; k < j; ++k) {
      std::size_t width = width_of(points[k]);
      if (width < widest) {
        padding.emplace_back(points[k], widest - width);
      }
    }
    i = j;
  }
  return padding;
}

// Annotates every token: line breaks before it, bracket partners and kinds, operator roles.
std::vector<TokenInfo> annotate(const std::vector<Token>& tokens,
                                const std::vector<std::size_t>& newlines, const Structure& s) {
  std::vector<TokenInfo> info(tokens.size());
  std::vector<std::size_t> stack;
  std::size_t prev_sig = kNone, prev_prev_sig = kNone;
  bool in_type = false;
  bool block_pending = false; // a block header was seen: its `{` comes next
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    TokenInfo& ti = info[i];
    ti.newlines_before = newlines[i];
    if (t.is_comment()) {
      continue;
    }
    ti.item_start = s.item_starts.contains(t.begin);
    if (ti.item_start) {
      in_type = false;
    }
    if (s.block_bodies.contains(t.begin) || s.block_bodies.contains(t.end)) {
      block_pending = true; // the header ends at this token (or the `{` starts right here)
    }
    if (is_opener(t)) {
      stack.push_back(i);
      if (t.is_punct("{") && block_pending) {
        ti.group = GroupKind::Block;
        block_pending = false;
      } else if (t.is_punct("{") || t.is_punct("[")) {
        bool index =
            t.is_punct("[") && prev_sig != kNone && ends_operand(tokens[prev_sig], info[prev_sig]);
        ti.group = index ? GroupKind::Other : GroupKind::Separated;
        ti.object_brace = t.is_punct("{");
      } else {
        bool call = prev_sig != kNone && tokens[prev_sig].kind == TokenKind::Identifier;
        ti.group = call ? GroupKind::Separated : GroupKind::Other;
      }
    } else if (is_closer(t) && !stack.empty()) {
      std::size_t open = stack.back();
      stack.pop_back();
      info[open].match = i;
      ti.match = open;
      ti.group = info[open].group;
      ti.object_brace = info[open].object_brace;
    }
    if ((t.is_punct("-") || t.is_punct("!")) &&
        (prev_sig == kNone || !ends_operand(tokens[prev_sig], info[prev_sig]))) {
      ti.unary = true;
    }
    if (t.is_punct(":") && prev_prev_sig != kNone && tokens[prev_prev_sig].text == "param" &&
        tokens[prev_prev_sig].kind == TokenKind::Keyword) {
      ti.param_colon = true;
      in_type = true;
    } else if (t.is_punct("=")) {
      in_type = false;
    }
    ti.in_type = in_type && !ti.param_colon;
    prev_prev_sig = prev_sig;
    prev_sig = i;
  }
  return info;
}

// Significant tokens and comments of `text`, with the line breaks before each.
bool tokenize(std::string_view text, std::vector<Token>& tokens,
              std::vector<std::size_t>& newlines) {
  auto lexed = syntax::lex(text);
  if (!lexed) {
    return false;
  }
  std::size_t breaks = 0;
  for (const Token& t : *lexed) {
    if (t.kind == TokenKind::Newline) {
      ++breaks;
    } else if (t.kind == TokenKind::Error) {
      return false;
    } else {
      tokens.push_back(t);
      newlines.push_back(breaks);
      breaks = 0;
    }
  }
  return true;
}

// The tokens that must survive formatting: everything but trailing commas, which the layout adds
// or removes.
std::vector<std::string_view> essential(const std::vector<Token>& tokens) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].is_punct(",")) {
      std::size_t next = i + 1;
      while (next < tokens.size() && tokens[next].is_comment()) {
        ++next;
      }
      if (next < tokens.size() && is_closer(tokens[next])) {
        continue;
      }
    }
    out.push_back(tokens[i].text);
  }
  return out;
}

} // namespace

bool format_file(const SourceManager& sources, FileId id, Diagnostics& diags, std::string& out,
                 std::size_t max_bytes) {
  Diagnostics syntax_diags;
  ast::File file = syntax::parse_file(sources, id, syntax_diags);
  if (syntax_diags.has_errors()) {
    syntax_diags.sort();
    diags.append(std::move(syntax_diags));
    return false;
  }
  const std::string& text = sources.file(id).text();
  std::vector<Token> tokens;
  std::vector<std::size_t> newlines;
  std::string result;
  bool ok = tokenize(text, tokens, newlines);
  if (ok) {
    std::vector<TokenInfo> info = annotate(tokens, newlines, collect(file));
    result = Printer(tokens, std::move(info)).run();
    if (result.size() > max_bytes) {
      // Canonical spacing can grow a file near the limit past it: eclc could not read the result.
      diags.report(Diag::FileTooLarge, Range{id, 0, 0}, result.size(), max_bytes)
          .note(Range{}, "that is the formatted text's size; the file is left as it is");
      return false;
    }
    // The safety net: the result must lex to the same tokens, comments included.
    std::vector<Token> again;
    std::vector<std::size_t> again_newlines;
    ok = tokenize(result, again, again_newlines) && essential(again) == essential(tokens);
  }
  if (!ok) {
    diags.report(Diag::SyntaxError, Range{id, 0, 0},
                 std::string("the formatter could not lay out this file; this is a bug in eclc"));
    return false;
  }
  out = std::move(result);
  return true;
}

bool collect_files(const std::string& path, std::vector<std::string>& files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return false;
  }
  if (!fs::is_directory(status)) {
    files.push_back(path);
    return true;
  }
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(path, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::error_code entry_ec;
    if (it->is_directory(entry_ec)) {
      if (name.starts_with(".")) {
        it.disable_recursion_pending();
      }
    } else if (it->path().extension() == ".ecl") {
      found.push_back(it->path().string());
    }
  }
  if (ec) {
    return false;
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
  return true;
}

} // namespace ecl::format
