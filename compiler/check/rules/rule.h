// AWS rules run after the generic schema pass, on the checked model. One rule a file, each citing
// the AWS documentation page it comes from (cfn-lint's layout). A rule reads folded values and
// skips what is null: the generic pass has already reported those. A rule file's own functions are
// in `namespace <file>_rule { namespace { ... } }`: ecl_check is a unity build (its
// CMakeLists.txt), where the files of a batch share one anonymous namespace.
#pragma once

#include "compiler/diagnostics/diagnostic.h"
#include "compiler/model/cidr.h"
#include "compiler/model/model.h"

#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ecl::check {

struct RuleContext {
  RuleContext(const model::Program& p, Diagnostics& d, const SourceManager& s)
      : program(p), diags(d), sources(s) {}

  const model::Program& program;
  Diagnostics& diags;
  const SourceManager& sources;

  // The first route table (in source order) whose `subnets` lists `subnet`, or nullptr; with
  // `same_vpc`, the first such table of the subnet's own VPC. Indexed on first use: rules ask per
  // subnet and per service, and a scan of every table each time would be quadratic.
  const model::Block* route_table_of(const model::Block* subnet, bool same_vpc);

private:
  bool tables_indexed_ = false;
  std::unordered_map<const model::Block*, const model::Block*> first_table_;
  std::unordered_map<const model::Block*, const model::Block*> first_table_in_vpc_;
};

struct Rule {
  std::string_view name;        // "subnet-in-vpc"
  std::string_view description; // one line: what it enforces
  std::string_view source;      // the AWS documentation page
  std::vector<Diag> codes;      // the diagnostics it can report
  void (*run)(RuleContext& context);
};

// Every rule, in the order they run.
std::span<const Rule> all_rules();
void run_rules(RuleContext& context);

// Helpers shared by rules.
// The attribute's range (or the block header when it was defaulted).
Range attribute_range(const model::Block& block, std::string_view name);
// A CIDR attribute parsed; nullopt when absent or null.
std::optional<Cidr> cidr_of(const model::Block& block, std::string_view name);
// The VPC a block belongs to (itself for a vpc).
const model::Block* vpc_of(const model::Block* block);
// Whether a security group rule (`ingress` or `egress`) lets TCP traffic to `port` through:
// protocol `all`, or `tcp` on that port or a range holding it.
bool allows_tcp_port(const model::Block& rule, std::int64_t port);
// Whether a security group rule's peer (`from` of an ingress, `to` of an egress) is one of
// `groups`, or a CIDR holding all of `subnets`.
bool peer_is(const model::Block& rule, std::string_view peer_attribute,
             const std::vector<const model::Block*>& groups,
             const std::vector<const model::Block*>& subnets);
// Whether an ingress of one of `groups` lets TCP traffic to `port` in from one of `task_groups`,
// or from a CIDR holding all of `subnets` (allows_tcp_port and peer_is).
bool admits(const std::vector<const model::Block*>& groups, std::int64_t port,
            const std::vector<const model::Block*>& task_groups,
            const std::vector<const model::Block*>& subnets);
// Whether one of the groups is made elsewhere (`existing`): its rules are not the program's to
// know. No group at all: the default group of the VPC, unknown when the VPC is made elsewhere.
bool security_rules_unknown(const std::vector<const model::Block*>& groups,
                            const model::Block* vpc);
// Why `expression` is not a schedule expression AWS takes (Application Auto Scaling's scheduled
// actions and EventBridge Scheduler share the forms): `at(yyyy-mm-ddThh:mm:ss)`, `rate(N unit)`
// (minutes, hours, days), `cron(...)` with six fields of which day-of-month or day-of-week is
// `?`; "" when it is one.
std::string schedule_expression_problem(const std::string& expression);
// A memory, CPU or number attribute in canonical units, rounded; nullopt when absent or null.
std::optional<std::int64_t> amount_of(const model::Block& block, std::string_view name);
// The `fargate` entry of a task's `compatibilities`, or nullptr when the task does not run on
// Fargate (or the list had an error).
const model::Value* fargate_compatibility(const model::Block& task);

} // namespace ecl::check
