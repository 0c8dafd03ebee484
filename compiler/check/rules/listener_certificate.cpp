// A listener has certificates exactly when it negotiates TLS. An HTTPS or TLS listener names a
// server certificate (E3303); an HTTP, TCP, UDP or TCP_UDP one names none (E3322: CreateListener
// answers "A certificate cannot be specified for HTTP listeners"). CreateListener takes exactly
// one, the default; more are added by AddListenerCertificates (ListenerCertificate in
// CloudFormation), which eclc does not do yet, so a second one is E3324 rather than a listener AWS
// refuses.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace listener_certificate_rule {
namespace {

void run(RuleContext& c) {
  for (const model::Block* listener : c.program.of_kind("listener")) {
    const std::string* protocol = listener->get_enum("protocol");
    const model::Value* certificates = listener->get("certificates");
    const model::List* list = certificates ? certificates->as<model::List>() : nullptr;
    if (!protocol || !list) {
      continue;
    }
    const bool tls = *protocol == "https" || *protocol == "tls";
    if (tls && list->empty()) {
      c.diags.report(Diag::ListenerNeedsCertificate, attribute_range(*listener, "protocol"),
                     listener->path, *protocol);
    } else if (!tls && !list->empty()) {
      // HTTP's TLS form is HTTPS; a network load balancer's TCP (and UDP's nearest) is TLS.
      c.diags.report(Diag::CertificateWithoutTls, attribute_range(*listener, "certificates"),
                     listener->path, *protocol, *protocol == "http" ? "https" : "tls");
    } else if (list->size() > 1) {
      c.diags.report(Diag::ListenerExtraCertificates, (*list)[1].range, listener->path,
                     list->size());
    }
  }
}

} // namespace
} // namespace listener_certificate_rule

extern const Rule kListenerCertificateRule;
const Rule kListenerCertificateRule{
    "listener-certificate",
    "An HTTPS or TLS listener has a certificate, and no other listener has one",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/"
    "API_CreateListener.html",
    {Diag::ListenerNeedsCertificate, Diag::CertificateWithoutTls, Diag::ListenerExtraCertificates},
    listener_certificate_rule::run};

} // namespace ecl::check
