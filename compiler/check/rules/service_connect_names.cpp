// The names Service Connect takes (E3334): a port mapping's name and a discovery name, at most 64
// lowercase letters, digits, `_` and `-`; a client alias's DNS name, at most 127 of these and `.`;
// none starting with `-`; a DNS discovery's name, one DNS label. A Service Connect service has at
// most one client alias (E3335).
// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html
#include "compiler/check/rules/service_connect.h"

#include <cctype>
#include <fmt/format.h>

namespace ecl::check {
namespace service_connect_names_rule {
namespace {

// What is wrong with `name`, "" when nothing is.
std::string problem_of(std::string_view name, std::size_t max, bool dots) {
  if (name.empty()) {
    return "is empty";
  }
  if (name.front() == '-') {
    return "starts with `-`";
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              (dots && c == '.');
    if (!ok) {
      std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      return fmt::format("has `{}`; only lowercase letters, digits, `_`{} and `-` are allowed",
                         name.substr(i, length), dots ? ", `.`" : "");
    }
  }
  if (name.size() > max) {
    return fmt::format("has {} characters; at most {} are allowed", name.size(), max);
  }
  return "";
}

void check(RuleContext& c, std::string_view what, const model::Value* value, std::size_t max,
           bool dots) {
  const std::string* name = value ? value->string() : nullptr;
  if (!name) {
    return;
  }
  std::string problem = problem_of(*name, max, dots);
  if (!problem.empty()) {
    c.diags.report(Diag::ServiceConnectNameFormat, value->range, what, *name, problem);
  }
}

// What is wrong with a DNS discovery's Cloud Map service name (one DNS label: letters, digits,
// `_` and `-`, at most 63, neither starting nor ending with `-`), "" when nothing is.
std::string label_problem(std::string_view name) {
  if (name.empty()) {
    return "is empty";
  }
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (!std::isalnum(c) && c != '_' && c != '-') {
      std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      return fmt::format("has `{}`; a DNS label has only letters, digits, `_` and `-`",
                         name.substr(i, length));
    }
  }
  if (name.front() == '-' || name.back() == '-') {
    return "starts or ends with `-`";
  }
  if (name.size() > 63) {
    return fmt::format("has {} characters; a DNS label has at most 63", name.size());
  }
  return "";
}

void run(RuleContext& c) {
  // A DNS discovery's name: its own, or its service's (where the error is then reported).
  for (const model::Block* discovery : c.program.of_kind("discovery")) {
    const model::Block* named = discovery->get("name") ? discovery : discovery->parent;
    const model::Value* value = named ? named->get("name") : nullptr;
    const std::string* name = value ? value->string() : nullptr;
    if (name) {
      if (std::string problem = label_problem(*name); !problem.empty()) {
        c.diags.report(Diag::ServiceConnectNameFormat, attribute_range(*named, "name"),
                       "discovery name", *name, problem);
      }
    }
  }
  for (const model::Block* container : c.program.of_kind("container")) {
    for (const model::Value& m : service_connect::list_of(container->get("ports"))) {
      check(c, "port mapping name", m.field("name"), 64, false);
    }
  }
  for (const model::Block* connect : c.program.of_kind("service_connect")) {
    for (const service_connect::Entry& e : service_connect::entries(*connect)) {
      check(c, "discovery name", e.discovery_value, 64, false);
      for (const service_connect::Alias& a : e.aliases) {
        check(c, "client alias DNS name", a.item->field("dns_name"), 127, true);
      }
      if (e.aliases.size() > 1) {
        c.diags.report(Diag::ServiceConnectAliases, e.aliases[1].item->range, e.service->name,
                       e.port, e.aliases.size());
      }
    }
  }
}

} // namespace
} // namespace service_connect_names_rule

extern const Rule kServiceConnectNamesRule;
const Rule kServiceConnectNamesRule{
    "service-connect-names",
    "port mapping, discovery and client alias names follow ECS's rules; one alias a service",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html",
    {Diag::ServiceConnectNameFormat, Diag::ServiceConnectAliases},
    service_connect_names_rule::run};

} // namespace ecl::check
