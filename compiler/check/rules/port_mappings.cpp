// Port mappings. Under `awsvpc` and `host` networking a host port, if given, equals the container
// port (E3107). No two mappings of a task, across its containers, take the same host port and
// protocol (E3108): under `bridge` a host port of 0 or none is dynamic and never collides; under
// `awsvpc` and `host` the host port is the container port.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>
#include <map>

namespace ecl::check {
namespace port_mappings_rule {
namespace {

struct Taken {
  const model::Block* container;
  Range range;
};

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    const std::string* mode = task->get_enum("network_mode");
    if (!mode) {
      continue;
    }
    bool same_port = *mode == "awsvpc" || *mode == "host";
    std::map<std::pair<std::int64_t, std::string>, Taken> taken; // (host port, protocol)
    for (const model::Block* container : task->each_child("container")) {
      const model::Value* ports = container->get("ports");
      if (!ports || !ports->as<model::List>()) {
        continue;
      }
      for (const model::Value& mapping : *ports->as<model::List>()) {
        const model::Value* container_field = mapping.field("container");
        const model::Value* host_field = mapping.field("host");
        const model::Value* protocol_field = mapping.field("protocol");
        if (host_field && host_field->is_null()) {
          host_field = nullptr; // absent
        }
        const std::int64_t* container_port =
            container_field ? container_field->as<std::int64_t>() : nullptr;
        const std::int64_t* host_port = host_field ? host_field->as<std::int64_t>() : nullptr;
        const std::string* protocol = protocol_field ? protocol_field->enum_member() : nullptr;
        if (!container_port || !protocol || (host_field && !host_port)) {
          continue; // an error the generic pass reported
        }
        if (same_port && host_port && *host_port != *container_port) {
          c.diags.report(Diag::HostPortMismatch, host_field->range, *host_port, *container_port,
                         *mode);
          continue;
        }
        std::int64_t effective = same_port || !host_port ? *container_port : *host_port;
        if (!same_port && (!host_port || *host_port == 0)) {
          continue; // a dynamic host port under bridge
        }
        Range here = host_port ? host_field->range : container_field->range;
        auto [it, fresh] = taken.try_emplace({effective, *protocol}, Taken{container, here});
        if (!fresh) {
          c.diags.report(Diag::DuplicateHostPort, here, effective, *protocol, task->name)
              .note(it->second.range,
                    fmt::format("container `{}` maps it first", it->second.container->name));
        }
      }
    }
  }
}

} // namespace
} // namespace port_mappings_rule

extern const Rule kPortMappingRule;
const Rule kPortMappingRule{
    "port-mappings",
    "awsvpc and host port mappings use the container port as host port, and a task maps each "
    "host port and protocol once",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html",
    {Diag::HostPortMismatch, Diag::DuplicateHostPort},
    port_mappings_rule::run};

} // namespace ecl::check
