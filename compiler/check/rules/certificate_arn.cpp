// A listener's `certificates` are certificate ARNs (E3316): an ACM certificate of the load
// balancer's region, or an IAM server certificate. Elastic Load Balancing takes nothing else (a
// name such as "my-cert" fails the stack; cfn-lint E1159 rejects it), and ACM certificates are
// regional: "you must request or import the certificate in the same Region as your load balancer".
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/https-listener-certificates.html
#include "compiler/check/rules/rule.h"
#include "compiler/model/arn.h"

#include <fmt/format.h>
#include <optional>

namespace ecl::check {
namespace certificate_arn_rule {
namespace {

// `arn:PARTITION:acm:REGION:ACCOUNT:certificate/ID` or
// `arn:PARTITION:iam::ACCOUNT:server-certificate/NAME`.
bool certificate(const model::Arn& arn, std::string_view service, std::string_view type) {
  return arn.well_formed() && arn.service == service && arn.has_account_id() &&
         (service == "iam" ? arn.region.empty() : model::is_region(arn.region)) &&
         arn.resource_type() == type && !arn.resource_id().empty();
}

constexpr std::string_view kForms =
    "name an ACM certificate, `arn:aws:acm:REGION:ACCOUNT:certificate/ID`, or an IAM server "
    "certificate, `arn:aws:iam::ACCOUNT:server-certificate/NAME`";

void run(RuleContext& c) {
  const std::string region = c.program.region();
  for (const model::Block* listener : c.program.of_kind("listener")) {
    const model::Value* certificates = listener->get("certificates");
    const model::List* list = certificates ? certificates->as<model::List>() : nullptr;
    if (!list) {
      continue;
    }
    for (const model::Value& item : *list) {
      // A deferred or interpolated ARN is AWS's to judge; a literal `${NAME}` is a placeholder
      // that a tool substitutes before deploying (an imported Copilot manifest's).
      const std::string* arn = item.string();
      if (!arn || arn->find("${") != std::string::npos) {
        continue;
      }
      const std::optional<model::Arn> parsed = model::Arn::parse(*arn);
      if (parsed && certificate(*parsed, "acm", "certificate")) {
        if (!region.empty() && parsed->region != region) {
          c.diags.report(Diag::ListenerCertificateArn, item.range, *arn, listener->path,
                         fmt::format("is an ACM certificate of region `{}`, but the load "
                                     "balancer is in `{}`",
                                     parsed->region, region),
                         fmt::format("request or import the certificate in `{}`", region));
        }
      } else if (!parsed || !certificate(*parsed, "iam", "server-certificate")) {
        c.diags.report(Diag::ListenerCertificateArn, item.range, *arn, listener->path,
                       "is not a certificate ARN", kForms);
      }
    }
  }
}

} // namespace
} // namespace certificate_arn_rule

extern const Rule kCertificateArnRule;
const Rule kCertificateArnRule{
    "certificate-arn",
    "a listener's certificates are ACM certificates of its region or IAM server certificates",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
    "https-listener-certificates.html",
    {Diag::ListenerCertificateArn},
    certificate_arn_rule::run};

} // namespace ecl::check
