// Source text and positions: files are held once, positions are byte ranges, and line/column are
// computed only when a diagnostic is printed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ecl {

using FileId = std::uint32_t;

// A half-open byte range [begin, end) in one source file. `file == kNoFile` means "no location"
// (a command-line problem, say).
struct Range {
  static constexpr FileId kNoFile = 0xffffffffu;
  FileId file = kNoFile;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool valid() const { return file != kNoFile; }
  // The smallest range covering both (same file assumed).
  Range to(const Range& other) const { return {file, begin, other.end > end ? other.end : end}; }
  friend bool operator==(const Range&, const Range&) = default;
};

// A 1-based line and column; columns count Unicode code points, as the spec says.
struct LineCol {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

class SourceFile {
public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  LineCol position(std::uint32_t offset) const;
  // The text of 1-based line `line`, without its line terminator.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  // Byte offset of a 1-based line and code-point column (clamped to the line).
  std::uint32_t offset_of(LineCol pos) const;

private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

// Owns every file of a program; FileIds index into it.
class SourceManager {
public:
  FileId add(std::string path, std::string text);
  const SourceFile& file(FileId id) const { return *files_.at(id); }
  std::size_t size() const { return files_.size(); }

private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

} // namespace ecl
