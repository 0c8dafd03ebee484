// The stack's region is a real AWS region, and every subnet's availability zone belongs to it.
// A zone belongs to a region when its name is the region's followed by a letter (`us-east-1a`) or
// by `-` (Local Zones such as `us-west-2-lax-1a`).
#include "compiler/check/rules/rule.h"

#include <array>
#include <fmt/format.h>

namespace ecl::check {
namespace zone_in_region_rule {
namespace {

// The commercial AWS regions (partition `aws`); GovCloud and China are separate partitions.
constexpr std::array<std::string_view, 34> kRegions = {
    "us-east-1",      "us-east-2",      "us-west-1",      "us-west-2",      "af-south-1",
    "ap-east-1",      "ap-east-2",      "ap-south-1",     "ap-south-2",     "ap-southeast-1",
    "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
    "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ca-central-1",
    "ca-west-1",      "eu-central-1",   "eu-central-2",   "eu-west-1",      "eu-west-2",
    "eu-west-3",      "eu-south-1",     "eu-south-2",     "eu-north-1",     "il-central-1",
    "me-south-1",     "me-central-1",   "mx-central-1",   "sa-east-1",
};

bool known_region(std::string_view region) {
  for (std::string_view r : kRegions) {
    if (r == region) {
      return true;
    }
  }
  return false;
}

bool zone_in_region(std::string_view zone, std::string_view region) {
  if (zone.size() <= region.size() || zone.substr(0, region.size()) != region) {
    return false;
  }
  char next = zone[region.size()];
  return (next >= 'a' && next <= 'z') || next == '-';
}

void run(RuleContext& c) {
  const model::Block* stack = c.program.stack;
  const std::string* region = stack ? stack->get_string("region") : nullptr;
  if (!region) {
    return;
  }
  Range region_range = attribute_range(*stack, "region");
  if (!known_region(*region)) {
    std::string suggestion = nearest(*region, std::span<const std::string_view>(kRegions));
    std::string hint = suggestion.empty() ? "; regions are named like `us-east-1` or `eu-west-1`"
                                          : did_you_mean(suggestion);
    c.diags
        .report(Diag::InvalidValue, region_range,
                fmt::format("`{}` is not an AWS region{}", *region, hint))
        .fix(region_range, suggestion.empty() ? "" : fmt::format("\"{}\"", suggestion),
             fmt::format("replace with `\"{}\"`", suggestion));
    return; // zones cannot be judged against an unknown region
  }
  for (const model::Block* subnet : c.program.of_kind("subnet")) {
    const std::string* zone = subnet->get_string("zone");
    if (!zone || zone_in_region(*zone, *region)) {
      continue;
    }
    Range at = attribute_range(*subnet, "zone");
    auto& d = c.diags.report(Diag::ZoneNotInRegion, at, *zone, *region, *region);
    // The zone may be computed elsewhere (`zones[1]`): show the subnet that uses it too.
    const model::Attribute* written = subnet->attribute("zone");
    if (written && (at.file != written->range.file || at.begin < written->range.begin ||
                    at.end > written->range.end)) {
      d.note(written->range, fmt::format("subnet `{}` is placed in that zone here", subnet->name));
    }
    d.note(region_range, fmt::format("the stack's region is set to `{}` here", *region));
  }
}

} // namespace
} // namespace zone_in_region_rule

extern const Rule kZoneInRegionRule;
const Rule kZoneInRegionRule{
    "zone-in-region",
    "The stack's region is an AWS region, and subnet zones belong to it",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html",
    {Diag::InvalidValue, Diag::ZoneNotInRegion},
    zone_in_region_rule::run};

} // namespace ecl::check
