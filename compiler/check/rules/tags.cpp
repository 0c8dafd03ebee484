// Tags AWS takes (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html, "Tag naming
// limits and requirements"): a key of 1 to 128 characters, a value of at most 256, no key starting
// with `aws:` in any case (AWS's own), and at most 50 tags on a resource. A resource carries the
// stack's tags, its block's (which win on a shared key) and eclc's `ecl:path` (the backends'
// merged_tags): the 50 count all three, and `ecl:path` is eclc's to write. E3060 for a key or value
// AWS refuses, E3061 for a resource with too many; cfn-lint's E3024 and E3032 catch the same in a
// template, EC2 and ECS refuse the request at deployment.
#include "compiler/check/rules/rule.h"
#include "compiler/schema/schema.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace ecl::check {
namespace tags_rule {
namespace {

constexpr std::size_t kMaxTags = 50;
constexpr std::size_t kMaxKey = 128;
constexpr std::size_t kMaxValue = 256;

// Characters (code points) of UTF-8 text: what AWS's lengths count.
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool reserved_prefix(std::string_view key) {
  return key.size() >= 4 && std::tolower(static_cast<unsigned char>(key[0])) == 'a' &&
         std::tolower(static_cast<unsigned char>(key[1])) == 'w' &&
         std::tolower(static_cast<unsigned char>(key[2])) == 's' && key[3] == ':';
}

// The range of an entry's key as written (`"aws:owner"` in `"aws:owner" = "me"`), found in the
// source before the value's `=`; the value's range when the text there is not a key of that map (a
// map a function made).
Range key_range(const RuleContext& c, const model::Value& value) {
  if (!value.range.valid()) {
    return value.range;
  }
  const std::string& text = c.sources.file(value.range.file).text();
  std::size_t i = std::min<std::size_t>(value.range.begin, text.size());
  auto skip_space = [&] {
    while (i > 0 && std::isspace(static_cast<unsigned char>(text[i - 1]))) {
      --i;
    }
  };
  skip_space();
  if (i == 0 || (text[i - 1] != '=' && text[i - 1] != ':')) {
    return value.range;
  }
  --i;
  skip_space();
  const std::size_t end = i;
  if (i >= 2 && text[i - 1] == '"') {
    const std::size_t open = text.rfind('"', i - 2);
    if (open == std::string::npos) {
      return value.range;
    }
    i = open;
  } else {
    while (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_' ||
                     text[i - 1] == '-')) {
      --i;
    }
  }
  if (i == end) {
    return value.range;
  }
  return Range{value.range.file, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end)};
}

// Reports each key and value of a `tags` map that AWS refuses; returns its keys.
std::vector<std::string_view> check_entries(RuleContext& c, const model::Block& block) {
  std::vector<std::string_view> keys;
  const model::Value* tags = block.get("tags");
  const model::Map* map = tags ? tags->as<model::Map>() : nullptr;
  if (!map) {
    return keys;
  }
  const std::string owner = block.kind_name == "stack" ? "the stack" : block.display();
  for (const model::MapEntry& entry : *map) {
    const std::string& key = entry.first;
    keys.push_back(key);
    std::string problem;
    if (key.empty()) {
      problem = "a tag with an empty key; a tag key has 1 to 128 characters";
    } else if (reserved_prefix(key)) {
      problem = fmt::format("tag `{}`, whose prefix `{}` AWS reserves for its own tags; choose "
                            "another key",
                            key, key.substr(0, 4));
    } else if (key == "ecl:path") {
      problem = "tag `ecl:path`, which eclc puts on every resource with its block's path; choose "
                "another key";
    } else if (characters(key) > kMaxKey) {
      problem = fmt::format("tag `{}…`, whose key is {} characters long; a tag key has at most {}",
                            key.substr(0, 20), characters(key), kMaxKey);
    }
    if (!problem.empty()) {
      c.diags.report(Diag::TagFormat, key_range(c, entry.second), owner, problem);
      continue;
    }
    const std::string* value = entry.second.string();
    if (value && characters(*value) > kMaxValue) {
      c.diags.report(Diag::TagFormat, entry.second.range, owner,
                     fmt::format("tag `{}`, whose value is {} characters long; a tag value has "
                                 "at most {}",
                                 key, characters(*value), kMaxValue));
    }
  }
  return keys;
}

void run(RuleContext& c) {
  const model::Block* stack = c.program.stack;
  const std::vector<std::string_view> stack_keys =
      stack ? check_entries(c, *stack) : std::vector<std::string_view>{};
  // Every resource carries the stack's tags and `ecl:path`: too many for all, said once.
  const bool stack_too_many = stack_keys.size() + 1 > kMaxTags;
  if (stack_too_many) {
    c.diags.report(Diag::TooManyTags, attribute_range(*stack, "tags"), "every resource",
                   stack_keys.size() + 1,
                   fmt::format("the stack's {} and eclc's `ecl:path`", stack_keys.size()));
  }
  for (const auto& block : c.program.blocks) {
    if (block.get() == stack || !block->kind || !block->kind->attribute("tags") ||
        schema::existing(*block)) {
      continue;
    }
    const std::vector<std::string_view> own = check_entries(c, *block);
    if (stack_too_many || own.empty()) {
      continue;
    }
    const std::size_t shared = static_cast<std::size_t>(
        std::count_if(stack_keys.begin(), stack_keys.end(), [&](std::string_view k) {
          return std::find(own.begin(), own.end(), k) != own.end();
        }));
    const std::size_t total = stack_keys.size() + own.size() - shared + 1;
    if (total <= kMaxTags) {
      continue;
    }
    const std::string parts =
        stack_keys.empty() ? fmt::format("its {} and eclc's `ecl:path`", own.size())
                           : fmt::format("its {}, {} more of the stack's and eclc's `ecl:path`",
                                         own.size(), stack_keys.size() - shared);
    auto& d = c.diags.report(Diag::TooManyTags, attribute_range(*block, "tags"), block->display(),
                             total, parts);
    if (stack && !stack_keys.empty()) {
      d.note(attribute_range(*stack, "tags"), "the stack's tags are set here");
    }
  }
}

} // namespace
} // namespace tags_rule

extern const Rule kTagsRule;
const Rule kTagsRule{
    "tags",
    "Tag keys of 1 to 128 characters not starting with `aws:`, values of at most 256, at most 50 "
    "tags a resource counting the stack's and `ecl:path`",
    "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html",
    {Diag::TagFormat, Diag::TooManyTags},
    tags_rule::run};

} // namespace ecl::check
