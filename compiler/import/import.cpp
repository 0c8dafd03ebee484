#include "compiler/import/import.h"

#include "compiler/import/importers.h"

#include <exception>
#include <fmt/format.h>
#include <string_view>

namespace ecl::import {
namespace {

// The offset of the first byte that is not part of valid UTF-8, or of a NUL; npos if none. YAML
// and JSON files are UTF-8 text, and neither parser says so clearly when they are not.
std::size_t first_bad_byte(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xe  ? 3
                         : (byte >> 3) == 0x1e ? 4
                                               : 0;
    if (byte == 0 || length == 0 || (length == 2 && byte < 0xc2) || i + length > text.size()) {
      return i;
    }
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) {
        return i;
      }
    }
    i += length;
  }
  return std::string_view::npos;
}

} // namespace

bool import_file(Source source, const SourceManager& sources, FileId id, Diagnostics& diags,
                 std::string& out) {
  const SourceFile& file = sources.file(id);
  if (std::size_t bad = first_bad_byte(file.text()); bad != std::string_view::npos) {
    auto at = static_cast<std::uint32_t>(bad);
    diags.report(Diag::ImportMalformed, Range{id, at, at + 1},
                 source == Source::Compose ? "YAML" : "JSON",
                 fmt::format("byte 0x{:02x} is not UTF-8 text",
                             static_cast<unsigned char>(file.text()[bad])));
    return false;
  }
  Program program;
  bool read = false;
  try {
    read = source == Source::Compose ? import_compose(file, id, diags, program)
                                     : import_task_definition(file, id, diags, program);
  } catch (const std::exception& e) {
    // A library's surprise (yaml-cpp's conversions, nlohmann's type errors) is the input's
    // shape, not a crash.
    diags.report(Diag::ImportWrongShape, Range{id, 0, 0}, e.what());
    read = false;
  }
  return read && !diags.has_errors() && write_program(program, diags, out);
}

} // namespace ecl::import
