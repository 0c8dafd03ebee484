// An HTTPS or TLS listener names a server certificate.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace listener_certificate_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* listener : c.program.of_kind("listener")) {
    const std::string* protocol = listener->get_enum("protocol");
    if (!protocol || (*protocol != "https" && *protocol != "tls")) {
      continue;
    }
    const model::Value* certificates = listener->get("certificates");
    const model::List* list = certificates ? certificates->as<model::List>() : nullptr;
    if (list && list->empty()) {
      c.diags.report(Diag::ListenerNeedsCertificate, attribute_range(*listener, "protocol"),
                     listener->path, *protocol);
    }
  }
}

} // namespace
} // namespace listener_certificate_rule

extern const Rule kListenerCertificateRule;
const Rule kListenerCertificateRule{
    "listener-certificate",
    "An HTTPS or TLS listener has a certificate",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
    "create-https-listener.html",
    {Diag::ListenerNeedsCertificate},
    listener_certificate_rule::run};

} // namespace ecl::check
