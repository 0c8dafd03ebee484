// The registry of AWS rules. Each rule lives in its own file in this folder and is listed here.
#include "compiler/check/rules/rule.h"
#include "compiler/model/poison.h"
#include "compiler/schema/schema.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <optional>
#include <regex>

namespace ecl::check {

#define ECL_RULES(X)                                                                               \
  X(kCidrPrefixRule)                                                                               \
  X(kSubnetInVpcRule)                                                                              \
  X(kZoneInRegionRule)                                                                             \
  X(kRouteTableRule)                                                                               \
  X(kNatGatewayPublicRule)                                                                         \
  X(kPathLengthRule)                                                                               \
  X(kPublicSubnetRouteRule)                                                                        \
  X(kEndpointRule)                                                                                 \
  X(kSecurityGroupRule)                                                                            \
  X(kOpenIngressRule)                                                                              \
  X(kFargateTaskRule)                                                                              \
  X(kFargateStopTimeoutRule)                                                                       \
  X(kContainerResourcesRule)                                                                       \
  X(kEssentialContainerRule)                                                                       \
  X(kPortMappingRule)                                                                              \
  X(kContainerDependencyRule)                                                                      \
  X(kImageReferenceRule)                                                                           \
  X(kCredentialEnvironmentRule)                                                                    \
  X(kSecretArnRule)                                                                                \
  X(kLogRetentionRule)                                                                             \
  X(kLogGroupNameRule)                                                                             \
  X(kLogGroupKmsRule)                                                                              \
  X(kLogSettingsRule)                                                                              \
  X(kFirelensRule)                                                                                 \
  X(kEfsVolumeRule)                                                                                \
  X(kEfsIamRoleRule)                                                                               \
  X(kEfsMountTargetRule)                                                                           \
  X(kEfsNfsIngressRule)                                                                            \
  X(kEfsPlatformVersionRule)                                                                       \
  X(kEfsFileSystemRule)                                                                            \
  X(kEfsAccessPointRule)                                                                           \
  X(kEfsServiceZonesRule)                                                                          \
  X(kEcrRepositoryRule)                                                                            \
  X(kEcrLifecycleRule)                                                                             \
  X(kRestartPolicyRule)                                                                            \
  X(kServiceCompatibilityRule)                                                                     \
  X(kFargateSpotArchitectureRule)                                                                  \
  X(kServiceNetworkRule)                                                                           \
  X(kPlacementRule)                                                                                \
  X(kDeploymentRule)                                                                               \
  X(kEc2CapacityRule)                                                                              \
  X(kEc2ArchitectureRule)                                                                          \
  X(kEc2InstanceTypeRule)                                                                          \
  X(kEc2CapacityEgressRule)                                                                        \
  X(kPrivateEgressRule)                                                                            \
  X(kEndpointIngressRule)                                                                          \
  X(kEc2LaunchCapacityRule)                                                                        \
  X(kAwsCharactersRule)                                                                            \
  X(kServiceNamesRule)                                                                             \
  X(kCapacityProviderNameRule)                                                                     \
  X(kLoadBalancerZonesRule)                                                                        \
  X(kLoadBalancerSchemeRule)                                                                       \
  X(kListenerCertificateRule)                                                                      \
  X(kCertificateArnRule)                                                                           \
  X(kLoadBalancerProtocolRule)                                                                     \
  X(kLoadBalancerIdleTimeoutRule)                                                                  \
  X(kListenerActionRule)                                                                           \
  X(kListenerRulePriorityRule)                                                                     \
  X(kTargetGroupAssociationRule)                                                                   \
  X(kTargetHealthCheckRule)                                                                        \
  X(kTargetHealthCheckTimeoutRule)                                                                 \
  X(kServiceLoadBalancerRule)                                                                      \
  X(kLoadBalancerIngressRule)                                                                      \
  X(kHttpsRedirectRule)                                                                            \
  X(kRedirectLoopRule)                                                                             \
  X(kListenerActionConfigRule)                                                                     \
  X(kSslPolicyRule)                                                                                \
  X(kRuleConditionRule)                                                                            \
  X(kStickinessRule)                                                                               \
  X(kScheduledScalingRule)                                                                         \
  X(kJobsRule)                                                                                     \
  X(kServiceScalingRule)                                                                           \
  X(kScalingMetricRule)                                                                            \
  X(kIamTrustRule)                                                                                 \
  X(kIamActionsRule)                                                                               \
  X(kIamArnsRule)                                                                                  \
  X(kIamWildcardRule)                                                                              \
  X(kRoleNameRule)                                                                                 \
  X(kExecutionRoleExtrasRule)                                                                      \
  X(kEcsExecRoleRule)                                                                              \
  X(kExecutionRolePermissionsRule)                                                                 \
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
  X(kServiceDiscoveryRule)                                                                         \
  X(kTagsRule)

#define ECL_DECLARE_RULE(name) extern const Rule name;
ECL_RULES(ECL_DECLARE_RULE)
#undef ECL_DECLARE_RULE

std::span<const Rule> all_rules() {
#define ECL_LIST_RULE(name) name,
  static const std::vector<Rule> rules = {ECL_RULES(ECL_LIST_RULE)};
#undef ECL_LIST_RULE
  return rules;
}

namespace {

// Where in the diagnostics a rule first read a value an error poisoned (model::PoisonWatcher).
class FirstPoisonedRead final : public model::PoisonWatcher {
public:
  FirstPoisonedRead(const Diagnostics& diags, const std::vector<std::string>& lost_kinds)
      : diags_(diags), lost_kinds_(lost_kinds) {}
  void poisoned_read() override {
    if (!at) {
      at = diags_.items().size();
    }
  }
  bool lost(std::string_view kind) const override {
    return std::find(lost_kinds_.begin(), lost_kinds_.end(), kind) != lost_kinds_.end();
  }
  std::optional<std::size_t> at;

private:
  const Diagnostics& diags_;
  const std::vector<std::string>& lost_kinds_;
};

} // namespace

void run_rules(RuleContext& context) {
  // A diagnostic caused by an earlier error is not shown. A rule that read what an error left (a
  // listener's `forward` that did not resolve, an ingress's `from`) judges a program that is not
  // the one written: "no listener forwards to the group" may be false. What it reports from then
  // on is dropped, whichever block it is about; what it reported before cannot follow from it.
  const bool errors = context.diags.has_errors();
  for (const Rule& rule : all_rules()) {
    if (!errors) {
      rule.run(context);
      continue;
    }
    FirstPoisonedRead watch(context.diags, context.program.lost_kinds);
    model::PoisonWatcher* outer = model::watch_poisoned_reads(&watch);
    rule.run(context);
    model::watch_poisoned_reads(outer);
    if (watch.at) {
      auto& items = context.diags.items();
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(*watch.at), items.end());
    }
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

bool peer_is(const model::Block& rule, std::string_view peer_attribute,
             const std::vector<const model::Block*>& groups,
             const std::vector<const model::Block*>& subnets) {
  const model::Value* peer = rule.get(peer_attribute);
  if (!peer) {
    return false;
  }
  if (const model::Block* group = peer->block()) {
    return std::find(groups.begin(), groups.end(), group) != groups.end();
  }
  auto range = cidr_of(rule, peer_attribute);
  if (!range || subnets.empty()) {
    return false;
  }
  for (const model::Block* subnet : subnets) {
    auto cidr = cidr_of(*subnet, "cidr");
    if (!cidr || !range->contains(*cidr)) {
      return false;
    }
  }
  return true;
}

bool admits(const std::vector<const model::Block*>& groups, std::int64_t port,
            const std::vector<const model::Block*>& task_groups,
            const std::vector<const model::Block*>& subnets) {
  for (const model::Block* group : groups) {
    for (const model::Block* ingress : group->each_child("ingress")) {
      if (allows_tcp_port(*ingress, port) && peer_is(*ingress, "from", task_groups, subnets)) {
        return true;
      }
    }
  }
  return false;
}

bool security_rules_unknown(const std::vector<const model::Block*>& groups,
                            const model::Block* vpc) {
  return std::any_of(groups.begin(), groups.end(),
                     [](const model::Block* g) { return schema::existing(*g) != nullptr; }) ||
         (groups.empty() && vpc && schema::existing(*vpc));
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
  if (model::watching_poisoned_reads()) {
    // The index is a reading of every table's `subnets`, made for an earlier rule: read them
    // again, so that one an error poisoned counts for the rule asking now (run_rules).
    for (const model::Block* table : program.of_kind("route_table")) {
      table->attribute("subnets");
    }
  }
  const auto& index = same_vpc ? first_table_in_vpc_ : first_table_;
  auto it = index.find(subnet);
  return it == index.end() ? nullptr : it->second;
}

const model::Block* vpc_of(const model::Block* block) {
  return block ? block->ancestor("vpc") : nullptr;
}

namespace {

// A cron field's limits, and what it takes beside numbers, ranges, lists, `*` and steps.
struct CronField {
  std::string_view name;
  int low;
  int high;
  std::string_view special;                                // "?" "L" "W" "#"
  const std::array<std::string_view, 12>* names = nullptr; // JAN..DEC, SUN..SAT (numbered from 1)
};

constexpr std::array<std::string_view, 12> kMonths = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                      "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<std::string_view, 12> kDays = {"SUN", "MON", "TUE", "WED", "THU", "FRI",
                                                    "SAT", "",    "",    "",    "",    ""};

// A number or name of the field, or nullopt.
std::optional<int> cron_value(const CronField& f, std::string_view text) {
  if (f.names) {
    for (std::size_t i = 0; i < f.names->size(); ++i) {
      if (!(*f.names)[i].empty() && text == (*f.names)[i]) {
        return static_cast<int>(i) + 1;
      }
    }
  }
  if (text.empty() || text.size() > 4 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoi(std::string(text));
}

// Why a cron field is not one AWS takes, or "".
std::string cron_field_problem(const CronField& f, const std::string& field) {
  auto bad = [&](std::string_view part) {
    return fmt::format("{} `{}` is not a value from {} to {}", f.name, part, f.low, f.high);
  };
  if (field == "?" && f.special.find('?') != std::string_view::npos) {
    return "";
  }
  std::size_t start = 0;
  while (start <= field.size()) {
    std::size_t comma = field.find(',', start);
    std::string_view part = std::string_view(field).substr(
        start, comma == std::string::npos ? field.npos : comma - start);
    start = comma == std::string::npos ? field.size() + 1 : comma + 1;
    std::string_view base = part;
    if (auto slash = part.find('/'); slash != part.npos) {
      auto step = cron_value(CronField{f.name, 1, 999, ""}, part.substr(slash + 1));
      if (!step || *step < 1) {
        return fmt::format("{} `{}` has a step that is not a number above 0", f.name, part);
      }
      base = part.substr(0, slash);
    }
    if (base == "*") {
      continue;
    }
    if (f.special.find('L') != std::string_view::npos && (base == "L" || base == "LW")) {
      continue;
    }
    if (f.special.find('W') != std::string_view::npos && base.ends_with('W')) {
      base.remove_suffix(1);
    } else if (f.special.find('L') != std::string_view::npos && base.size() > 1 &&
               base.ends_with('L')) {
      base.remove_suffix(1);
    } else if (auto hash = base.find('#');
               hash != base.npos && f.special.find('#') != std::string_view::npos) {
      auto nth = cron_value(CronField{f.name, 1, 5, ""}, base.substr(hash + 1));
      if (!nth || *nth < 1 || *nth > 5) {
        return fmt::format("{} `{}` names a week of the month that is not 1 to 5", f.name, part);
      }
      base = base.substr(0, hash);
    }
    std::string_view from = base, to = base;
    if (auto dash = base.find('-'); dash != base.npos) {
      from = base.substr(0, dash);
      to = base.substr(dash + 1);
    }
    for (std::string_view v : {from, to}) {
      auto n = cron_value(f, v);
      if (!n || *n < f.low || *n > f.high) {
        return bad(v.empty() ? part : v);
      }
    }
  }
  return "";
}

// Whether yyyy-mm-ddThh:mm:ss names a time that exists.
bool real_time(int year, int month, int day, int hour, int minute, int second) {
  static constexpr int kDaysIn[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || day < 1) {
    return false;
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDaysIn[month - 1] + (month == 2 && leap ? 1 : 0);
}

} // namespace

std::string schedule_expression_problem(const std::string& e) {
  static const std::regex at(R"(at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\))");
  static const std::regex rate(R"(rate\(([1-9]\d*) (minute|minutes|hour|hours|day|days)\))");
  static const std::regex cron(R"(cron\(([^()]*)\))");
  std::smatch m;
  if (std::regex_match(e, m, at)) {
    auto n = [&](int i) { return std::stoi(m[i].str()); };
    return real_time(n(1), n(2), n(3), n(4), n(5), n(6))
               ? ""
               : fmt::format("`{}` is not a date and time that exists", e.substr(3, e.size() - 4));
  }
  if (std::regex_match(e, m, rate)) {
    const bool one = m[1] == "1";
    const bool plural = m[2].str().ends_with('s');
    return one == plural ? fmt::format("`rate` takes `{}` with {}", m[2].str(),
                                       one ? "a value of 1 in the singular" : "values above 1")
                         : "";
  }
  if (std::regex_match(e, m, cron)) {
    std::vector<std::string> fields;
    std::string inner = m[1], field;
    for (char ch : inner + " ") {
      if (ch == ' ') {
        if (!field.empty()) {
          fields.push_back(field);
        }
        field.clear();
      } else {
        field += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      }
    }
    if (fields.size() != 6) {
      return fmt::format("`cron` takes six fields (minutes hours day-of-month month day-of-week "
                         "year), not {}",
                         fields.size());
    }
    if ((fields[2] == "?") == (fields[4] == "?")) {
      return "one of day-of-month and day-of-week must be `?`, and only one";
    }
    // docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#cron-based
    static const CronField kFields[] = {
        {"minutes", 0, 59, ""},
        {"hours", 0, 23, ""},
        {"day-of-month", 1, 31, "?LW"},
        {"month", 1, 12, "", &kMonths},
        {"day-of-week", 1, 7, "?L#", &kDays},
        {"year", 1970, 2199, ""},
    };
    for (std::size_t i = 0; i < 6; ++i) {
      if (std::string problem = cron_field_problem(kFields[i], fields[i]); !problem.empty()) {
        return i == 4 && fields[i].find('0') != std::string::npos &&
                       problem.find("`0`") != std::string::npos
                   ? problem + " (Sunday is 1, or SUN)"
                   : problem;
      }
    }
    return "";
  }
  return "write `at(yyyy-mm-ddThh:mm:ss)`, `rate(N unit)` or `cron(...)`";
}

} // namespace ecl::check
