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

// E0030 when the file is not UTF-8 text, which neither YAML's parser nor JSON's says clearly.
bool is_text(const char* format, const SourceFile& file, FileId id, Diagnostics& diags) {
  std::size_t bad = first_bad_byte(file.text());
  if (bad == std::string_view::npos) {
    return true;
  }
  auto at = static_cast<std::uint32_t>(bad);
  diags.report(
      Diag::ImportMalformed, Range{id, at, at + 1}, format,
      fmt::format("byte 0x{:02x} is not UTF-8 text", static_cast<unsigned char>(file.text()[bad])));
  return false;
}

// Runs an importer: a library's surprise (yaml-cpp's conversions, nlohmann's type errors) is the
// input's shape, not a crash.
template <typename Read>
bool imported(Read read, FileId at, Diagnostics& diags, std::string& out) {
  Program program;
  try {
    if (!read(program) || diags.has_errors()) {
      return false;
    }
    write_program(program, out);
    return true;
  } catch (const std::exception& e) {
    diags.report(Diag::ImportWrongShape, Range{at, 0, 0}, e.what());
    return false;
  }
}

} // namespace

bool import_file(Source source, const SourceManager& sources, FileId id, Diagnostics& diags,
                 std::string& out) {
  const SourceFile& file = sources.file(id);
  if (!is_text(source == Source::Compose ? "YAML" : "JSON", file, id, diags)) {
    return false;
  }
  return imported(
      [&](Program& program) {
        return source == Source::Compose ? import_compose(file, id, diags, program)
                                         : import_task_definition(file, id, diags, program);
      },
      id, diags, out);
}

bool import_copilot(const SourceManager& sources, const CopilotFiles& files, const std::string& env,
                    Diagnostics& diags, std::string& out) {
  std::vector<FileId> all;
  for (auto id : {files.workspace, files.environment}) {
    if (id) {
      all.push_back(*id);
    }
  }
  for (const auto& [id, folder] : files.workloads) {
    all.push_back(id);
  }
  bool text = true;
  for (FileId id : all) {
    text = is_text("YAML", sources.file(id), id, diags) && text;
  }
  return text && !all.empty() &&
         imported(
             [&](Program& program) {
               return import_copilot_program(sources, files, env, diags, program);
             },
             all.front(), diags, out);
}

} // namespace ecl::import
