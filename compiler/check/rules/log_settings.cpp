// A container's `log` says nothing twice and nothing its driver ignores (E3123): `group` and
// `stream_prefix` are awslogs settings, and awslogs' own option keys would override them and the
// stack's region.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace log_settings_rule {
namespace {

constexpr std::pair<std::string_view, std::string_view> kAwslogsOptions[] = {
    {"awslogs-group", "write `group` instead"},
    {"awslogs-stream-prefix", "write `stream_prefix` instead"},
    {"awslogs-region", "the group is in the stack's region"},
};

bool written(const model::Block& block, std::string_view attribute) {
  const model::Attribute* a = block.attribute(attribute);
  return a && !a->defaulted;
}

void run(RuleContext& c) {
  for (const model::Block* log : c.program.of_kind("log")) {
    const model::Block* container = log->parent;
    const std::string* driver = log->get_enum("driver");
    const std::string path = container ? container->path : log->path;
    if (driver && *driver != "awslogs") {
      for (std::string_view attribute : {"group", "stream_prefix"}) {
        if (written(*log, attribute)) {
          c.diags.report(Diag::LogSettingIgnored, attribute_range(*log, attribute),
                         fmt::format("container `{}` logs with `{}`, which ignores `{}` (an "
                                     "awslogs setting); drop it",
                                     path, *driver, attribute));
        }
      }
      continue;
    }
    const model::Value* options = log->get("options");
    const model::Map* map = options ? options->as<model::Map>() : nullptr;
    for (const model::MapEntry& e : map ? *map : model::Map{}) {
      for (auto [key, hint] : kAwslogsOptions) {
        if (e.first == key) {
          c.diags.report(Diag::LogSettingIgnored, attribute_range(*log, "options"),
                         fmt::format("container `{}`'s `options` sets `{}`, which overrides the "
                                     "`log` block's own setting; {}",
                                     path, key, hint));
        }
      }
    }
  }
}

} // namespace
} // namespace log_settings_rule

extern const Rule kLogSettingsRule;
const Rule kLogSettingsRule{"log-settings",
                            "a container's log settings are neither ignored nor overridden",
                            "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/"
                            "using_awslogs.html",
                            {Diag::LogSettingIgnored},
                            log_settings_rule::run};

} // namespace ecl::check
