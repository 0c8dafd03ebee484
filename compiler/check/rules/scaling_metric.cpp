// A `metric` of a service's scaling is a customized metric specification CloudWatch takes: a target
// above 0, a namespace (not starting with `:`) and a name of 1 to 255 characters, at most 30
// dimensions, each named with 1 to 255 characters and valued with 1 to 1024, and a policy name no
// other policy of the scaling has (`metric cpu` beside `cpu`). Limits: CloudWatch's Metric and
// Dimension types, which Application Auto Scaling's CustomizedMetricSpecification reads.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace scaling_metric_rule {
namespace {

// CloudWatch's limits (API_Metric.html, API_Dimension.html).
constexpr std::size_t kMaxNameLength = 255;
constexpr std::size_t kMaxDimensionValueLength = 1024;
constexpr std::size_t kMaxDimensions = 30;

void check_text(RuleContext& c, const model::Block& metric, std::string_view attribute) {
  const std::string* text = metric.get_string(attribute);
  if (!text) {
    return; // absent, or deferred: AWS's to judge
  }
  if (text->empty() || text->size() > kMaxNameLength) {
    c.diags.report(Diag::ScalingMetric, attribute_range(metric, attribute),
                   fmt::format("metric `{}` has a `{}` of {} characters; CloudWatch takes 1 to {}",
                               metric.name, attribute, text->size(), kMaxNameLength));
  } else if (attribute == "namespace" && text->front() == ':') {
    c.diags.report(Diag::ScalingMetric, attribute_range(metric, attribute),
                   fmt::format("metric `{}` has the namespace `{}`; a CloudWatch namespace does "
                               "not start with `:`",
                               metric.name, *text));
  }
}

void check_dimensions(RuleContext& c, const model::Block& metric) {
  const model::Value* value = metric.get("dimensions");
  const model::Map* dimensions = value ? value->as<model::Map>() : nullptr;
  if (!dimensions) {
    return;
  }
  if (dimensions->size() > kMaxDimensions) {
    c.diags.report(Diag::ScalingMetric, value->range,
                   fmt::format("metric `{}` has {} dimensions; a CloudWatch metric has at most {}",
                               metric.name, dimensions->size(), kMaxDimensions));
  }
  for (const model::MapEntry& d : *dimensions) {
    if (d.first.empty() || d.first.size() > kMaxNameLength) {
      c.diags.report(Diag::ScalingMetric, d.second.range,
                     fmt::format("metric `{}` has a dimension name of {} characters; CloudWatch "
                                 "takes 1 to {}",
                                 metric.name, d.first.size(), kMaxNameLength));
    }
    const std::string* text = d.second.string();
    if (text && (text->empty() || text->size() > kMaxDimensionValueLength)) {
      c.diags.report(Diag::ScalingMetric, d.second.range,
                     fmt::format("metric `{}` has a dimension `{}` of {} characters; CloudWatch "
                                 "takes 1 to {}",
                                 metric.name, d.first, text->size(), kMaxDimensionValueLength));
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* metric : c.program.of_kind("metric")) {
    const model::Value* target = metric->get("target");
    if (auto value = target ? target->number() : std::nullopt; value && *value <= 0) {
      c.diags.report(Diag::ScalingMetric, target->range,
                     fmt::format("metric `{}` has the target {}; target tracking needs a target "
                                 "above 0",
                                 metric->name, model::ecl_text(*target)));
    }
    check_text(c, *metric, "namespace");
    check_text(c, *metric, "name");
    check_dimensions(c, *metric);
    // Its policy is named SERVICE-NAME, as the policy of the scaling's `cpu`, `memory` or
    // `requests` is SERVICE-cpu...: PutScalingPolicy would overwrite one with the other.
    const model::Block* scaling = metric->parent;
    if (scaling && scaling->get(metric->name)) {
      c.diags
          .report(Diag::ScalingMetric, metric->header_range,
                  fmt::format("metric `{}` is named as the scaling's `{}`, whose policy has the "
                              "same name; rename the metric",
                              metric->name, metric->name))
          .note(attribute_range(*scaling, metric->name),
                fmt::format("`{}` is set here", metric->name));
    }
  }
}

} // namespace
} // namespace scaling_metric_rule

extern const Rule kScalingMetricRule;
const Rule kScalingMetricRule{
    "scaling-metric",
    "A scaling metric has a target above 0, a namespace, name and dimensions CloudWatch takes, "
    "and a policy name of its own",
    "https://docs.aws.amazon.com/autoscaling/application/APIReference/"
    "API_CustomizedMetricSpecification.html",
    {Diag::ScalingMetric},
    scaling_metric_rule::run};

} // namespace ecl::check
