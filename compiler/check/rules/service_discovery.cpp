// Service discovery by DNS (a service's `discovery`): its namespace is a private DNS namespace
// (E3337: an HTTP namespace has no DNS records); an A record holds an `awsvpc` task's own IP, and
// an SRV record names a container and one of its mapped ports, which an A record does not (E3338).
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-discovery.html
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace service_discovery_rule {
namespace {

// Whether `container` maps `port` (as its container port).
bool maps(const model::Block& container, std::int64_t port) {
  const model::Value* ports = container.get("ports");
  for (const model::Value& m :
       ports && ports->as<model::List>() ? *ports->as<model::List>() : model::List{}) {
    const model::Value* p = m.field("container");
    if (p && p->as<std::int64_t>() && *p->as<std::int64_t>() == port) {
      return true;
    }
  }
  return false;
}

void run(RuleContext& c) {
  for (const model::Block* d : c.program.of_kind("discovery")) {
    const model::Block* service = d->parent;
    const model::Block* ns = d->get_ref("namespace");
    if (ns && !(ns->parent && ns->parent->kind_name == "vpc")) {
      c.diags.report(Diag::DiscoveryNotDns, attribute_range(*d, "namespace"), service->name,
                     ns->path);
    }
    const model::Block* task = service ? service->get_ref("task") : nullptr;
    const std::string* record = d->get_enum("record");
    const std::string* mode = task ? task->get_enum("network_mode") : nullptr;
    if (!task || !record || !mode) {
      continue;
    }
    const std::string* container_name = d->get_string("container");
    std::optional<std::int64_t> port = d->get_int("port");
    if (*record == "a") {
      if (*mode != "awsvpc") {
        c.diags.report(Diag::DiscoveryRecord, attribute_range(*d, "record"),
                       fmt::format("service `{}` registers A records, but task `{}` runs in `{}` "
                                   "network mode, where tasks have no IP of their own; use "
                                   "`record = srv` with `container` and `port`",
                                   service->name, task->path, *mode));
      } else if (container_name || port) {
        c.diags.report(Diag::DiscoveryRecord,
                       attribute_range(*d, container_name ? "container" : "port"),
                       fmt::format("service `{}` registers A records, which hold no port; "
                                   "`container` and `port` go with `record = srv`",
                                   service->name));
      }
      continue;
    }
    if (!container_name || !port) {
      c.diags.report(Diag::DiscoveryRecord, d->header_range,
                     fmt::format("service `{}` registers SRV records without {}; an SRV record "
                                 "holds a container's mapped port: set `container` and `port`",
                                 service->name, !container_name ? "`container`" : "`port`"));
      continue;
    }
    const model::Block* container = model::container_named(*task, *container_name);
    if (!container) {
      c.diags.report(Diag::DiscoveryRecord, attribute_range(*d, "container"),
                     fmt::format("service `{}` registers container `{}`, which task `{}` does "
                                 "not have",
                                 service->name, *container_name, task->path));
    } else if (!maps(*container, *port)) {
      c.diags.report(Diag::DiscoveryRecord, attribute_range(*d, "port"),
                     fmt::format("service `{}` registers port {} of container `{}`, which maps "
                                 "no such container port",
                                 service->name, *port, *container_name));
    }
  }
}

} // namespace
} // namespace service_discovery_rule

extern const Rule kServiceDiscoveryRule;
const Rule kServiceDiscoveryRule{
    "service-discovery",
    "DNS discovery is in a private DNS namespace, with A records for awsvpc tasks and SRV records "
    "naming a mapped port",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html",
    {Diag::DiscoveryNotDns, Diag::DiscoveryRecord},
    service_discovery_rule::run};

} // namespace ecl::check
