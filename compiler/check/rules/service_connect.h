// What the Service Connect rules share: the `services` entries of a service's `service_connect`,
// with the names ECS gives them by default.
#pragma once

#include "compiler/check/rules/rule.h"

#include <string>
#include <vector>

namespace ecl::check::service_connect {

// A client alias of an entry: its port and DNS name (AWS's default: `discovery.namespace`).
struct Alias {
  std::int64_t port = 0;
  std::string dns_name;
  const model::Value* item = nullptr;
};

// One entry of `services`: the port it serves, its discovery name (the port name by default)
// and its client aliases.
struct Entry {
  const model::Block* service = nullptr; // the ECS service
  const model::Block* connect = nullptr; // its service_connect block
  const model::Value* item = nullptr;
  const model::Value* port_name = nullptr; // for its range
  std::string port;
  std::string discovery;
  const model::Value* discovery_value = nullptr; // null when defaulted
  std::vector<Alias> aliases;
};

inline const model::List& list_of(const model::Value* v) {
  static const model::List none;
  return v && v->as<model::List>() ? *v->as<model::List>() : none;
}

// The namespace a service connect joins: its own, or its cluster's default; null when neither.
inline const model::Block* namespace_of(const model::Block& connect) {
  if (const model::Block* ns = connect.get_ref("namespace")) {
    return ns;
  }
  const model::Block* cluster = connect.ancestor("cluster");
  return cluster ? cluster->get_ref("service_connect_namespace") : nullptr;
}

// The entries of `connect`, skipping those whose port name has an error already reported.
inline std::vector<Entry> entries(const model::Block& connect) {
  std::vector<Entry> out;
  const model::Block* ns = namespace_of(connect);
  const std::string* ns_name = ns ? ns->get_string("name") : nullptr;
  for (const model::Value& item : list_of(connect.get("services"))) {
    Entry e;
    e.service = connect.parent;
    e.connect = &connect;
    e.item = &item;
    e.port_name = item.field("port_name");
    if (!e.port_name || !e.port_name->string()) {
      continue;
    }
    e.port = *e.port_name->string();
    e.discovery_value = item.field("discovery_name");
    if (e.discovery_value && !e.discovery_value->string()) {
      e.discovery_value = nullptr;
    }
    e.discovery = e.discovery_value ? *e.discovery_value->string() : e.port;
    for (const model::Value& alias : list_of(item.field("client_aliases"))) {
      const model::Value* port = alias.field("port");
      const model::Value* dns = alias.field("dns_name");
      Alias a;
      a.item = &alias;
      a.port = port && port->as<std::int64_t>() ? *port->as<std::int64_t>() : 0;
      a.dns_name = dns && dns->string() ? *dns->string()
                   : ns_name            ? e.discovery + "." + *ns_name
                                        : e.discovery;
      e.aliases.push_back(std::move(a));
    }
    out.push_back(std::move(e));
  }
  return out;
}

} // namespace ecl::check::service_connect
