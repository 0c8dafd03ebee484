// The ECS kinds: cluster (+ capacity provider associations), ec2_capacity (launch template,
// instance role and profile, Auto Scaling group, capacity provider), task (+ its containers,
// execution role and log group) and service.
#include "backends/cloudformation/cloudformation.h"
#include "backends/cloudformation/lowering.h"
#include "backends/common/ecs_requests.h"
#include "backends/common/efs_requests.h"
#include "backends/common/elbv2_requests.h"
#include "backends/resources/registry.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::backend::cfn {

namespace {

using common::JsonWriter;
using common::upper;

void write_managed_policy(JsonWriter& w, std::string_view name) {
  w.begin_object();
  w.member("Fn::Sub", "arn:${AWS::Partition}:iam::aws:policy/" + std::string(name));
  w.end_object();
}

// {"Ref": "AWS::Region"}, which every task and service names: built once.
const json& region() {
  static const json kRegion = Lowering::ref_to("AWS::Region");
  return kRegion;
}

} // namespace

void lower_cluster(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ecs_cluster());
  l.write_request(w, common::cluster(l, b));
  l.write_tags(w.key("Tags"), b);
  l.end_resource();

  const json providers = common::cluster_capacity_providers(l, b);
  if (providers.is_null()) {
    return;
  }
  l.begin_resource(b, l.associations_id(b), resources::ecs_cluster_capacity_providers());
  l.write_request(w, providers);
  l.end_resource();
}

void lower_ec2_capacity(Lowering& l, const model::Block& b) {
  const std::string base = path_id(b);
  const model::Block* cluster = b.ancestor("cluster");

  // The capacity provider (the block's main resource) and what it manages.
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ecs_capacity_provider());
  // The Auto Scaling group and launch template give the block's deferred attributes.
  const std::string group = Lowering::resource_id(b, "auto_scaling_group");
  const std::string launch_template_id = Lowering::resource_id(b, "launch_template");
  l.write_request(w, common::capacity_provider(l, b, Lowering::ref_to(group)));
  l.write_tags(w.key("Tags"), b);
  l.end_resource();

  // The AMI: an ID as written, or a public SSM parameter through a template parameter (already
  // in the template's head: see Lowering::run).
  json image_id;
  if (const std::string* ami = l.get_string(b, "ami")) {
    if (ami->rfind('/', 0) == 0) {
      l.claim(b, base + "ImageId");
      image_id = Lowering::ref_to(base + "ImageId");
    } else {
      image_id = *ami;
    }
  }

  const std::string instance_role = l.made_id(b, "InstanceRole");
  l.begin_resource(b, instance_role, resources::iam_role());
  w.member("AssumeRolePolicyDocument", common::assume_role_policy(common::kEc2Principal));
  w.key("ManagedPolicyArns").begin_array();
  write_managed_policy(w, common::kInstanceRolePolicy);
  w.end_array();
  l.write_tags(w.key("Tags"), b);
  l.end_resource();

  l.begin_resource(b, base + "InstanceProfile", resources::iam_instance_profile());
  w.key("Roles").begin_array();
  Lowering::write_ref_to(w, instance_role);
  w.end_array();
  l.end_resource();

  const resources::Descriptor& launch_template = resources::ec2_launch_template();
  l.begin_resource(b, launch_template_id, launch_template);
  {
    // The ECS container agent reads the cluster to join from /etc/ecs/ecs.config.
    std::string cluster_ref = cluster ? fmt::format("${{{}}}", l.id(*cluster)) : "default";
    json user_data = {
        {"Fn::Base64",
         {{"Fn::Sub", fmt::format("#!/bin/bash\necho ECS_CLUSTER={} >> /etc/ecs/ecs.config\n",
                                  cluster_ref)}}}};
    json profile_arn = Lowering::getatt(base + "InstanceProfile", "Arn");
    json data = common::launch_template_data(
        l, b, {std::move(image_id), std::move(profile_arn), std::move(user_data)});
    w.member("LaunchTemplateData", data);
    w.key("TagSpecifications").begin_array().begin_object();
    w.member("ResourceType", launch_template.operations.front().tags.resource_type);
    l.write_tags(w.key("Tags"), b);
    w.end_object().end_array();
  }
  l.end_resource();

  l.begin_resource(b, group, resources::autoscaling_auto_scaling_group());
  {
    for (auto [attribute, property] : {std::pair{"min", "MinSize"}, std::pair{"max", "MaxSize"},
                                       std::pair{"desired", "DesiredCapacity"}}) {
      if (auto size = l.get_int(b, attribute)) {
        w.member(property, std::to_string(*size)); // a string in the template
      }
    }
    w.key("LaunchTemplate").begin_object();
    Lowering::write_ref_to(w.key("LaunchTemplateId"), launch_template_id);
    Lowering::write_getatt(w.key("Version"), launch_template_id, "LatestVersionNumber");
    w.end_object();
    w.key("VPCZoneIdentifier").begin_array();
    for (const model::Block* s : l.get_refs(b, "subnets")) {
      l.write_ref(w, *s);
    }
    w.end_array();
    l.write_tags(w.key("Tags"), b, /*propagate_at_launch=*/true);
    // The instances register with the cluster as they boot: the cluster must exist first.
    if (cluster) {
      l.end_properties().member("DependsOn", l.id(*cluster));
    }
  }
  l.end_resource();
}

