#include "compiler/import/yaml.h"

#include <cmath>

namespace ecl::import {

bool load_yaml(const SourceFile& file, FileId id, Diagnostics& diags, YAML::Node& root) {
  try {
    root = YAML::Load(file.text());
  } catch (const YAML::Exception& e) {
    std::uint32_t at = e.mark.is_null()
                           ? 0
                           : file.offset_of({static_cast<std::uint32_t>(e.mark.line + 1),
                                             static_cast<std::uint32_t>(e.mark.column + 1)});
    diags.report(Diag::ImportMalformed, Range{id, at, at}, "YAML", e.msg);
    return false;
  }
  return true;
}

std::vector<std::pair<std::string, YAML::Node>> entries(const YAML::Node& map, int depth) {
  std::vector<std::pair<std::string, YAML::Node>> own, merged;
  for (const auto& kv : map) {
    std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
    if (key == "<<" && depth < 8) {
      std::vector<YAML::Node> sources;
      if (kv.second.IsMap()) {
        sources.push_back(kv.second);
      } else if (kv.second.IsSequence()) {
        for (const auto& s : kv.second) {
          if (s.IsMap()) {
            sources.push_back(s);
          }
        }
      }
      for (const auto& s : sources) {
        for (auto& e : entries(s, depth + 1)) {
          merged.push_back(std::move(e));
        }
      }
      continue;
    }
    own.emplace_back(std::move(key), kv.second);
  }
  for (auto& m : merged) {
    bool overridden =
        std::any_of(own.begin(), own.end(), [&](const auto& o) { return o.first == m.first; });
    if (!overridden) {
      own.push_back(std::move(m));
    }
  }
  return own;
}

std::string flow(const YAML::Node& node) {
  YAML::Emitter e;
  e.SetMapFormat(YAML::Flow);
  e.SetSeqFormat(YAML::Flow);
  e << node;
  return e.good() ? std::string(e.c_str()) : std::string("…");
}

std::string raw(const YAML::Node& node) {
  return node.IsScalar() ? node.Scalar() : flow(node);
}

std::optional<std::int64_t> parse_duration(const std::string& text) {
  std::int64_t total = 0;
  std::size_t i = 0;
  if (text.empty()) {
    return std::nullopt;
  }
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) {
      ++i;
    }
    if (start == i || i - start > 9) {
      return std::nullopt;
    }
    double n = std::stod(text.substr(start, i - start));
    std::size_t u = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
    std::string unit = text.substr(u, i - u);
    double ms = unit == "ms"   ? 1
                : unit == "s"  ? 1000
                : unit == "m"  ? 60000
                : unit == "h"  ? 3600000
                : unit == "us" ? 0.001
                               : -1;
    if (ms < 0) {
      return std::nullopt;
    }
    total += static_cast<std::int64_t>(std::llround(n * ms));
  }
  return total;
}

std::vector<std::string> shell_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char q = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (q) {
      if (c == q) {
        q = 0;
      } else if (c == '\\' && q == '"' && i + 1 < text.size()) {
        word += text[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      q = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < text.size()) {
      word += text[++i];
      in_word = true;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      if (in_word) {
        words.push_back(std::move(word));
        word.clear();
        in_word = false;
      }
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) {
    words.push_back(word);
  }
  return words;
}

} // namespace ecl::import
