// The descriptions EC2 stores take only some ASCII characters (E3050): a security group's
// `GroupDescription` letters, digits, spaces and `._-:/()#,@[]+=&;{}!$*`, a rule's `Description`
// the same but `&`, at most 255 of them. Anything else (`–`, `é`, a tab) makes CreateSecurityGroup
// fail and cfn-lint report E3031.
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>

namespace ecl::check {
namespace aws_characters_rule {
namespace {

struct Allowed {
  std::string_view kind;
  std::string_view punctuation; // besides letters, digits and spaces
};

constexpr Allowed kAllowed[] = {
    {"security_group", "._-:/()#,@[]+=&;{}!$*"},
    {"ingress", "._-:/()#,@[]+=;{}!$*"},
    {"egress", "._-:/()#,@[]+=;{}!$*"},
};

bool allowed(unsigned char c, std::string_view punctuation) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
         punctuation.find(static_cast<char>(c)) != std::string_view::npos;
}

// The code point of the UTF-8 sequence at the start of `text` (source text is valid UTF-8).
std::uint32_t code_point(std::string_view text, std::size_t& length) {
  auto c = static_cast<unsigned char>(text[0]);
  length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  length = std::min(length, text.size());
  std::uint32_t code = length == 1 ? c : c & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    code = (code << 6) | (static_cast<unsigned char>(text[k]) & 0x3F);
  }
  return code;
}

// The first character of `text` that is not allowed, as people read it: `–` (U+2013), a control
// character by its code point alone.
std::string first_refused(std::string_view text, std::string_view punctuation) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (allowed(static_cast<unsigned char>(text[i]), punctuation)) {
      continue;
    }
    std::size_t length = 1;
    std::uint32_t code = code_point(text.substr(i), length);
    if (code < 0x20 || (code >= 0x7F && code < 0xA0)) {
      return fmt::format("U+{:04X}", code);
    }
    return fmt::format("`{}` (U+{:04X})", text.substr(i, length), code);
  }
  return "";
}

void run(RuleContext& c) {
  for (const Allowed& a : kAllowed) {
    for (const model::Block* block : c.program.of_kind(a.kind)) {
      const std::string* text = block->get_string("description");
      if (!text) {
        continue;
      }
      std::string refused = first_refused(*text, a.punctuation);
      if (!refused.empty()) {
        c.diags.report(Diag::DescriptionCharacters, attribute_range(*block, "description"), a.kind,
                       refused, a.punctuation);
      }
    }
  }
}

} // namespace
} // namespace aws_characters_rule

extern const Rule kAwsCharactersRule;
const Rule kAwsCharactersRule{
    "aws-characters",
    "security group and rule descriptions use only the characters EC2 stores",
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html",
    {Diag::DescriptionCharacters},
    aws_characters_rule::run};

} // namespace ecl::check