std::string add_image_parameter(Lowering& l, const model::Block& b, json& parameters) {
  const std::string* ami = l.get_string(b, "ami");
  if (!ami || ami->rfind('/', 0) != 0) {
    return "";
  }
  std::string id = path_id(b) + "ImageId";
  json& param = parameters[id];
  param["Type"] = "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>";
  param["Default"] = *ami;
  param["Description"] = fmt::format("The AMI of ec2_capacity `{}` (an SSM parameter)", b.path);
  return id;
}

void lower_task(Lowering& l, const model::Block& b) {
  const std::string base = path_id(b);
  const common::TaskNeeds needs = common::task_needs(b);
  const model::Block& log_owner = l.log_groups().owner(b);

  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ecs_task_definition());
  Properties properties(l, w);
  common::TaskResources& resources = l.task_resources();
  if (resources.region.is_null()) {
    resources = {Lowering::getatt("", "Arn"), Lowering::ref_to(""), region()};
  }
  const std::string role_id = l.made_id(b, "ExecutionRole");
  const std::string log_id = l.made_id(log_owner, "LogGroup");
  resources.execution_role_arn["Fn::GetAtt"][0].get_ref<std::string&>() = role_id;
  resources.log_group["Ref"].get_ref<std::string&>() = log_id;
  common::task_definition(l, properties, b, needs, resources);
  l.write_tags(w.key("Tags"), b);
  l.end_resource();
  const model::Value* family = b.get("family");
  const model::Value* execution_role = b.get("execution_role");
  auto retention = l.get_int(b, "log_retention");

  if (!execution_role && needs.execution_role) {
    l.begin_resource(b, role_id, resources::iam_role());
    w.member("AssumeRolePolicyDocument", common::assume_role_policy(common::kEcsTasksPrincipal));
    w.key("ManagedPolicyArns").begin_array();
    write_managed_policy(w, common::kExecutionRolePolicy);
    // An SSM parameter named without an ARN belongs to the stack's account and region.
    json policy = common::read_secrets_policy(needs, [](const std::string& name) {
      return json{{"Fn::Sub", "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:"
                              "parameter/" +
                                  Lowering::sub_literal(name)}};
    });
    for (const model::Value& arn : l.get_list(b, "execution_policies")) {
      l.write_value(w, arn);
    }
    w.end_array();
    json policies = json::array();
    if (!policy.is_null()) {
      policies.push_back({{"PolicyName", "read-secrets"}, {"PolicyDocument", std::move(policy)}});
    }
    json extra = common::policy_document(l, b, "execution_statements");
    if (!extra.is_null()) {
      policies.push_back({{"PolicyName", "statements"}, {"PolicyDocument", std::move(extra)}});
    }
    if (!policies.empty()) {
      w.member("Policies", std::move(policies));
    }
    l.write_tags(w.key("Tags"), b);
    l.end_resource();
  }
  if (needs.log_group && &log_owner == &b) {
    l.begin_resource(b, log_id, resources::logs_log_group());
    if (family && family->string()) {
      w.member("LogGroupName", common::log_group_name(*family->string()));
    } else if (family) {
      l.write_value(w.key("LogGroupName"), *family);
    }
    if (retention) {
      w.member("RetentionInDays", *retention);
    }
    l.write_tags(w.key("Tags"), b);
    // The group has a fixed name and its events expire: deleting it with the stack (the default,
    // stated as cfn-lint asks for stateful resources) lets the stack be created again.
    l.end_properties().member("DeletionPolicy", "Delete").member("UpdateReplacePolicy", "Delete");
    l.end_resource();
  }
}

