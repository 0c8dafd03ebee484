// The shape of security group rules. For `tcp` and `udp` a rule takes either `port` or both
// `from_port` and `to_port` (1 to 65535, from ≤ to); `all` covers every port and takes none; for
// `icmp`, `from_port` and `to_port` are the ICMP type and code (-1 for all) and `port` does not
// apply. A rule's peer security group belongs to the rule's VPC.
#include "compiler/check/fixes.h"
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>
#include <utility>

namespace ecl::check {
namespace security_group_rules_rule {
namespace {

// Whether the attribute was written in the source (its value may be null after an error).
bool written(const model::Block& rule, std::string_view name) {
  const model::Attribute* a = rule.attribute(name);
  return a && !a->defaulted;
}

void check_ports(RuleContext& c, const model::Block& rule, const std::string& protocol) {
  const bool port = written(rule, "port");
  const bool from = written(rule, "from_port");
  const bool to = written(rule, "to_port");
  for (std::string_view name : {"port", "from_port", "to_port"}) {
    if (written(rule, name) && !rule.get(name)) {
      return; // the generic pass reported this value
    }
  }

  if (protocol == "all") {
    for (std::string_view name : {"port", "from_port", "to_port"}) {
      if (written(rule, name)) {
        c.diags.report(
            Diag::RuleShape, attribute_range(rule, name),
            fmt::format("a rule for protocol `all` covers every port; remove `{}`", name));
      }
    }
    return;
  }

  if (protocol == "icmp") {
    if (port) {
      c.diags.report(Diag::RuleShape, attribute_range(rule, "port"),
                     "`port` does not apply to icmp; use `from_port` (the ICMP type) and "
                     "`to_port` (the ICMP code), -1 for all");
    }
    for (std::string_view name : {"from_port", "to_port"}) {
      auto v = rule.get_int(name);
      if (v && *v > 255) {
        c.diags.report(Diag::ValueOutOfRange, attribute_range(rule, name), fmt::format("`{}`", *v),
                       fmt::format("`{}` of an icmp rule is the ICMP {}: -1 (all) or 0 to 255",
                                   name, name == "from_port" ? "type" : "code"));
      }
    }
    if (to && !from) {
      c.diags.report(Diag::RuleShape, attribute_range(rule, "to_port"),
                     "`to_port` (the ICMP code) needs `from_port` (the ICMP type)");
    } else if (from && rule.get_int("from_port") == -1 && to && rule.get_int("to_port") != -1) {
      c.diags.report(Diag::RuleShape, attribute_range(rule, "to_port"),
                     "a rule for every ICMP type (`from_port = -1`) covers every code; set "
                     "`to_port = -1` or remove it");
    }
    return;
  }

  // tcp and udp.
  if (port && (from || to)) {
    std::string_view extra = from ? "from_port" : "to_port";
    c.diags
        .report(Diag::RuleShape, attribute_range(rule, extra),
                fmt::format("a rule takes `port` or `from_port` and `to_port`, not both; remove "
                            "`{}` or `port`",
                            extra))
        .note(attribute_range(rule, "port"), "`port` is set here");
    return;
  }
  if (!port && !from && !to) {
    c.diags.report(Diag::RuleShape, rule.header_range,
                   fmt::format("a {} rule needs `port`, or `from_port` and `to_port`", protocol));
    return;
  }
  if (from != to) {
    std::string_view given = from ? "from_port" : "to_port";
    std::string_view missing = from ? "to_port" : "from_port";
    Diagnostic& d = c.diags.report(
        Diag::RuleShape, attribute_range(rule, given),
        fmt::format("`{}` needs `{}`; for a single port write `port` instead", given, missing));
    // The same port at the other end: a range of one port, which the user widens.
    if (auto value = rule.get_int(given)) {
      check::fix_add_item(d, c.sources, rule.range, fmt::format("{} = {}", missing, *value),
                          fmt::format("add `{} = {}`", missing, *value));
    }
    return;
  }
  if (port) {
    return; // the `port` type already checked 1 to 65535
  }
  auto first = rule.get_int("from_port");
  auto last = rule.get_int("to_port");
  bool in_range = true;
  for (auto [name, value] : {std::pair{"from_port", first}, std::pair{"to_port", last}}) {
    if (value && (*value < 1 || *value > 65535)) {
      in_range = false;
      c.diags.report(Diag::ValueOutOfRange, attribute_range(rule, name),
                     fmt::format("`{}`", *value),
                     fmt::format("`{}` of a {} rule takes 1 to 65535", name, protocol));
    }
  }
  if (in_range && first && last && *first > *last) {
    c.diags.report(Diag::PortRange, attribute_range(rule, "from_port"), *first, *last)
        .note(attribute_range(rule, "to_port"), fmt::format("to_port is {} here", *last));
  }
}

void check_peer(RuleContext& c, const model::Block& rule, std::string_view peer_attr) {
  const model::Value* peer = rule.get(peer_attr);
  const model::Block* group = peer ? peer->block() : nullptr;
  const model::Block* owner = rule.ancestor("security_group");
  const model::Block* mine = vpc_of(&rule);
  const model::Block* theirs = vpc_of(group);
  if (!group || !owner || !mine || !theirs || mine == theirs) {
    return;
  }
  c.diags
      .report(Diag::CrossVpcReference, peer->range, group->kind_name, group->name, theirs->name,
              fmt::format("security_group `{}`", owner->name), mine->name)
      .note(group->header_range, fmt::format("security_group `{}` is declared here", group->name));
}

void run(RuleContext& c) {
  for (const auto& block : c.program.blocks) {
    bool ingress = block->kind_name == "ingress";
    if (!ingress && block->kind_name != "egress") {
      continue;
    }
    if (const std::string* protocol = block->get_enum("protocol")) {
      check_ports(c, *block, *protocol);
    }
    check_peer(c, *block, ingress ? "from" : "to");
  }
}

} // namespace
} // namespace security_group_rules_rule

extern const Rule kSecurityGroupRule;
const Rule kSecurityGroupRule{
    "security-group-rules",
    "Security group rules have well-formed ports (1 to 65535, from_port ≤ to_port; ICMP type and "
    "code) and peer groups of the same VPC",
    "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html",
    {Diag::PortRange, Diag::RuleShape, Diag::ValueOutOfRange, Diag::CrossVpcReference},
    security_group_rules_rule::run};

} // namespace ecl::check
