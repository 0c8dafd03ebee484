// Each discovery name, and each client alias (DNS name and port), is unique in its namespace
// (E3333): ECS refuses a service whose Service Connect would register one that another service
// of the namespace has, and Cloud Map a service (a `discovery`) named as one the namespace has,
// in any case.
// https://docs.aws.amazon.com/cloud-map/latest/dg/working-with-services.html
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html
#include "compiler/check/rules/service_connect.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>

namespace ecl::check {
namespace service_connect_unique_rule {
namespace {

struct First {
  const model::Block* service;
  Range range;
  std::string name = ""; // as written, for a discovery name
};

// Cloud Map takes names that differ only in case for one name.
std::string folded(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return text;
}

void run(RuleContext& c) {
  // (namespace, name) -> first; (namespace, dns name:port) -> first.
  std::map<std::pair<const model::Block*, std::string>, First> discovery, aliases;
  // A Cloud Map service's name, taken once in its namespace.
  auto registers = [&](const model::Block* ns, const model::Block* service, const std::string& name,
                       Range here) {
    auto [it, fresh] = discovery.try_emplace({ns, folded(name)}, First{service, here, name});
    if (!fresh) {
      std::string as = it->second.name == name
                           ? ""
                           : fmt::format(" as `{}` (Cloud Map ignores case)", it->second.name);
      c.diags
          .report(Diag::ServiceConnectDuplicate, here,
                  fmt::format("service `{}` registers discovery name `{}` in namespace `{}`, "
                              "which service `{}` registers too{}; a discovery name is unique in "
                              "its namespace: give one a name of its own",
                              service->name, name, ns->path, it->second.service->name, as))
          .note(it->second.range, "registered here first");
    }
  };
  for (const model::Block* connect : c.program.of_kind("service_connect")) {
    const model::Block* ns = service_connect::namespace_of(*connect);
    if (!ns) {
      continue;
    }
    for (const service_connect::Entry& e : service_connect::entries(*connect)) {
      registers(ns, e.service, e.discovery,
                e.discovery_value ? e.discovery_value->range : e.port_name->range);
      for (const service_connect::Alias& a : e.aliases) {
        std::string endpoint = fmt::format("{}:{}", a.dns_name, a.port);
        auto [at, alias_fresh] =
            aliases.try_emplace({ns, endpoint}, First{e.service, a.item->range});
        if (!alias_fresh) {
          c.diags
              .report(Diag::ServiceConnectDuplicate, a.item->range,
                      fmt::format("service `{}` takes client alias `{}` in namespace `{}`, which "
                                  "service `{}` takes too; a client alias is unique in its "
                                  "namespace: change its `dns_name` or `port`",
                                  e.service->name, endpoint, ns->path, at->second.service->name))
              .note(at->second.range, "taken here first");
        }
      }
    }
  }
  // A service's DNS discovery: its Cloud Map service, named as the service by default.
  for (const model::Block* d : c.program.of_kind("discovery")) {
    const model::Block* ns = d->get_ref("namespace");
    const std::string* name = d->get_string("name");
    const std::string* service_name = d->parent ? d->parent->get_string("name") : nullptr;
    if (ns && (name || service_name)) {
      registers(ns, d->parent, name ? *name : *service_name, attribute_range(*d, "name"));
    }
  }
}

} // namespace
} // namespace service_connect_unique_rule

extern const Rule kServiceConnectUniqueRule;
const Rule kServiceConnectUniqueRule{
    "service-connect-unique",
    "discovery names and client aliases are unique in their namespace",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html",
    {Diag::ServiceConnectDuplicate},
    service_connect_unique_rule::run};

} // namespace ecl::check