void lower_log_group(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::logs_log_group());
  for (auto [attribute, property] :
       {std::pair{"name", "LogGroupName"}, std::pair{"kms_key", "KmsKeyId"}}) {
    if (const model::Value* v = l.get(b, attribute)) {
      l.write_value(w.key(property), *v);
    }
  }
  if (auto retention = l.get_int(b, "retention")) {
    w.member("RetentionInDays", *retention);
  }
  l.write_tags(w.key("Tags"), b);
  // Deleted with the stack, as the generated groups are (stated as cfn-lint asks for stateful
  // resources): its name is fixed, and a group left behind would refuse the stack's next creation.
  l.end_properties().member("DeletionPolicy", "Delete").member("UpdateReplacePolicy", "Delete");
  l.end_resource();
}

namespace {

// A Cloud Map resource: the API's request (its members spelt as the resource's properties) and
// the block's `Tags`.
void write_cloud_map(Lowering& l, const model::Block& b, const resources::Descriptor& d,
                     const json& request) {
  JsonWriter& w = l.begin_resource(b, l.id(b), d);
  w.members(request);
  l.write_tags(w.key("Tags"), b);
  l.end_resource();
}

} // namespace

void lower_namespace(Lowering& l, const model::Block& b) {
  const bool dns = b.parent && b.parent->kind_name == "vpc";
  write_cloud_map(l, b,
                  dns ? resources::servicediscovery_private_dns_namespace()
                      : resources::servicediscovery_http_namespace(),
                  common::cloud_map_namespace(l, b));
}

void lower_discovery(Lowering& l, const model::Block& b) {
  write_cloud_map(l, b, resources::servicediscovery_service(), common::discovery_service(l, b));
}

void lower_role(Lowering& l, const model::Block& b) {
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::iam_role());
  w.member("AssumeRolePolicyDocument", common::trust_policy(l, b));
  const model::List& managed = l.get_list(b, "managed_policies");
  if (!managed.empty()) {
    w.key("ManagedPolicyArns").begin_array();
    for (const model::Value& arn : managed) {
      l.write_value(w, arn);
    }
    w.end_array();
  }
  json document = common::policy_document(l, b, "statements");
  if (!document.is_null()) {
    w.member("Policies", json::array({{{"PolicyName", "statements"},
                                       {"PolicyDocument", std::move(document)}}}));
  }
  for (auto [attribute, property] : {std::pair{"path", "Path"}, std::pair{"name", "RoleName"},
                                     std::pair{"description", "Description"}}) {
    if (const model::Value* v = l.get(b, attribute)) {
      l.write_value(w.key(property), *v);
    }
  }
  l.write_tags(w.key("Tags"), b);
  l.end_resource();
}

