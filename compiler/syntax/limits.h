// Documented limits of the front end (docs/limits.md). Each keeps a stage from overflowing the
// stack or exhausting memory on hostile input; each is enforced with its own diagnostic.
#pragma once

#include <cstddef>

namespace ecl::limits {

// Largest source file read (E0013). A million-line program is about 30 MB; this leaves room.
inline constexpr std::size_t kMaxFileBytes = 64u << 20;
// Deepest nesting of brackets, parentheses, braces, blocks, interpolations and `?:` then-branches
// (E0008), checked on tokens before parsing: ANTLR's recursive descent overflows the default stack
// at about 15,000 levels, and realistic programs stay under 20.
inline constexpr std::size_t kMaxNesting = 256;
// Deepest expression tree the transformer builds (E0014), counting operator chains such as
// `1 + 1 + … + 1`, so that every later recursive pass is bounded too.
inline constexpr std::size_t kMaxExpressionDepth = 512;
// Diagnostics reported for one file before the syntax layer stops (E0017): binary junk would
// otherwise produce one per byte.
inline constexpr std::size_t kMaxErrorsPerFile = 100;

} // namespace ecl::limits
