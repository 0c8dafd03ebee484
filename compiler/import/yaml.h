// YAML input of the importers (compose files, Copilot manifests): node positions as ranges of the
// source, the E0030/E0031 reports, and the readings of values both formats share.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/diagnostics/source.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace ecl::import {

// A YAML file being read: where its nodes are, and how a wrong shape is reported.
struct Reader {
  const SourceFile& file;
  FileId id;
  Diagnostics& diags;

  Range at(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) {
      return {id, 0, 0};
    }
    std::uint32_t begin = file.offset_of(
        {static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)});
    std::uint32_t end = begin;
    if (node.IsScalar()) {
      end = std::min<std::uint32_t>(static_cast<std::uint32_t>(file.text().size()),
                                    begin + static_cast<std::uint32_t>(node.Scalar().size()));
    }
    return {id, begin, std::max(end, begin)};
  }

  // Reports E0031 and returns false.
  bool wrong(const YAML::Node& node, const std::string& message) {
    diags.report(Diag::ImportWrongShape, at(node), message);
    return false;
  }
};

// Parses `file` into `root`; E0030 at the error's position and false when it is not YAML.
bool load_yaml(const SourceFile& file, FileId id, Diagnostics& diags, YAML::Node& root);

// A mapping's entries in file order, with YAML merge keys (`<<: *base`) expanded: compose files
// share settings through anchors, and yaml-cpp leaves `<<` as an ordinary key.
std::vector<std::pair<std::string, YAML::Node>> entries(const YAML::Node& map, int depth = 0);

// A node in YAML's flow style, on one line.
std::string flow(const YAML::Node& node);

// A value as the file spells it.
std::string raw(const YAML::Node& node);

// "1m30s", "10s", "500ms", "1h": milliseconds; nullopt if unreadable.
std::optional<std::int64_t> parse_duration(const std::string& text);

// A command or entrypoint string split as a POSIX shell splits words (compose and Copilot do so).
std::vector<std::string> shell_words(const std::string& text);

} // namespace ecl::import
