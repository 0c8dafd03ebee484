// Facts about AWS that every backend lowers the same way, so that a CloudFormation template and an
// API plan of one program create the same resources with the same settings: ECS's spellings of
// ECL's enum members, which supporting resources a task needs, the managed policies of the
// generated roles, and the protocol and ports of a security group rule.
#pragma once

#include "compiler/model/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecl::backend::common {

// ---- ECS's spellings ---------------------------------------------------------------------------

// "fargate_spot" -> "FARGATE_SPOT": launch types, compatibilities, providers, CPU architectures,
// propagate_tags and dependency conditions are ECL's members in upper case.
std::string upper(std::string_view member);
// "general_purpose" -> "generalPurpose": EFS's modes, ECR's count types and ECS's placement
// constraint types are ECL's members in camel case.
std::string camel(std::string_view member);

// ---- generated IAM roles -----------------------------------------------------------------------

// The managed policies of the generated roles (under `arn:PARTITION:iam::aws:policy/`).
inline constexpr std::string_view kExecutionRolePolicy =
    "service-role/AmazonECSTaskExecutionRolePolicy";
inline constexpr std::string_view kInstanceRolePolicy =
    "service-role/AmazonEC2ContainerServiceforEC2Role";
// The principals that assume them.
inline constexpr std::string_view kEcsTasksPrincipal = "ecs-tasks.amazonaws.com";
inline constexpr std::string_view kEc2Principal = "ec2.amazonaws.com";
inline constexpr std::string_view kSchedulerPrincipal = "scheduler.amazonaws.com";
// The root device of the ECS-optimized Amazon Linux 2023 AMI (the launch template's volume).
inline constexpr std::string_view kRootDevice = "/dev/xvda";

// ---- what a task needs -------------------------------------------------------------------------

// A secret's source as an IAM resource: an ARN as written, or the name of an SSM parameter of the
// stack's account and region (without its leading `/`).
struct SecretSource {
  bool arn = false;
  std::string text;
  friend bool operator==(const SecretSource&, const SecretSource&) = default;
};

struct TaskNeeds {
  // ECS needs a role to pull from private ECR, write to CloudWatch Logs or read secrets; one is
  // generated unless the task names its own `execution_role`.
  bool execution_role = false;
  // A container logs with awslogs to the task's generated group (no `group` of its own: neither
  // a name nor a `log_group` block).
  bool log_group = false;
  std::vector<std::string> secret_arns; // Secrets Manager secrets, in order of first use
  std::vector<SecretSource> parameters; // other ARNs and SSM parameter names, in order of first use
};

// What the generated execution role, log group and read-secrets policy must give the task's
// containers: model::execution_needs(), as the checker reads it for a role of the program's own.
TaskNeeds task_needs(const model::Block& task);

// The generated log group of a task whose family is `family`.
std::string log_group_name(std::string_view family);

// Which task creates the generated log group `/ecs/<family>`. Tasks of one family are revisions
// of one task definition (AWS's samples ship `_ec2` and `_fargate` pairs) and log to one group,
// which AWS lets exist once: the first of them that needs it creates it, the others use it.
class LogGroupOwners {
public:
  explicit LogGroupOwners(const model::Program& program);
  // The task that creates the group `task` logs to (`task` itself unless it shares its family
  // with an earlier task that needs the group).
  const model::Block& owner(const model::Block& task) const;

private:
  std::vector<std::pair<const model::Block*, const model::Block*>> shared_; // task -> owner
};

// ---- security group rules ----------------------------------------------------------------------

// A rule's protocol and port range as EC2 takes them: "-1" for every protocol (no ports), ICMP
// without ports as -1/-1 (every type and code), TCP or UDP without ports as 0-65535.
struct RulePorts {
  std::string protocol; // "tcp", "udp", "icmp", "-1"
  std::optional<std::int64_t> from;
  std::optional<std::int64_t> to;
};
// The attribute of a rule that names its peer: `from` of an ingress rule, `to` of an egress one.
const char* rule_peer(const model::Block& rule);
RulePorts rule_ports(const std::string* protocol, std::optional<std::int64_t> port,
                     std::optional<std::int64_t> from_port, std::optional<std::int64_t> to_port);

} // namespace ecl::backend::common
