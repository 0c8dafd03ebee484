// An EC2 capacity's Auto Scaling group keeps min <= desired <= max, and its instances' subnets and
// security groups belong to one VPC (the group's VPCZoneIdentifier names subnets of a VPC).
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>

namespace ecl::check {
namespace ec2_capacity_rule {
namespace {

void check_counts(RuleContext& c, const model::Block& capacity) {
  auto min = capacity.get_int("min");
  auto max = capacity.get_int("max");
  auto desired = capacity.get_int("desired");
  if (min && max && *min > *max) {
    c.diags
        .report(Diag::CapacityCounts, attribute_range(capacity, "min"), capacity.path,
                fmt::format("`min` ({}) is greater than `max` ({}); an Auto Scaling group needs "
                            "min <= desired <= max",
                            *min, *max))
        .note(attribute_range(capacity, "max"), "`max` is set here");
    return;
  }
  const model::Attribute* d = capacity.attribute("desired");
  if (!desired || !d || d->defaulted) {
    return; // the default is `min`
  }
  if (min && *desired < *min) {
    c.diags
        .report(Diag::CapacityCounts, attribute_range(capacity, "desired"), capacity.path,
                fmt::format("`desired` ({}) is less than `min` ({}); an Auto Scaling group needs "
                            "min <= desired <= max",
                            *desired, *min))
        .note(attribute_range(capacity, "min"), "`min` is set here");
  } else if (max && *desired > *max) {
    c.diags
        .report(Diag::CapacityCounts, attribute_range(capacity, "desired"), capacity.path,
                fmt::format("`desired` ({}) is greater than `max` ({}); an Auto Scaling group "
                            "needs min <= desired <= max",
                            *desired, *max))
        .note(attribute_range(capacity, "max"), "`max` is set here");
  }
}

void run(RuleContext& c) {
  for (const model::Block* block : c.program.of_kind("ec2_capacity")) {
    check_counts(c, *block);
    services::check_one_vpc(c, *block);
  }
}

} // namespace
} // namespace ec2_capacity_rule

extern const Rule kEc2CapacityRule;
const Rule kEc2CapacityRule{
    "ec2-capacity",
    "An EC2 capacity keeps min <= desired <= max, with subnets and security groups of one VPC",
    "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html",
    {Diag::CapacityCounts, Diag::ServiceSpansVpcs},
    ec2_capacity_rule::run};

} // namespace ecl::check
