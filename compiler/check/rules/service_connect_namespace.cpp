// A service connect joins a namespace (E3336): its own `namespace`, or its cluster's
// `service_connect_namespace` (ECS's serviceConnectDefaults); ECS refuses a Service Connect
// configuration with neither.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectConfiguration.html
#include "compiler/check/rules/service_connect.h"
#include "compiler/schema/schema.h"

namespace ecl::check {
namespace service_connect_namespace_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* connect : c.program.of_kind("service_connect")) {
    const model::Attribute* own = connect->attribute("namespace");
    if (service_connect::namespace_of(*connect) || (own && !own->defaulted)) {
      continue; // a namespace, or one written with an error already reported
    }
    const model::Block* cluster = connect->ancestor("cluster");
    // A cluster made elsewhere takes no default here (E3413): only the service's own.
    const bool elsewhere = cluster && schema::existing(*cluster);
    c.diags.report(Diag::ServiceConnectNoNamespace, connect->header_range,
                   connect->parent ? connect->parent->name : "", cluster ? cluster->path : "",
                   elsewhere
                       ? "set `namespace` in its `service_connect` (the cluster is made "
                         "elsewhere: its default is not written here)"
                       : "set `namespace` in its `service_connect`, or the cluster's default");
  }
}

} // namespace
} // namespace service_connect_namespace_rule

extern const Rule kServiceConnectNamespaceRule;
const Rule kServiceConnectNamespaceRule{
    "service-connect-namespace",
    "a service connect names a namespace, or its cluster a default one",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/"
    "API_ServiceConnectConfiguration.html",
    {Diag::ServiceConnectNoNamespace},
    service_connect_namespace_rule::run};

} // namespace ecl::check
