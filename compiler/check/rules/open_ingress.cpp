// An ingress rule open to the whole internet (0.0.0.0/0) should reach only the web ports 80 and
// 443 (Security Hub control EC2.18's default). One warning a rule, at its `from`.
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>

namespace ecl::check {
namespace open_ingress_rule {
namespace {

bool web_port(std::int64_t port) {
  return port == 80 || port == 443;
}

// What the rule opens, when that is more than ports 80 and 443; "" otherwise (or when the rule's
// ports are malformed, which the security-group-rules rule reports).
std::string opened_beyond_web(const model::Block& rule, const std::string& protocol) {
  if (protocol == "all") {
    return "every protocol and port (protocol `all`)";
  }
  if (protocol != "tcp" && protocol != "udp") {
    return ""; // icmp has no ports
  }
  if (auto port = rule.get_int("port")) {
    return web_port(*port) ? "" : fmt::format("{} port {}", protocol, *port);
  }
  auto first = rule.get_int("from_port");
  auto last = rule.get_int("to_port");
  if (!first || !last || *first < 1 || *first > *last) {
    return "";
  }
  if (*first == *last && web_port(*first)) {
    return ""; // a range of two or more ports always reaches a port other than 80 and 443
  }
  return *first == *last ? fmt::format("{} port {}", protocol, *first)
                         : fmt::format("{} ports {}-{}", protocol, *first, *last);
}

void run(RuleContext& c) {
  for (const model::Block* rule : c.program.of_kind("ingress")) {
    const std::string* from = rule->get_string("from");
    const std::string* protocol = rule->get_enum("protocol");
    if (!from || !protocol) {
      continue; // a security group peer, or an error already reported
    }
    auto cidr = Cidr::parse(*from);
    if (!cidr || cidr->prefix() != 0) {
      continue;
    }
    std::string opened = opened_beyond_web(*rule, *protocol);
    if (!opened.empty()) {
      c.diags.report(Diag::OpenIngress, attribute_range(*rule, "from"), opened);
    }
  }
}

} // namespace
} // namespace open_ingress_rule

extern const Rule kOpenIngressRule;
const Rule kOpenIngressRule{
    "open-ingress",
    "Ingress from 0.0.0.0/0 reaches only ports 80 and 443",
    "https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-18",
    {Diag::OpenIngress},
    open_ingress_rule::run};

} // namespace ecl::check
