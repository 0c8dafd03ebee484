// Facts shared by the load balancer rules: the action of a listener or rule, the load balancers
// that forward to a target group, and a service's attachments to target groups.
#pragma once

#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace ecl::check::load_balancing {

// The action attributes a listener or rule may set, one of which it sets.
inline constexpr std::string_view kActions[] = {"forward", "redirect", "fixed_response"};

// The internet-facing load balancers, in source order.
inline std::vector<const model::Block*> internet_facing(const model::Program& program) {
  std::vector<const model::Block*> out;
  for (const model::Block* lb : program.of_kind("load_balancer")) {
    const std::string* scheme = lb->get_enum("scheme");
    if (scheme && *scheme == "internet_facing") {
      out.push_back(lb);
    }
  }
  return out;
}

// The load balancer whose listeners or rules forward to the target group, each once, in source
// order.
inline std::vector<const model::Block*> forwarding_to(const model::Program& program,
                                                      const model::Block* group) {
  std::vector<const model::Block*> out;
  for (std::string_view kind : {"listener", "rule"}) {
    for (const model::Block* b : program.of_kind(kind)) {
      const model::Block* lb = b->ancestor("load_balancer");
      if (lb && b->get_ref("forward") == group &&
          std::find(out.begin(), out.end(), lb) == out.end()) {
        out.push_back(lb);
      }
    }
  }
  return out;
}

// One item of a service's `load_balancers`: `{ target_group = main.api, container = "app", port
// = 8080 }`, with its fields' values for ranges (null when absent or in error).
struct Attachment {
  const model::Value* item = nullptr;
  const model::Block* group = nullptr;
  const model::Value* container = nullptr;
  const model::Value* port = nullptr;
};

inline std::vector<Attachment> attachments_of(const model::Block& service) {
  std::vector<Attachment> out;
  const model::Value* v = service.get("load_balancers");
  const model::List* list = v ? v->as<model::List>() : nullptr;
  if (!list) {
    return out;
  }
  for (const model::Value& item : *list) {
    Attachment a{&item, nullptr, item.field("container"), item.field("port")};
    if (const model::Value* group = item.field("target_group")) {
      a.group = group->block();
    }
    out.push_back(a);
  }
  return out;
}

// Whether the container maps the port (as a container port).
inline bool maps_port(const model::Block& container, std::int64_t port) {
  const model::Value* ports = container.get("ports");
  const model::List* list = ports ? ports->as<model::List>() : nullptr;
  if (!list) {
    return false;
  }
  for (const model::Value& mapping : *list) {
    const model::Value* p = mapping.field("container");
    if (p && p->integer() == port) {
      return true;
    }
  }
  return false;
}

// The attachment names a container of the task that maps its port.
inline bool attaches_mapped_port(const model::Block& task, const Attachment& a) {
  const std::string* name = a.container ? a.container->string() : nullptr;
  auto port = a.port ? a.port->integer() : std::nullopt;
  const model::Block* container = name ? model::container_named(task, *name) : nullptr;
  return container && port && maps_port(*container, *port);
}

} // namespace ecl::check::load_balancing
