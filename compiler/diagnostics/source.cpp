#include "compiler/diagnostics/source.h"

#include <algorithm>
#include <cstring>

namespace ecl {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* p = begin; p < end; ++p) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (p == nullptr) {
      break;
    }
    line_starts_.push_back(static_cast<std::uint32_t>(p - begin + 1));
  }
}

LineCol SourceFile::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  std::uint32_t start = line_starts_[line - 1];
  std::uint32_t column = 1;
  for (std::uint32_t i = start; i < offset; ++i) {
    // Count code points: every byte that is not a UTF-8 continuation byte starts one.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) {
    return {};
  }
  std::uint32_t start = line_starts_[line - 1];
  std::uint32_t end =
      line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
  std::string_view view(text_.data() + start, end - start);
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) {
    view.remove_suffix(1);
  }
  return view;
}

std::uint32_t SourceFile::offset_of(LineCol pos) const {
  if (pos.line == 0 || pos.line > line_starts_.size()) {
    return static_cast<std::uint32_t>(text_.size());
  }
  std::uint32_t i = line_starts_[pos.line - 1];
  std::uint32_t column = 1;
  while (i < text_.size() && text_[i] != '\n' && column < pos.column) {
    ++i;
    while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) {
      ++i;
    }
    ++column;
  }
  return i;
}

FileId SourceManager::add(std::string path, std::string text) {
  files_.push_back(std::make_unique<SourceFile>(std::move(path), std::move(text)));
  return static_cast<FileId>(files_.size() - 1);
}

} // namespace ecl
