// The syntax layer's stages one at a time, for the benchmark suite (bench/): each runs what
// parse_file runs up to that stage and throws its result away, so that a benchmark can tell how
// the time and memory of parse_file divide. parse_file itself is the whole stage (lex, parse and
// AST). Diagnostics are dropped: these measure, they do not check.
#pragma once

#include "compiler/diagnostics/source.h"

#include <cstddef>

namespace ecl::syntax::stages {

// UTF-8 check and lexing, as parse_file does them. Returns the number of tokens produced (every
// channel, end of file included), or 0 when the text is not valid UTF-8.
std::size_t lex(const SourceFile& source, FileId id);

// Lexing, the token pre-pass and parsing, as parse_file does them, without building the AST: each
// item's parse tree is freed once parsed. Returns the number of top-level items parsed, or 0 when
// the pre-pass stops the file.
std::size_t parse(const SourceFile& source, FileId id);

} // namespace ecl::syntax::stages
