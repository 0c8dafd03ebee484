// The registry of AWS rules. Each rule lives in its own file in this folder and is listed here.
#include "compiler/check/rules/rule.h"

#include <cmath>

namespace ecl::check {

#define ECL_RULES(X)                                                                               \
  X(kCidrPrefixRule)                                                                               \
  X(kSubnetInVpcRule)                                                                              \
  X(kZoneInRegionRule)                                                                             \
  X(kRouteTableRule)                                                                               \
  X(kNatGatewayPublicRule)                                                                         \
  X(kPublicSubnetRouteRule)                                                                        \
  X(kEndpointRule)                                                                                 \
  X(kSecurityGroupRule)                                                                            \
  X(kOpenIngressRule)                                                                              \
  X(kFargateTaskRule)                                                                              \
  X(kContainerResourcesRule)                                                                       \
  X(kEssentialContainerRule)                                                                       \
  X(kPortMappingRule)                                                                              \
  X(kContainerDependencyRule)                                                                      \
  X(kImageReferenceRule)                                                                           \
  X(kCredentialEnvironmentRule)                                                                    \
  X(kLogRetentionRule)                                                                             \
  X(kLogGroupNameRule)                                                                             \
  X(kLogGroupKmsRule)                                                                              \
  X(kLogSettingsRule)                                                                              \
  X(kFirelensRule)                                                                                 \
  X(kEfsVolumeRule)                                                                                \
  X(kEfsMountTargetRule)                                                                           \
  X(kEfsNfsIngressRule)                                                                            \
  X(kEfsPlatformVersionRule)                                                                       \
  X(kEfsFileSystemRule)                                                                            \
  X(kEfsAccessPointRule)                                                                           \
  X(kEfsServiceZonesRule)                                                                          \
  X(kRestartPolicyRule)                                                                            \
  X(kServiceCompatibilityRule)                                                                     \
  X(kServiceNetworkRule)                                                                           \
  X(kPlacementRule)                                                                                \
  X(kDeploymentRule)                                                                               \
  X(kEc2CapacityRule)                                                                              \
  X(kPrivateEgressRule)                                                                            \
  X(kEc2LaunchCapacityRule)                                                                        \
  X(kAwsCharactersRule)                                                                            \
  X(kServiceNamesRule)                                                                             \
  X(kCapacityProviderNameRule)                                                                     \
  X(kLoadBalancerZonesRule)                                                                        \
  X(kLoadBalancerSchemeRule)                                                                       \
  X(kListenerCertificateRule)                                                                      \
  X(kLoadBalancerProtocolRule)                                                                     \
  X(kListenerActionRule)                                                                           \
  X(kListenerRulePriorityRule)                                                                     \
  X(kTargetGroupAssociationRule)                                                                   \
  X(kTargetHealthCheckRule)                                                                        \
  X(kServiceLoadBalancerRule)                                                                      \
  X(kLoadBalancerIngressRule)                                                                      \
  X(kHttpsRedirectRule)                                                                            \
  X(kRuleConditionRule)                                                                            \
  X(kStickinessRule)                                                                               \
  X(kScheduledScalingRule)                                                                         \
  X(kServiceScalingRule)                                                                           \
  X(kIamTrustRule)                                                                                 \
  X(kIamActionsRule)                                                                               \
  X(kIamArnsRule)                                                                                  \
  X(kIamWildcardRule)                                                                              \
  X(kRoleNameRule)                                                                                 \
  X(kExecutionRoleExtrasRule)                                                                      \
  X(kEcsExecRoleRule)                                                                              \
  X(kTaskRoleTrustRule)                                                                            \
  X(kAwsNamesRule)                                                                                 \
  X(kAwsNameUniquenessRule)                                                                        \
  X(kExistingRule)                                                                                 \
  X(kLinuxParametersRule)                                                                          \
  X(kMountPointsRule)                                                                              \
  X(kNamespaceNameRule)                                                                            \
  X(kServiceConnectPortsRule)                                                                      \
  X(kServiceConnectNetworkRule)                                                                    \
  X(kServiceConnectNamesRule)                                                                      \
  X(kServiceConnectUniqueRule)                                                                     \
  X(kServiceConnectNamespaceRule)                                                                  \
  X(kServiceDiscoveryRule)

#define ECL_DECLARE_RULE(name) extern const Rule name;
ECL_RULES(ECL_DECLARE_RULE)
#undef ECL_DECLARE_RULE

std::span<const Rule> all_rules() {
#define ECL_LIST_RULE(name) name,
  static const std::vector<Rule> rules = {ECL_RULES(ECL_LIST_RULE)};
#undef ECL_LIST_RULE
  return rules;
}

void run_rules(RuleContext& context) {
  for (const Rule& rule : all_rules()) {
    rule.run(context);
  }
}

Range attribute_range(const model::Block& block, std::string_view name) {
  const model::Attribute* a = block.attribute(name);
  if (!a) {
    return block.header_range;
  }
  return a->defaulted ? block.header_range : a->value.range;
}

std::optional<Cidr> cidr_of(const model::Block& block, std::string_view name) {
  const std::string* s = block.get_string(name);
  return s ? Cidr::parse(*s) : std::nullopt;
}

bool allows_tcp_port(const model::Block& rule, std::int64_t port) {
  const std::string* protocol = rule.get_enum("protocol");
  if (protocol && *protocol == "all") {
    return true;
  }
  if (!protocol || *protocol != "tcp") {
    return false;
  }
  if (auto p = rule.get_int("port")) {
    return *p == port;
  }
  auto from = rule.get_int("from_port");
  auto to = rule.get_int("to_port");
  return from && to && *from <= port && port <= *to;
}

std::optional<std::int64_t> amount_of(const model::Block& block, std::string_view name) {
  const model::Value* v = block.get(name);
  auto n = v ? v->number() : std::nullopt;
  if (!n) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(std::llround(*n));
}

const model::Value* fargate_compatibility(const model::Block& task) {
  const model::Value* list = task.get("compatibilities");
  if (!list || !list->as<model::List>()) {
    return nullptr;
  }
  for (const model::Value& item : *list->as<model::List>()) {
    if (const std::string* name = item.enum_member(); name && *name == "fargate") {
      return &item;
    }
  }
  return nullptr;
}

const model::Block* RuleContext::route_table_of(const model::Block* subnet, bool same_vpc) {
  if (!tables_indexed_) {
    tables_indexed_ = true;
    for (const model::Block* table : program.of_kind("route_table")) {
      for (const model::Block* s : table->get_refs("subnets")) {
        first_table_.emplace(s, table); // keeps the first
        if (vpc_of(table) == vpc_of(s)) {
          first_table_in_vpc_.emplace(s, table);
        }
      }
    }
  }
  const auto& index = same_vpc ? first_table_in_vpc_ : first_table_;
  auto it = index.find(subnet);
  return it == index.end() ? nullptr : it->second;
}

const model::Block* vpc_of(const model::Block* block) {
  return block ? block->ancestor("vpc") : nullptr;
}

} // namespace ecl::check
