// A duration given to AWS is a whole number of seconds (E2010). Every `duration` attribute lowers
// to an integer count of seconds (the ECS, ELB, Cloud Map and Application Auto Scaling fields
// they become are all integers: `healthCheckGracePeriodSeconds`, `deregistration_delay.timeout_
// seconds`, `TTL`, `ScaleInCooldown`...), and the backends round, so `60ms` would silently become
// 0. The schema's types say which attributes (and object fields) are durations: the check is one
// walk over them, not a line per attribute. Params and lets may still hold `500ms`: only what
// reaches a block must be whole.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
#include "compiler/check/rules/rule.h"
#include "compiler/schema/schema.h"

#include <cmath>
#include <fmt/format.h>
#include <map>

namespace ecl::check {
namespace whole_seconds_rule {
namespace {

bool holds_duration(const schema::Type& type) {
  switch (type.kind) {
  case schema::TypeKind::Duration:
    return true;
  case schema::TypeKind::List:
  case schema::TypeKind::Map:
    return type.element && holds_duration(*type.element);
  case schema::TypeKind::Object:
    for (const schema::Attribute& field : type.fields) {
      if (holds_duration(*field.type)) {
        return true;
      }
    }
    return false;
  case schema::TypeKind::OneOf:
    for (const schema::Type* alternative : type.alternatives) {
      if (holds_duration(*alternative)) {
        return true;
      }
    }
    return false;
  default:
    return false;
  }
}

// Each kind's attributes whose type holds a duration, from the schema, computed once.
const std::map<std::string_view, std::vector<std::string_view>>& duration_attributes() {
  static const auto table = [] {
    std::map<std::string_view, std::vector<std::string_view>> out;
    for (const schema::Kind& kind : schema::kinds()) {
      for (const schema::Attribute& attribute : kind.attributes) {
        if (holds_duration(*attribute.type)) {
          out[kind.name].push_back(attribute.name);
        }
      }
    }
    return out;
  }();
  return table;
}

// "`60ms`" as written, else the amount in seconds.
std::string shown(const RuleContext& c, const model::Value& value, double seconds) {
  if (value.range.valid() && value.range.file < c.sources.size()) {
    const std::string& text = c.sources.file(value.range.file).text();
    if (value.range.end <= text.size() && value.range.begin < value.range.end) {
      return fmt::format("`{}` ({}s)",
                         text.substr(value.range.begin, value.range.end - value.range.begin),
                         seconds);
    }
  }
  return fmt::format("{}s", seconds);
}

void walk(RuleContext& c, const model::Value& value, const std::string& name) {
  if (const auto* q = value.as<model::Quantity>()) {
    if (q->dimension == model::Dimension::Duration && std::floor(q->amount) != q->amount) {
      c.diags.report(Diag::NotWholeUnits, value.range, shown(c, value, q->amount),
                     fmt::format("seconds; `{}` goes to AWS in whole seconds: write `{}s` or `{}s`",
                                 name, std::floor(q->amount), std::ceil(q->amount)));
    }
  } else if (const auto* list = value.as<model::List>()) {
    for (const model::Value& item : *list) {
      walk(c, item, name);
    }
  } else if (const auto* map = value.as<model::Map>()) {
    for (const auto& entry : *map) {
      walk(c, entry.second, fmt::format("{}.{}", name, entry.first));
    }
  }
}

void run(RuleContext& c) {
  for (const auto& [kind, attributes] : duration_attributes()) {
    for (const model::Block* block : c.program.of_kind(kind)) {
      for (std::string_view attribute : attributes) {
        if (const model::Value* value = block->get(attribute)) {
          walk(c, *value, std::string(attribute));
        }
      }
    }
  }
}

} // namespace
} // namespace whole_seconds_rule

extern const Rule kWholeSecondsRule;
const Rule kWholeSecondsRule{
    "whole-seconds",
    "a duration given to AWS is a whole number of seconds",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
    {Diag::NotWholeUnits},
    whole_seconds_rule::run};

} // namespace ecl::check
