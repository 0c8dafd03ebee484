// Each discovery name, and each client alias (DNS name and port), is unique in its namespace
// (E3333): ECS refuses a service whose Service Connect would register one that another service
// of the namespace has.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html
#include "compiler/check/rules/service_connect.h"

#include <fmt/format.h>
#include <map>

namespace ecl::check {
namespace {

struct First {
  const model::Block* service;
  Range range;
};

void run(RuleContext& c) {
  // (namespace, name) -> first; (namespace, dns name:port) -> first.
  std::map<std::pair<const model::Block*, std::string>, First> discovery, aliases;
  for (const model::Block* connect : c.program.of_kind("service_connect")) {
    const model::Block* ns = service_connect::namespace_of(*connect);
    if (!ns) {
      continue;
    }
    for (const service_connect::Entry& e : service_connect::entries(*connect)) {
      Range here = e.discovery_value ? e.discovery_value->range : e.port_name->range;
      auto [it, fresh] = discovery.try_emplace({ns, e.discovery}, First{e.service, here});
      if (!fresh) {
        c.diags
            .report(Diag::ServiceConnectDuplicate, here,
                    fmt::format("service `{}` registers discovery name `{}` in namespace `{}`, "
                                "which service `{}` registers too; a discovery name is unique in "
                                "its namespace: give one a `discovery_name` of its own",
                                e.service->name, e.discovery, ns->path, it->second.service->name))
            .note(it->second.range, "registered here first");
      }
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
}

} // namespace

extern const Rule kServiceConnectUniqueRule;
const Rule kServiceConnectUniqueRule{
    "service-connect-unique",
    "discovery names and client aliases are unique in their namespace",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html",
    {Diag::ServiceConnectDuplicate},
    run};

} // namespace ecl::check
