// Container images are well-formed references: `[registry[:port]/]repository[:tag|@digest]`.
// Repository path components are lowercase letters and digits separated by `.`, `_`, `__` or
// dashes; a tag is up to 128 of [A-Za-z0-9_.-] not starting with `.` or `-`; a digest is
// `sha256:` and 64 hex digits; the reference is at most 255 characters (for a digest, the part
// before `@`). Images built from deferred values (`${repo.uri}`) are not checked (E3110).
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>
#include <optional>
#include <string_view>
#include <vector>

namespace ecl::check {
namespace image_reference_rule {
namespace {

constexpr std::size_t kMaxReference = 255; // ContainerDefinition.image
constexpr std::size_t kMaxTag = 128;       // the OCI distribution spec's tag grammar
constexpr std::size_t kDigestHex = 64;     // sha256

bool lower_alnum(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}
bool upper(char ch) {
  return ch >= 'A' && ch <= 'Z';
}
bool alnum(char ch) {
  return lower_alnum(ch) || upper(ch);
}
bool hex(char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

// The whole character starting at byte `at` (every byte of its UTF-8 sequence), so that a message
// never quotes half of one: JSON output rejects a cut sequence.
std::string_view character_at(std::string_view text, std::size_t at) {
  std::size_t end = at + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    ++end;
  }
  return text.substr(at, end - at);
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    std::size_t at = text.find(sep, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) {
      return parts;
    }
    start = at + 1;
  }
}

// A path component: [a-z0-9]+ ((. | _ | __ | -+) [a-z0-9]+)*.
std::optional<std::string> component_problem(std::string_view c) {
  for (std::size_t at = 0; at < c.size(); ++at) {
    char ch = c[at];
    if (upper(ch)) {
      return fmt::format("repository `{}` has uppercase letters; repository names are lowercase",
                         c);
    }
    if (!lower_alnum(ch) && ch != '.' && ch != '_' && ch != '-') {
      return fmt::format("repository component `{}` contains `{}`; use lowercase letters, "
                         "digits, `.`, `_` and `-`",
                         c, character_at(c, at));
    }
  }
  std::size_t i = 0;
  for (;;) {
    std::size_t run = i;
    while (i < c.size() && lower_alnum(c[i])) {
      ++i;
    }
    if (i == run) {
      break; // a separator first, last, or after another
    }
    if (i == c.size()) {
      return std::nullopt;
    }
    if (c[i] == '.') {
      ++i;
    } else if (c[i] == '_') {
      i += c.substr(i, 2) == "__" ? 2 : 1;
    } else {
      while (i < c.size() && c[i] == '-') {
        ++i;
      }
    }
  }
  return fmt::format("repository component `{}` must start and end with a letter or digit, with "
                     "one `.`, one or two `_`, or dashes between them",
                     c);
}

// A registry host: DNS labels of letters, digits and inner dashes, with an optional `:port`.
std::optional<std::string> registry_problem(std::string_view registry) {
  std::string_view host = registry;
  if (std::size_t colon = registry.find(':'); colon != std::string_view::npos) {
    host = registry.substr(0, colon);
    std::string_view port = registry.substr(colon + 1);
    bool digits = !port.empty() && port.size() <= 5;
    for (char ch : port) {
      digits = digits && ch >= '0' && ch <= '9';
    }
    if (!digits || std::stoi(std::string(port)) > 65535) {
      return fmt::format("registry port `{}` is not a port number", port);
    }
  }
  for (std::string_view label : split(host, '.')) {
    bool ok = !label.empty() && alnum(label.front()) && alnum(label.back());
    for (char ch : label) {
      ok = ok && (alnum(ch) || ch == '-');
    }
    if (!ok) {
      return fmt::format("registry `{}` is not a valid host name", host);
    }
  }
  return std::nullopt;
}

std::optional<std::string> image_problem(std::string_view image) {
  if (image.empty()) {
    return "it is empty";
  }
  std::string_view name = image;
  if (std::size_t at = image.find('@'); at != std::string_view::npos) {
    name = image.substr(0, at);
    std::string_view digest = image.substr(at + 1);
    if (digest.substr(0, 7) != "sha256:") {
      return "the digest must start with `sha256:`, the only hash function ECS supports";
    }
    std::string_view hexits = digest.substr(7);
    bool ok = hexits.size() == kDigestHex;
    for (char ch : hexits) {
      ok = ok && hex(ch);
    }
    if (!ok) {
      return fmt::format("the digest must be `sha256:` and {} hex digits", kDigestHex);
    }
  }
  if (name.size() > kMaxReference) {
    return fmt::format("it is {} characters long; the limit is {}", name.size(), kMaxReference);
  }
  std::size_t colon = name.rfind(':');
  std::size_t slash = name.rfind('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    std::string_view tag = name.substr(colon + 1);
    name = name.substr(0, colon);
    if (tag.empty()) {
      return "the tag after `:` is empty";
    }
    if (tag.size() > kMaxTag) {
      return fmt::format("the tag is {} characters long; the limit is {}", tag.size(), kMaxTag);
    }
    if (tag.front() == '.' || tag.front() == '-') {
      return fmt::format("tag `{}` starts with `{}`; a tag starts with a letter, digit or `_`", tag,
                         tag.front());
    }
    for (std::size_t at = 0; at < tag.size(); ++at) {
      char ch = tag[at];
      if (!alnum(ch) && ch != '_' && ch != '.' && ch != '-') {
        return fmt::format("tag `{}` contains `{}`; a tag has letters, digits, `_`, `.` and `-`",
                           tag, character_at(tag, at));
      }
    }
  }
  if (name.empty()) {
    return "the repository name is empty";
  }
  std::vector<std::string_view> parts = split(name, '/');
  // As in Docker: a first component with `.` or `:`, or `localhost`, names a registry.
  std::size_t first = 0;
  if (parts.size() > 1 &&
      (parts[0].find_first_of(".:") != std::string_view::npos || parts[0] == "localhost")) {
    if (auto problem = registry_problem(parts[0])) {
      return problem;
    }
    first = 1;
  }
  for (std::size_t i = first; i < parts.size(); ++i) {
    if (parts[i].empty()) {
      return "the repository has an empty path component (`//`, or a leading or trailing `/`)";
    }
    if (auto problem = component_problem(parts[i])) {
      return problem;
    }
  }
  return std::nullopt;
}

void run(RuleContext& c) {
  for (const model::Block* container : c.program.of_kind("container")) {
    const std::string* image = container->get_string("image");
    if (!image) {
      continue;
    }
    if (auto problem = image_problem(*image)) {
      c.diags.report(Diag::InvalidImage, attribute_range(*container, "image"), *image, *problem);
    }
  }
}

} // namespace
} // namespace image_reference_rule

extern const Rule kImageReferenceRule;
const Rule kImageReferenceRule{
    "image-reference",
    "container images are well-formed `[registry/]repository[:tag|@digest]` references",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
    {Diag::InvalidImage},
    image_reference_rule::run};

} // namespace ecl::check
