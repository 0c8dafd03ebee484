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

// Longest string, written (E0019, in the syntax layer) or computed by interpolation, `+` or
// `join` (E0019, in the checker). An ECS task definition is at most 64 KiB in all, so no AWS
// string an ECL program sets can be longer.
inline constexpr std::size_t kMaxStringBytes = 64u << 10;
// Largest folded value (E0020): string bytes plus list and map elements, counted through nested
// values. `let`s and references copy values, so without a bound `let b = [a, a]` repeated 40
// times would need a terabyte. 256 Ki is far beyond any deployable program (CloudFormation
// templates are at most 1 MB, an ECS task definition 64 KiB) and keeps the worst case, every `let`
// of a doubling chain at the limit, within a fraction of a second (0.3 s; 1 s at 1 Mi, and ten
// times that under the sanitizers, where fuzz_lsp's 10 s timeout caught it).
inline constexpr std::size_t kMaxValueSize = 1u << 18;
// Deepest folded value (E0021): values are copied and destroyed recursively, and `let`s can nest
// a list one level deeper each. Literals are already bounded by kMaxNesting, so this is the same.
inline constexpr std::size_t kMaxValueDepth = kMaxNesting;
// Deepest evaluation (E0022): the checker folds `let`s, params and attributes on demand, so a
// chain of `let a1 = a0`, `let a2 = a1`, … recurses once per link, on top of each expression's
// own depth (at most kMaxExpressionDepth). Realistic programs stay under 100. One level takes
// about 5 KiB of stack in a sanitizer build (measured: 1,500 chained attributes fit in 8 MiB,
// 2,000 do not), so 1,000 leaves room on the default 8 MiB stack.
inline constexpr std::size_t kMaxEvalDepth = 1000;
// Most blocks in one file (E0023). CloudFormation allows 500 resources per template and a block
// lowers to a few, so no deployable program comes near; the bound keeps memory proportional to a
// file the size limit admits (a million-line program has about 200,000 blocks) and bounds the
// checker's per-block work, whose pairwise rules (subnet overlaps, duplicate names) are
// O(n log n).
inline constexpr std::size_t kMaxBlocksPerFile = 1000000;

} // namespace ecl::limits
