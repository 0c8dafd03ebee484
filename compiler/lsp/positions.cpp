#include "compiler/lsp/positions.h"

#include <algorithm>

namespace ecl::lsp {
namespace {

// The UTF-8 sequence length announced by a lead byte (1 for stray continuation bytes, so that
// walking never stalls; the syntax layer rejects such text anyway).
std::uint32_t sequence_length(unsigned char lead) {
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

} // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      starts_.push_back(i + 1);
    }
  }
}

std::uint32_t LineIndex::line_end(std::uint32_t line) const {
  std::uint32_t end =
      line + 1 < starts_.size() ? starts_[line + 1] : static_cast<std::uint32_t>(text_.size());
  while (end > starts_[line] && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) {
    --end;
  }
  return end;
}

Position LineIndex::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - starts_.begin() - 1);
  std::uint32_t character = 0;
  for (std::uint32_t i = starts_[line]; i < offset;) {
    std::uint32_t length = sequence_length(static_cast<unsigned char>(text_[i]));
    character += length == 4 ? 2 : 1; // outside the BMP: a surrogate pair
    i += length;
  }
  return {line, character};
}

std::uint32_t LineIndex::offset(Position position) const {
  if (position.line >= starts_.size()) {
    return static_cast<std::uint32_t>(text_.size());
  }
  std::uint32_t i = starts_[position.line];
  std::uint32_t end = line_end(position.line);
  std::uint32_t units = 0;
  while (i < end && units < position.character) {
    std::uint32_t length = sequence_length(static_cast<unsigned char>(text_[i]));
    std::uint32_t width = length == 4 ? 2 : 1;
    if (units + width > position.character) {
      break; // inside a surrogate pair: stay before the character
    }
    units += width;
    i = std::min(i + length, end);
  }
  return i;
}

nlohmann::json to_json(Position position) {
  return {{"line", position.line}, {"character", position.character}};
}

nlohmann::json range_json(const LineIndex& index, std::uint32_t begin, std::uint32_t end) {
  return {{"start", to_json(index.position(begin))}, {"end", to_json(index.position(end))}};
}

Position position_from_json(const nlohmann::json& json) {
  auto read = [&](const char* key) -> std::uint32_t {
    const auto& v = json.at(key);
    if (!v.is_number()) {
      throw nlohmann::json::type_error::create(302, std::string(key) + " must be a number", &v);
    }
    double d = v.get<double>();
    if (!(d > 0)) {
      return 0;
    }
    return d >= 4294967295.0 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(d);
  };
  return {read("line"), read("character")};
}

} // namespace ecl::lsp
