// A listener's `ssl_policy` is for TLS only and names a policy Elastic Load Balancing has.
// Only an `https` or `tls` listener negotiates TLS and takes a security policy (E3318:
// CreateListener refuses `SslPolicy` on HTTP, TCP and UDP). The policy is one of the predefined
// ones (E3319); the load balancers take no custom policy. The list is the documentation page's,
// kept here as data: add a policy when AWS publishes one.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
#include "compiler/check/rules/rule.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace ecl::check {
namespace ssl_policy_rule {
namespace {

// "Security policies for your Application Load Balancer" (Network Load Balancers' TLS listeners
// take the same names).
constexpr std::array<std::string_view, 42> kSecurityPolicies = {
    // TLS 1.3
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
    "ELBSecurityPolicy-TLS13-1-1-2021-06",
    "ELBSecurityPolicy-TLS13-1-0-2021-06",
    // TLS 1.3 with hybrid post-quantum key exchange
    "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-1-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-0-PQ-2025-09",
    // FIPS
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04",
    // FIPS with hybrid post-quantum key exchange
    "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-1-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09",
    // Forward secrecy
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
    "ELBSecurityPolicy-FS-1-2-Res-2019-08",
    "ELBSecurityPolicy-FS-1-2-2019-08",
    "ELBSecurityPolicy-FS-1-1-2019-08",
    "ELBSecurityPolicy-FS-2018-06",
    // TLS 1.0 to 1.2
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
    "ELBSecurityPolicy-TLS-1-2-2017-01",
    "ELBSecurityPolicy-TLS-1-1-2017-01",
    "ELBSecurityPolicy-TLS-1-0-2015-04",
    "ELBSecurityPolicy-2016-08",
    "ELBSecurityPolicy-2015-05",
};

constexpr std::string_view kRecommended = "ELBSecurityPolicy-TLS13-1-2-2021-06";

void run(RuleContext& c) {
  for (const model::Block* listener : c.program.of_kind("listener")) {
    const std::string* policy = listener->get_string("ssl_policy");
    if (!policy) {
      continue;
    }
    Range at = attribute_range(*listener, "ssl_policy");
    const std::string* protocol = listener->get_enum("protocol");
    if (protocol && *protocol != "https" && *protocol != "tls") {
      c.diags.report(Diag::SslPolicyWithoutTls, at, listener->path, *protocol);
      continue;
    }
    if (std::find(kSecurityPolicies.begin(), kSecurityPolicies.end(), *policy) ==
        kSecurityPolicies.end()) {
      std::string suggestion =
          nearest(*policy, std::span<const std::string_view>(kSecurityPolicies));
      if (suggestion.empty() && policy->starts_with("ELBSecurityPolicy-")) {
        continue; // far from every policy eclc knows: maybe one AWS added since (RFC 9151 ones)
      }
      c.diags
          .report(Diag::UnknownSslPolicy, at, *policy, listener->path,
                  suggestion.empty() ? fmt::format("; AWS recommends `{}`", kRecommended)
                                     : did_you_mean(suggestion))
          .fix(at, suggestion.empty() ? "" : fmt::format("\"{}\"", suggestion));
    }
  }
}

} // namespace
} // namespace ssl_policy_rule

extern const Rule kSslPolicyRule;
const Rule kSslPolicyRule{"ssl-policy",
                          "a listener's `ssl_policy` is on an `https` or `tls` listener and names "
                          "a predefined Elastic Load Balancing security policy",
                          "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/"
                          "describe-ssl-policies.html",
                          {Diag::SslPolicyWithoutTls, Diag::UnknownSslPolicy},
                          ssl_policy_rule::run};

} // namespace ecl::check
