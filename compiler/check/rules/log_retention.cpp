// A task's `log_retention` and a log group's `retention` (days) are one of the periods CloudWatch
// Logs offers (E3118).
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace ecl::check {
namespace log_retention_rule {
namespace {

// PutRetentionPolicy's `retentionInDays` values, ascending.
constexpr std::array<std::int64_t, 22> kRetentionDays{1,    3,    5,    7,    14,   30,  60,  90,
                                                      120,  150,  180,  365,  400,  545, 731, 1096,
                                                      1827, 2192, 2557, 2922, 3288, 3653};

void check(RuleContext& c, const model::Block& block, std::string_view attribute) {
  auto days = block.get_int(attribute);
  if (!days || std::binary_search(kRetentionDays.begin(), kRetentionDays.end(), *days)) {
    return;
  }
  auto above = std::upper_bound(kRetentionDays.begin(), kRetentionDays.end(), *days);
  std::string hint;
  if (above == kRetentionDays.begin()) {
    hint = fmt::format("use {} days", *above);
  } else if (above == kRetentionDays.end()) {
    hint = fmt::format("use {} days", *(above - 1));
  } else {
    hint = fmt::format("the nearest are {} and {} days", *(above - 1), *above);
  }
  c.diags.report(Diag::InvalidLogRetention, attribute_range(block, attribute), attribute, *days,
                 hint);
}

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    check(c, *task, "log_retention");
  }
  for (const model::Block* group : c.program.of_kind("log_group")) {
    check(c, *group, "retention");
  }
}

} // namespace
} // namespace log_retention_rule

extern const Rule kLogRetentionRule;
const Rule kLogRetentionRule{"log-retention",
                             "log retention is one of the periods CloudWatch Logs offers",
                             "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/"
                             "API_PutRetentionPolicy.html",
                             {Diag::InvalidLogRetention},
                             log_retention_rule::run};

} // namespace ecl::check
