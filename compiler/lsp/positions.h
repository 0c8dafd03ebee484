// The one place where byte offsets meet LSP positions. Our ranges are byte offsets (and our
// columns count code points); LSP counts lines from 0 and characters in UTF-16 code units.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

namespace ecl::lsp {

struct Position {
  std::uint32_t line = 0;      // 0-based
  std::uint32_t character = 0; // UTF-16 code units from the line's start
};

// Line starts of one text; line breaks are `\n`, `\r\n` and `\r`, as LSP defines them.
class LineIndex {
public:
  explicit LineIndex(std::string_view text);

  Position position(std::uint32_t offset) const; // clamped to the text
  // The byte offset of a position; a line past the end clamps to the end of the text, a character
  // past the end of its line to the line's end, one inside a surrogate pair to the character.
  std::uint32_t offset(Position position) const;

private:
  std::uint32_t line_end(std::uint32_t line) const; // before the line break
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
};

nlohmann::json to_json(Position position);
// {start, end} of a byte range.
nlohmann::json range_json(const LineIndex& index, std::uint32_t begin, std::uint32_t end);
// Reads {line, character}; throws nlohmann::json::exception when malformed (negative values clamp
// to 0).
Position position_from_json(const nlohmann::json& json);

} // namespace ecl::lsp
