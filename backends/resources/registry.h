// Every resource descriptor (backends/resources/<service>/<resource>.cpp), and the look-ups the
// backends and apply/ make in them.
#pragma once

#include "backends/resources/resource.h"

#include <map>
#include <span>
#include <string>

namespace ecl::resources {

// Every descriptor file, by the function that returns its descriptor.
#define ECL_RESOURCES(X)                                                                           \
  X(ec2_availability_zones)                                                                        \
  X(ec2_vpc)                                                                                       \
  X(ec2_subnet)                                                                                    \
  X(ec2_internet_gateway)                                                                          \
  X(ec2_gateway_attachment)                                                                        \
  X(ec2_eip)                                                                                       \
  X(ec2_nat_gateway)                                                                               \
  X(ec2_route_table)                                                                               \
  X(ec2_route_table_association)                                                                   \
  X(ec2_route)                                                                                     \
  X(ec2_vpc_endpoint)                                                                              \
  X(ec2_security_group)                                                                            \
  X(ec2_security_group_ingress)                                                                    \
  X(ec2_security_group_egress)                                                                     \
  X(ec2_launch_template)                                                                           \
  X(iam_role)                                                                                      \
  X(iam_instance_profile)                                                                          \
  X(logs_log_group)                                                                                \
  X(servicediscovery_http_namespace)                                                               \
  X(servicediscovery_private_dns_namespace)                                                        \
  X(servicediscovery_service)                                                                      \
  X(efs_file_system)                                                                               \
  X(efs_mount_target)                                                                              \
  X(efs_access_point)                                                                              \
  X(ecr_repository)                                                                                \
  X(autoscaling_auto_scaling_group)                                                                \
  X(elbv2_load_balancer)                                                                           \
  X(elbv2_target_group)                                                                            \
  X(elbv2_listener)                                                                                \
  X(elbv2_listener_rule)                                                                           \
  X(application_autoscaling_scalable_target)                                                       \
  X(application_autoscaling_scaling_policy)                                                        \
  X(application_autoscaling_scheduled_action)                                                      \
  X(ecs_cluster)                                                                                   \
  X(ecs_cluster_capacity_providers)                                                                \
  X(ecs_capacity_provider)                                                                         \
  X(ecs_task_definition)                                                                           \
  X(ecs_service)                                                                                   \
  X(scheduler_schedule)

// Each descriptor by its function: the CloudFormation backend names the resources it writes
// (`begin_resource(b, id, resources::ec2_vpc())`).
#define ECL_DECLARE(name) const Descriptor& name();
ECL_RESOURCES(ECL_DECLARE)
#undef ECL_DECLARE

// Every descriptor, in the order ECL_RESOURCES lists them.
std::span<const Descriptor* const> descriptors();

// The operation of a plan step or state entry ("ec2", "CreateVpc"), or null.
const Operation* find_operation(std::string_view service, std::string_view operation);
// The source of the deferred attribute `kind.name`, or null.
const Attribute* find_attribute(std::string_view kind, std::string_view name);
// What a reference to a block of `kind` means in a plan (its id, ARN or name), or null.
const Attribute* find_reference(std::string_view kind);
// The response path of an attribute (its operation's output), or "".
std::string_view output_path(const Attribute& attribute);
// The response path of an operation's output `name`, or "".
std::string_view output_path(const Operation& operation, std::string_view name);

// A value as text: a string as it is, anything else as JSON.
std::string text_of(const json& value);
// Whether two texts are the same in any case (what AWS answers: `available`, `True`).
bool same_text(std::string_view a, std::string_view b);

// Whether a template names the request member `member` ("$request.MEMBER", at any depth), or one
// it is in: an updatable member the update call takes elsewhere than the create call (Cloud
// Map's UpdateHttpNamespace, `Namespace.Description`) is sent where the template puts it.
bool places(const json& params, std::string_view member);

// Whether an error (its code and message) is one of `codes` (see Codes).
bool has_code(const Codes& codes, std::string_view code, std::string_view message = "");

// A template (see Request) filled from a recorded call: its outputs (response path -> value), its
// request and its block, and the answer of the call just made (`answer`, when given). A missing
// output, request member or answer path is "".
json fill(const json& value, const Operation& operation, const json& outputs, const json& request,
          std::string_view block, const json* answer = nullptr);

// ---- tags (tags.cpp) ----------------------------------------------------------------------------

// A concrete call.
struct Call {
  std::string service;
  std::string operation;
  json params;
};

using TagMap = std::map<std::string, std::string>;

// Whether a request member carries the resource's tags (TagSpecifications, Tags, tags).
bool is_tag_member(std::string_view member);
// Tags as key -> value, from [{Key, Value}], [{key, value}] (ECS) or a map (CloudWatch Logs), added
// to `out` (a key already there takes the new value).
TagMap tags_of(const json& tags, TagMap out = {});
// A request's tags as key -> value, whichever service's shape carries them.
TagMap tag_map(const json& request);
// Adds `tags` ((key, value) pairs, in order) to the request of `operation`'s call as its tag
// style spells them: EC2's TagSpecifications, ECS's `tags` list, IAM's `Tags`, CloudWatch Logs'
// `tags` map, Auto Scaling's `Tags` naming their group and inherited by its instances.
void add_tags(json& request, const Operation& operation,
              const std::vector<std::pair<std::string, json>>& tags);
// For people: the call that changes the tags of a resource of the style ("ec2:CreateTags"), "".
std::string tag_call(TagStyle style);
// The calls that bring the tags of `subject` from `before`'s to `after`'s (requests of its
// create call): the removed keys untagged, the added and changed ones tagged.
std::vector<Call> tag_calls(const Tagging& tagging, const std::string& subject, const json& before,
                            const json& after);

} // namespace ecl::resources
