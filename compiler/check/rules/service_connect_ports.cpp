// A Service Connect service serves a port mapping of the service's task, named by its `name`
// (E3331): ECS refuses a `portName` that no port mapping of the task definition has.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html
#include "compiler/check/rules/service_connect.h"

#include <algorithm>

namespace ecl::check {
namespace service_connect_ports_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* connect : c.program.of_kind("service_connect")) {
    const model::Block* task = connect->parent ? connect->parent->get_ref("task") : nullptr;
    if (!task) {
      continue;
    }
    std::vector<std::string> names;
    for (const model::Block* container : task->each_child("container")) {
      for (const model::Value& m : service_connect::list_of(container->get("ports"))) {
        const model::Value* name = m.field("name");
        if (name && name->string()) {
          names.push_back(*name->string());
        }
      }
    }
    for (const service_connect::Entry& e : service_connect::entries(*connect)) {
      if (std::find(names.begin(), names.end(), e.port) != names.end()) {
        continue;
      }
      std::string suggestion = nearest(e.port, std::span<const std::string>(names));
      c.diags.report(
          Diag::ServiceConnectUnknownPort, e.port_name->range, e.service->name, e.port, task->path,
          !suggestion.empty() ? did_you_mean(suggestion)
          : names.empty()     ? std::string("; it names none: `ports = [{ container = 8080, name = "
                                                "\"http\" }]`")
                              : std::string());
    }
  }
}

} // namespace
} // namespace service_connect_ports_rule

extern const Rule kServiceConnectPortsRule;
const Rule kServiceConnectPortsRule{
    "service-connect-ports",
    "a Service Connect service serves a named port mapping of the service's task",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html",
    {Diag::ServiceConnectUnknownPort},
    service_connect_ports_rule::run};

} // namespace ecl::check
