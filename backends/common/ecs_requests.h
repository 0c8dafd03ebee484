// The ECS requests both backends send, built once from the checked model in the ECS API's spelling
// (RegisterTaskDefinition, CreateService, CreateCluster, PutClusterCapacityProviders,
// CreateCapacityProvider; docs.aws.amazon.com/AmazonECS/latest/APIReference/). The plan backend
// sends them as they are; CloudFormation's ECS resources take the same members capitalised
// (cloudformation/ecs.cpp). Tags are left to the backends, which spell them differently.
#pragma once

#include "backends/common/aws.h"
#include "backends/common/request.h"
#include "backends/common/spelling.h"

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecl::backend::common {

// What a task's requests name that the backend creates around it.
struct TaskResources {
  json execution_role_arn; // the generated execution role's ARN (when the task needs one)
  json log_group;          // the generated log group's name (when a container logs to it)
  json region;             // the region awslogs writes to
};

// Writes the members of RegisterTaskDefinition without tags, its containers included.
void task_definition(Spelling& s, Request& out, const model::Block& task, const TaskNeeds& needs,
                     const TaskResources& resources);
// The services a client-only Service Connect service (one with no `services` of its own) calls:
// those that serve in its namespace (its own, else its cluster's default). ECS gives a client the
// endpoints that exist when its tasks start, so it is made after them (the Service Connect guide
// asks for a DependsOn a backend service); a service that also serves gets none, which could
// make a cycle.
std::vector<const model::Block*> service_connect_servers(Spelling& s, const model::Program& program,
                                                         const model::Block& service);
// Writes the members of CreateService without tags; `region` is where the Service Connect proxy's
// awslogs write. Without `desired_count` the request leaves the count out (CloudFormation: a
// scaled service's count is its scaler's, and a stack update that named one would reset it).
void service(Spelling& s, Request& out, const model::Block& service, const json& region,
             bool desired_count = true);
// A Cloud Map namespace (CreateHttpNamespace, or in a vpc CreatePrivateDnsNamespace) without its
// token and tags: Name, Description and Vpc, which the AWS::ServiceDiscovery resources name alike.
json cloud_map_namespace(Spelling& s, const model::Block& ns);
// The Cloud Map service of a service's `discovery` block (CreateService) without its token and
// tags: Name, NamespaceId, DnsConfig, HealthCheckCustomConfig, spelt alike by the
// AWS::ServiceDiscovery::Service resource.
json discovery_service(Spelling& s, const model::Block& discovery);
// The service's auto scaling (its `scaling` block), in Application Auto Scaling's spelling, which
// the API and the AWS::ApplicationAutoScaling resources share: RegisterScalableTarget, and one
// PutScalingPolicy a tracked metric, by the suffix of its step or resource ("cpu", "memory",
// "requests", "metric-NAME" for a `metric` block). Null and empty without a `scaling` block.
json scalable_target(Spelling& s, const model::Block& service);
// PutScheduledAction of one `schedule` of the service's scaling; `ScheduledActions` items of the
// AWS::ApplicationAutoScaling::ScalableTarget are the same without the subject members.
json scheduled_action(Spelling& s, const model::Block& service, const model::Block& schedule);
std::vector<std::pair<std::string, json>>
scaling_policies(Spelling& s, const model::Program& program, const model::Block& service);
// RunTask of a job (`eclc run`): its cluster's ARN, the task definition, the count, where the
// tasks run, and tags from the task definition.
json run_task(Spelling& s, const model::Block& job);
// CreateSchedule of a job with a `schedule` (EventBridge Scheduler's spelling, which
// AWS::Scheduler::Schedule takes capitalised): RunTask's parameters on the cluster, as the role
// `role_arn`.
json schedule(Spelling& s, const model::Block& job, json role_arn);
// The inline policy of the role a job's schedule takes: RunTask of its task definition on its
// cluster, passing the task's roles to ECS, tagging the tasks it starts.
json scheduler_policy(Spelling& s, const model::Block& job);
// CreateCluster without tags.
json cluster(Spelling& s, const model::Block& cluster);
// PutClusterCapacityProviders of a cluster with `capacity`, or null.
json cluster_capacity_providers(Spelling& s, const model::Block& cluster);
// CreateCapacityProvider without tags, for the Auto Scaling group `group_arn`.
json capacity_provider(Spelling& s, const model::Block& capacity, json group_arn);

// What an ec2_capacity's launch template names that the backend spells: the AMI (an SSM
// parameter resolved its own way), the instance profile's ARN and the user data (base64 of the
// ECS agent's configuration).
struct LaunchTemplateParts {
  json image_id;
  json instance_profile_arn;
  json user_data;
};
// EC2's LaunchTemplateData (CreateLaunchTemplate; CloudFormation takes it as is).
json launch_template_data(Spelling& s, const model::Block& capacity, LaunchTemplateParts parts);

// The document of the execution role's `read-secrets` policy, or null when the task reads no
// secret; `parameter_arn` spells the ARN of an SSM parameter of the stack's account and region.
json read_secrets_policy(const TaskNeeds& needs,
                         const std::function<json(const std::string& name)>& parameter_arn);
// The trust policy of a `role` block: its `assumed_by`, services (`Service`) apart from accounts
// and IAM ARNs (`AWS`).
json trust_policy(Spelling& s, const model::Block& role);
// The policy document of the statements of a block's list attribute `attribute` (a role's
// `statements`, a task's `execution_statements`), or null when it has none.
json policy_document(Spelling& s, const model::Block& block, std::string_view attribute);

// The trust policy of a role that `principal` assumes.
const json& assume_role_policy(std::string_view principal);

} // namespace ecl::backend::common
