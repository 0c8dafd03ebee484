// Service Connect needs a task in `awsvpc` or `bridge` network mode (E3332).
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html
#include "compiler/check/rules/rule.h"

namespace ecl::check {
namespace service_connect_network_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* connect : c.program.of_kind("service_connect")) {
    const model::Block* service = connect->parent;
    const model::Block* task = service ? service->get_ref("task") : nullptr;
    const std::string* mode = task ? task->get_enum("network_mode") : nullptr;
    if (!mode || *mode == "awsvpc" || *mode == "bridge") {
      continue;
    }
    c.diags.report(Diag::ServiceConnectNetworkMode, connect->header_range, service->name,
                   task->path, *mode);
  }
}

} // namespace
} // namespace service_connect_network_rule

extern const Rule kServiceConnectNetworkRule;
const Rule kServiceConnectNetworkRule{"service-connect-network",
                                      "Service Connect runs tasks in awsvpc or bridge network mode",
                                      "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/"
                                      "service-connect-concepts-deploy.html",
                                      {Diag::ServiceConnectNetworkMode},
                                      service_connect_network_rule::run};

} // namespace ecl::check