void lower_service(Lowering& l, const model::Block& b) {
  const model::Block* cluster = b.ancestor("cluster");
  JsonWriter& w = l.begin_resource(b, l.id(b), resources::ecs_service());
  Properties properties(l, w);
  // The scaler owns the count: a stack update that names one would reset it (the service starts
  // at 1 task, and the scalable target raises it to `min`).
  common::service(l, properties, b, region(), !l.child(b, "scaling"));
  l.write_tags(w.key("Tags"), b);
  std::vector<std::string> depends_on;
  if (const std::string& associations = cluster ? l.associations_id(*cluster) : std::string();
      !associations.empty()) {
    // A service that names no launch type uses the cluster's default strategy, which exists only
    // once the associations do; deleting them first would strand the service.
    depends_on.push_back(associations);
  }
  // ECS refuses a target group that no listener or rule uses yet (the known ordering trap: the
  // target group exists before its listener does).
  for (const model::Block* forwarder : common::service_forwarders(l, l.program(), b)) {
    depends_on.push_back(l.id(*forwarder));
  }
  // A Service Connect client starts with the endpoints that exist (the guide's DependsOn).
  for (const model::Block* server : common::service_connect_servers(l, l.program(), b)) {
    depends_on.push_back(l.id(*server));
  }
  // Its tasks mount the file systems of their EFS volumes through their mount targets.
  if (const model::Block* task = l.get_ref(b, "task")) {
    for (const model::Block* fs : common::mounted_file_systems(l, *task)) {
      for (const model::Block* subnet : l.get_refs(*fs, "subnets")) {
        depends_on.push_back(mount_target_id(*fs, *subnet));
      }
    }
  }
  if (depends_on.size() == 1) {
    l.end_properties().member("DependsOn", depends_on.front());
  } else if (!depends_on.empty()) {
    l.end_properties().member("DependsOn", depends_on);
  }
  l.end_resource();

  // Its auto scaling: the target names the service by its name, so it waits for it explicitly.
  json target = common::scalable_target(l, b);
  if (target.is_null()) {
    return;
  }
  const std::string service_id = l.id(b);
  const std::string target_id = path_id(b) + "ScalableTarget";
  l.begin_resource(b, target_id, resources::application_autoscaling_scalable_target());
  w.members(target);
  const model::Block* scaling = l.child(b, "scaling");
  json actions = json::array();
  for (const model::Block* schedule : scaling->children_of("schedule")) {
    json action = common::scheduled_action(l, b, *schedule);
    for (const char* subject : {"ServiceNamespace", "ResourceId", "ScalableDimension"}) {
      action.erase(subject); // the scalable target's own
    }
    actions.push_back(std::move(action));
  }
  if (!actions.empty()) {
    w.member("ScheduledActions", actions);
  }
  l.end_properties().member("DependsOn", service_id);
  l.end_resource();
  for (const auto& [metric, policy] : common::scaling_policies(l, l.program(), b)) {
    l.begin_resource(b, path_id(b) + pascal(metric) + "ScalingPolicy",
                     resources::application_autoscaling_scaling_policy());
    w.members(policy);
    l.end_properties().member("DependsOn", target_id);
    l.end_resource();
  }
}

void lower_job(Lowering& l, const model::Block& b) {
  if (!l.get(b, "schedule")) {
    return; // only `eclc run` starts it: nothing is made
  }
  // The role the scheduler takes to start the task, and what it may do.
  const std::string role = l.made_id(b, "SchedulerRole");
  JsonWriter& w = l.begin_resource(b, role, resources::iam_role());
  w.member("AssumeRolePolicyDocument", common::assume_role_policy(common::kSchedulerPrincipal));
  w.member("Policies", json::array({{{"PolicyName", "run-task"},
                                     {"PolicyDocument", common::scheduler_policy(l, b)}}}));
  l.write_tags(w.key("Tags"), b);
  l.end_resource();

  l.begin_resource(b, l.id(b), resources::scheduler_schedule());
  l.write_request(w, common::schedule(l, b, Lowering::getatt(role, "Arn")));
  l.end_resource();
}

} // namespace ecl::backend::cfn
