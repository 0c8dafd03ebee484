// The ECS kinds: cluster (+ capacity provider associations), ec2_capacity (launch template,
// instance role and profile, Auto Scaling group, capacity provider), task (+ its containers,
// execution role and log group) and service.
#include "backends/cloudformation/cloudformation.h"
#include "backends/cloudformation/lowering.h"
#include "backends/common/aws.h"

#include <algorithm>
#include <fmt/format.h>

namespace ecl::backend::cfn {

namespace {

using common::upper;

// `fargate` -> "FARGATE", `fargate_spot` -> "FARGATE_SPOT", an ec2_capacity -> its provider.
json provider(Lowering& l, const model::Value& v) {
  if (const model::Block* capacity = v.block()) {
    return l.ref(*capacity);
  }
  const std::string* member = v.enum_member();
  return member ? json(upper(*member)) : json(nullptr);
}

json managed_policy(std::string_view name) {
  return json{{"Fn::Sub", fmt::format("arn:${{AWS::Partition}}:iam::aws:policy/{}", name)}};
}

json assume_role_policy(std::string_view service) {
  return {{"Version", "2012-10-17"},
          {"Statement", json::array({{{"Effect", "Allow"},
                                      {"Principal", {{"Service", std::string(service)}}},
                                      {"Action", "sts:AssumeRole"}}})}};
}

json health_check(Lowering& l, const model::Block& h) {
  json out = json::object();
  out["Command"] = l.value(*l.get(h, "command"));
  if (auto v = l.get_int(h, "interval")) {
    out["Interval"] = *v;
  }
  if (auto v = l.get_int(h, "timeout")) {
    out["Timeout"] = *v;
  }
  if (auto v = l.get_int(h, "retries")) {
    out["Retries"] = *v;
  }
  if (auto v = l.get_int(h, "start_period")) {
    out["StartPeriod"] = *v;
  }
  return out;
}

json container_definition(Lowering& l, const model::Block& c, const std::string& task_id) {
  json d = json::object();
  d["Name"] = c.name;
  const model::Value* image = l.get(c, "image");
  if (image) {
    d["Image"] = l.value(*image);
  }
  if (auto v = l.get_int(c, "cpu")) {
    d["Cpu"] = *v;
  }
  if (auto v = l.get_int(c, "memory")) {
    d["Memory"] = *v;
  }
  if (auto v = l.get_int(c, "memory_reservation")) {
    d["MemoryReservation"] = *v;
  }
  d["Essential"] = l.get_bool(c, "essential", true);
  l.get(c, "port"); // merged into `ports` by the checker
  const model::List& ports = l.get_list(c, "ports");
  if (!ports.empty()) {
    json mappings = json::array();
    for (const model::Value& m : ports) {
      json pm = json::object();
      if (const model::Value* v = l.field(c, "ports", m, "container")) {
        pm["ContainerPort"] = l.value(*v);
      }
      if (const model::Value* v = l.field(c, "ports", m, "host")) {
        pm["HostPort"] = l.value(*v);
      }
      if (const model::Value* v = l.field(c, "ports", m, "protocol")) {
        pm["Protocol"] = l.value(*v);
      }
      if (const model::Value* v = l.field(c, "ports", m, "name")) {
        pm["Name"] = l.value(*v);
      }
      if (const model::Value* v = l.field(c, "ports", m, "app_protocol")) {
        pm["AppProtocol"] = l.value(*v);
      }
      mappings.push_back(std::move(pm));
    }
    d["PortMappings"] = std::move(mappings);
  }
  auto name_values = [&](std::string_view attribute, const char* value_key) {
    json out = json::array();
    if (const model::Value* v = l.get(c, attribute)) {
      if (auto* map = v->as<model::Map>()) {
        for (const auto& [k, item] : *map) {
          out.push_back({{"Name", k}, {value_key, l.value(item)}});
        }
      }
    }
    return out;
  };
  if (json env = name_values("environment", "Value"); !env.empty()) {
    d["Environment"] = std::move(env);
  }
  if (json secrets = name_values("secrets", "ValueFrom"); !secrets.empty()) {
    d["Secrets"] = std::move(secrets);
  }
  if (const model::Value* v = l.get(c, "command")) {
    d["Command"] = l.value(*v);
  }
  if (const model::Value* v = l.get(c, "entrypoint")) {
    d["EntryPoint"] = l.value(*v);
  }
  if (const model::Value* v = l.get(c, "working_dir")) {
    d["WorkingDirectory"] = l.value(*v);
  }
  if (const model::Value* v = l.get(c, "user")) {
    d["User"] = l.value(*v);
  }
  const model::List& depends = l.get_list(c, "depends_on");
  if (!depends.empty()) {
    json out = json::array();
    for (const model::Value& dep : depends) {
      const model::Value* other = l.field(c, "depends_on", dep, "container");
      const model::Value* cond = l.field(c, "depends_on", dep, "condition");
      json item = json::object();
      if (other && other->block()) {
        item["ContainerName"] = other->block()->name;
      }
      item["Condition"] = cond && cond->enum_member() ? upper(*cond->enum_member()) : "START";
      out.push_back(std::move(item));
    }
    d["DependsOn"] = std::move(out);
  }
  // Booleans that default to false appear only when set.
  if (l.get_bool(c, "readonly_root_filesystem")) {
    d["ReadonlyRootFilesystem"] = true;
  }
  if (l.get_bool(c, "privileged")) {
    d["Privileged"] = true;
  }
  if (l.get_bool(c, "init_process")) {
    d["LinuxParameters"] = {{"InitProcessEnabled", true}};
  }
  const model::List& ulimits = l.get_list(c, "ulimits");
  if (!ulimits.empty()) {
    json out = json::array();
    for (const model::Value& u : ulimits) {
      json item = json::object();
      if (const model::Value* v = l.field(c, "ulimits", u, "name")) {
        item["Name"] = l.value(*v);
      }
      if (const model::Value* v = l.field(c, "ulimits", u, "soft")) {
        item["SoftLimit"] = l.value(*v);
      }
      if (const model::Value* v = l.field(c, "ulimits", u, "hard")) {
        item["HardLimit"] = l.value(*v);
      }
      out.push_back(std::move(item));
    }
    d["Ulimits"] = std::move(out);
  }
  const model::List& mounts = l.get_list(c, "mount_points");
  if (!mounts.empty()) {
    json out = json::array();
    for (const model::Value& m : mounts) {
      json item = json::object();
      if (const model::Value* v = l.field(c, "mount_points", m, "volume")) {
        item["SourceVolume"] = l.value(*v);
      }
      if (const model::Value* v = l.field(c, "mount_points", m, "path")) {
        item["ContainerPath"] = l.value(*v);
      }
      const model::Value* ro = l.field(c, "mount_points", m, "read_only");
      item["ReadOnly"] = ro && ro->boolean() ? *ro->boolean() : false;
      out.push_back(std::move(item));
    }
    d["MountPoints"] = std::move(out);
  }
  if (auto v = l.get_int(c, "stop_timeout")) {
    d["StopTimeout"] = *v;
  }
  if (auto v = l.get_int(c, "start_timeout")) {
    d["StartTimeout"] = *v;
  }
  if (const model::Value* v = l.get(c, "docker_labels");
      v && v->as<model::Map>() && !v->as<model::Map>()->empty()) {
    d["DockerLabels"] = l.value(*v);
  }
  if (l.get_bool(c, "interactive")) {
    d["Interactive"] = true;
  }
  if (l.get_bool(c, "pseudo_terminal")) {
    d["PseudoTerminal"] = true;
  }
  if (const model::Block* h = l.child(c, "health_check")) {
    d["HealthCheck"] = health_check(l, *h);
  }
  if (const model::Block* log = l.child(c, "log")) {
    const std::string* driver = l.get_enum(*log, "driver");
    std::string name = driver ? *driver : "awslogs";
    const model::Value* options = l.get(*log, "options");
    const std::string* group = l.get_string(*log, "group");
    const model::Value* prefix = l.get(*log, "stream_prefix");
    // `none` turns logging off: ECS has no such driver, so the container gets no configuration.
    if (name != "none") {
      json opts = json::object();
      if (name == "awslogs") {
        if (group) {
          opts["awslogs-group"] = *group;
        } else {
          opts["awslogs-group"] = json{{"Ref", task_id + "LogGroup"}};
        }
        opts["awslogs-region"] = json{{"Ref", "AWS::Region"}};
        if (prefix) {
          opts["awslogs-stream-prefix"] = l.value(*prefix);
        }
      }
      if (options && options->as<model::Map>()) {
        for (const auto& [k, v] : *options->as<model::Map>()) {
          opts[k] = l.value(v);
        }
      }
      json config = {{"LogDriver", common::log_driver(name)}};
      if (!opts.empty()) {
        config["Options"] = std::move(opts);
      }
      d["LogConfiguration"] = std::move(config);
    }
  }
  return d;
}

} // namespace

void lower_cluster(Lowering& l, const model::Block& b) {
  json& r = l.add_resource(b, logical_id(b), "AWS::ECS::Cluster");
  json& p = r["Properties"];
  if (const model::Value* name = l.get(b, "name")) {
    p["ClusterName"] = l.value(*name);
  }
  p["ClusterSettings"] =
      json::array({{{"Name", "containerInsights"},
                    {"Value", l.get_bool(b, "container_insights") ? "enabled" : "disabled"}}});
  p["Tags"] = l.tags(b);

  const model::List& capacity = l.get_list(b, "capacity");
  if (capacity.empty()) {
    return;
  }
  json& a =
      l.add_resource(b, l.associations_id(b), "AWS::ECS::ClusterCapacityProviderAssociations");
  json& ap = a["Properties"];
  ap["Cluster"] = json{{"Ref", logical_id(b)}};
  json providers = json::array();
  for (const model::Value& v : capacity) {
    providers.push_back(provider(l, v));
  }
  ap["CapacityProviders"] = providers;
  // The first provider is the default for services that choose none.
  ap["DefaultCapacityProviderStrategy"] =
      json::array({{{"CapacityProvider", providers.front()}, {"Weight", 1}, {"Base", 0}}});
}

void lower_ec2_capacity(Lowering& l, const model::Block& b) {
  const std::string base = path_id(b);
  const model::Block* cluster = b.ancestor("cluster");

  // The capacity provider (the block's main resource) and what it manages.
  json& cp = l.add_resource(b, logical_id(b), "AWS::ECS::CapacityProvider");
  {
    json& p = cp["Properties"];
    if (const model::Value* name = l.get(b, "name")) {
      p["Name"] = l.value(*name);
    }
    json managed = json::object();
    bool scaling = l.get_bool(b, "managed_scaling", true);
    managed["Status"] = scaling ? "ENABLED" : "DISABLED";
    if (auto target = l.get_int(b, "target_capacity"); target && scaling) {
      managed["TargetCapacity"] = *target;
    }
    p["AutoScalingGroupProvider"] = {{"AutoScalingGroupArn", {{"Ref", base + "AutoScalingGroup"}}},
                                     {"ManagedScaling", std::move(managed)},
                                     {"ManagedTerminationProtection", "DISABLED"}};
    p["Tags"] = l.tags(b);
  }

  // The AMI: an ID as written, or a public SSM parameter through a template parameter.
  json image_id;
  if (const std::string* ami = l.get_string(b, "ami")) {
    if (ami->rfind('/', 0) == 0) {
      json& param = l.add_parameter(b, base + "ImageId");
      param["Type"] = "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>";
      param["Default"] = *ami;
      param["Description"] = fmt::format("The AMI of ec2_capacity `{}` (an SSM parameter)", b.path);
      image_id = json{{"Ref", base + "ImageId"}};
    } else {
      image_id = *ami;
    }
  }

  json& role = l.add_resource(b, base + "InstanceRole", "AWS::IAM::Role");
  role["Properties"]["AssumeRolePolicyDocument"] = assume_role_policy(common::kEc2Principal);
  role["Properties"]["ManagedPolicyArns"] =
      json::array({managed_policy(common::kInstanceRolePolicy)});
  role["Properties"]["Tags"] = l.tags(b);

  json& profile = l.add_resource(b, base + "InstanceProfile", "AWS::IAM::InstanceProfile");
  profile["Properties"]["Roles"] = json::array({{{"Ref", base + "InstanceRole"}}});

  json& lt = l.add_resource(b, base + "LaunchTemplate", "AWS::EC2::LaunchTemplate");
  {
    json data = json::object();
    data["ImageId"] = image_id;
    if (const model::Value* type = l.get(b, "instance_type")) {
      data["InstanceType"] = l.value(*type);
    }
    data["IamInstanceProfile"] = {
        {"Arn", {{"Fn::GetAtt", json::array({base + "InstanceProfile", "Arn"})}}}};
    auto groups = l.get_refs(b, "security_groups");
    if (!groups.empty()) {
      json ids = json::array();
      for (const model::Block* g : groups) {
        ids.push_back(l.ref(*g));
      }
      data["SecurityGroupIds"] = std::move(ids);
    }
    if (const model::Value* key = l.get(b, "key_name")) {
      data["KeyName"] = l.value(*key);
    }
    json ebs = {{"VolumeType", "gp3"}, {"Encrypted", true}};
    if (auto size = l.get_int(b, "volume_size")) {
      ebs["VolumeSize"] = *size;
    }
    // The ECS-optimized Amazon Linux 2023 AMI's root device.
    data["BlockDeviceMappings"] =
        json::array({{{"DeviceName", common::kRootDevice}, {"Ebs", std::move(ebs)}}});
    data["MetadataOptions"] = {{"HttpTokens", "required"}};
    // The ECS container agent reads the cluster to join from /etc/ecs/ecs.config.
    std::string cluster_ref = cluster ? fmt::format("${{{}}}", logical_id(*cluster)) : "default";
    data["UserData"] = {
        {"Fn::Base64",
         {{"Fn::Sub", fmt::format("#!/bin/bash\necho ECS_CLUSTER={} >> /etc/ecs/ecs.config\n",
                                  cluster_ref)}}}};
    data["TagSpecifications"] = json::array({{{"ResourceType", "instance"}, {"Tags", l.tags(b)}},
                                             {{"ResourceType", "volume"}, {"Tags", l.tags(b)}}});
    lt["Properties"]["LaunchTemplateData"] = std::move(data);
    lt["Properties"]["TagSpecifications"] =
        json::array({{{"ResourceType", "launch-template"}, {"Tags", l.tags(b)}}});
  }

  json& asg = l.add_resource(b, base + "AutoScalingGroup", "AWS::AutoScaling::AutoScalingGroup");
  {
    // The instances register with the cluster as they boot: the cluster must exist first.
    if (cluster) {
      asg["DependsOn"] = logical_id(*cluster);
    }
    json& p = asg["Properties"];
    auto min = l.get_int(b, "min");
    auto max = l.get_int(b, "max");
    auto desired = l.get_int(b, "desired");
    p["MinSize"] = std::to_string(min.value_or(0));
    p["MaxSize"] = std::to_string(max.value_or(0));
    if (desired) {
      p["DesiredCapacity"] = std::to_string(*desired);
    }
    p["LaunchTemplate"] = {
        {"LaunchTemplateId", {{"Ref", base + "LaunchTemplate"}}},
        {"Version",
         {{"Fn::GetAtt", json::array({base + "LaunchTemplate", "LatestVersionNumber"})}}}};
    json subnets = json::array();
    for (const model::Block* s : l.get_refs(b, "subnets")) {
      subnets.push_back(l.ref(*s));
    }
    p["VPCZoneIdentifier"] = std::move(subnets);
    p["Tags"] = l.tags(b, /*propagate_at_launch=*/true);
  }
}

void lower_task(Lowering& l, const model::Block& b) {
  const std::string id = logical_id(b);
  const std::string base = path_id(b);
  const common::TaskNeeds needs = common::task_needs(b);
  json containers = json::array();
  for (const model::Block* c : b.children_of("container")) {
    containers.push_back(container_definition(l, *c, base));
  }

  json& r = l.add_resource(b, id, "AWS::ECS::TaskDefinition");
  json& p = r["Properties"];
  const model::Value* family = l.get(b, "family");
  if (family) {
    p["Family"] = l.value(*family);
  }
  // CloudFormation takes the task's CPU units and MiB as strings.
  if (auto cpu = l.get_int(b, "cpu")) {
    p["Cpu"] = std::to_string(*cpu);
  }
  if (auto memory = l.get_int(b, "memory")) {
    p["Memory"] = std::to_string(*memory);
  }
  if (const std::string* mode = l.get_enum(b, "network_mode")) {
    p["NetworkMode"] = *mode;
  }
  json compat = json::array();
  for (const model::Value& v : l.get_list(b, "compatibilities")) {
    if (const std::string* m = v.enum_member()) {
      compat.push_back(upper(*m));
    }
  }
  p["RequiresCompatibilities"] = std::move(compat);
  const model::Value* execution_role = l.get(b, "execution_role");
  if (execution_role) {
    p["ExecutionRoleArn"] = l.value(*execution_role);
  } else if (needs.execution_role) {
    p["ExecutionRoleArn"] = json{{"Fn::GetAtt", json::array({base + "ExecutionRole", "Arn"})}};
  }
  if (const model::Value* role = l.get(b, "task_role")) {
    p["TaskRoleArn"] = l.value(*role);
  }
  if (const std::string* arch = l.get_enum(b, "cpu_architecture")) {
    p["RuntimePlatform"] = {{"CpuArchitecture", upper(*arch)}, {"OperatingSystemFamily", "LINUX"}};
  }
  if (const std::string* pid = l.get_enum(b, "pid_mode")) {
    p["PidMode"] = *pid;
  }
  if (const std::string* ipc = l.get_enum(b, "ipc_mode")) {
    p["IpcMode"] = *ipc;
  }
  if (auto storage = l.get_int(b, "ephemeral_storage")) {
    p["EphemeralStorage"] = {{"SizeInGiB", (*storage + 1023) / 1024}}; // whole GiB, rounded up
  }
  const model::List& volumes = l.get_list(b, "volumes");
  if (!volumes.empty()) {
    json out = json::array();
    for (const model::Value& v : volumes) {
      json item = json::object();
      if (const model::Value* name = l.field(b, "volumes", v, "name")) {
        item["Name"] = l.value(*name);
      }
      if (const model::Value* host = l.field(b, "volumes", v, "host_path")) {
        item["Host"] = {{"SourcePath", l.value(*host)}};
      }
      out.push_back(std::move(item));
    }
    p["Volumes"] = std::move(out);
  }
  p["ContainerDefinitions"] = std::move(containers);
  p["Tags"] = l.tags(b);
  auto retention = l.get_int(b, "log_retention");

  if (!execution_role && needs.execution_role) {
    json& role = l.add_resource(b, base + "ExecutionRole", "AWS::IAM::Role");
    json& rp = role["Properties"];
    rp["AssumeRolePolicyDocument"] = assume_role_policy(common::kEcsTasksPrincipal);
    rp["ManagedPolicyArns"] = json::array({managed_policy(common::kExecutionRolePolicy)});
    json statements = json::array();
    if (!needs.secret_arns.empty()) {
      statements.push_back({{"Effect", "Allow"},
                            {"Action", "secretsmanager:GetSecretValue"},
                            {"Resource", needs.secret_arns}});
    }
    if (!needs.parameters.empty()) {
      // An SSM parameter named without an ARN belongs to the stack's account and region.
      json resources = json::array();
      for (const common::SecretSource& source : needs.parameters) {
        resources.push_back(source.arn
                                ? json(source.text)
                                : json{{"Fn::Sub", "arn:${AWS::Partition}:ssm:${AWS::Region}:"
                                                   "${AWS::AccountId}:parameter/" +
                                                       Lowering::sub_literal(source.text)}});
      }
      statements.push_back(
          {{"Effect", "Allow"}, {"Action", "ssm:GetParameters"}, {"Resource", resources}});
    }
    if (!statements.empty()) {
      rp["Policies"] = json::array(
          {{{"PolicyName", "read-secrets"},
            {"PolicyDocument", {{"Version", "2012-10-17"}, {"Statement", statements}}}}});
    }
    rp["Tags"] = l.tags(b);
  }
  if (needs.log_group) {
    json& group = l.add_resource(b, base + "LogGroup", "AWS::Logs::LogGroup");
    // The group has a fixed name and its events expire: deleting it with the stack (the default,
    // stated as cfn-lint asks for stateful resources) lets the stack be created again.
    group["DeletionPolicy"] = "Delete";
    group["UpdateReplacePolicy"] = "Delete";
    json& gp = group["Properties"];
    if (family && family->string()) {
      gp["LogGroupName"] = common::log_group_name(*family->string());
    } else if (family) {
      gp["LogGroupName"] = l.value(*family);
    }
    if (retention) {
      gp["RetentionInDays"] = *retention;
    }
    gp["Tags"] = l.tags(b);
  }
}

void lower_service(Lowering& l, const model::Block& b) {
  const model::Block* cluster = b.ancestor("cluster");
  const model::Block* task = l.get_ref(b, "task");
  json& r = l.add_resource(b, logical_id(b), "AWS::ECS::Service");
  std::string associations = cluster ? l.associations_id(*cluster) : "";
  if (!associations.empty()) {
    // A service that names no launch type uses the cluster's default strategy, which exists only
    // once the associations do; deleting them first would strand the service.
    r["DependsOn"] = associations;
  }
  json& p = r["Properties"];
  if (const model::Value* name = l.get(b, "name")) {
    p["ServiceName"] = l.value(*name);
  }
  if (cluster) {
    p["Cluster"] = json{{"Ref", logical_id(*cluster)}};
  }
  if (task) {
    p["TaskDefinition"] = l.ref(*task);
  }
  const std::string* scheduling = l.get_enum(b, "scheduling");
  bool daemon = scheduling && *scheduling == "daemon";
  p["SchedulingStrategy"] = daemon ? "DAEMON" : "REPLICA";
  if (auto desired = l.get_int(b, "desired"); desired && !daemon) {
    p["DesiredCount"] = *desired; // a daemon service runs one task per instance
  }
  if (const std::string* launch = l.get_enum(b, "launch_type")) {
    p["LaunchType"] = upper(*launch);
  }
  const model::List& strategy = l.get_list(b, "capacity");
  if (!strategy.empty()) {
    json items = json::array();
    for (const model::Value& item : strategy) {
      json out = json::object();
      if (const model::Value* v = l.field(b, "capacity", item, "provider")) {
        out["CapacityProvider"] = provider(l, *v);
      }
      if (const model::Value* v = l.field(b, "capacity", item, "weight")) {
        out["Weight"] = l.value(*v);
      }
      if (const model::Value* v = l.field(b, "capacity", item, "base")) {
        out["Base"] = l.value(*v);
      }
      items.push_back(std::move(out));
    }
    p["CapacityProviderStrategy"] = std::move(items);
  }
  if (const model::Value* v = l.get(b, "platform_version")) {
    p["PlatformVersion"] = l.value(*v);
  }
  auto subnets = l.get_refs(b, "subnets");
  auto groups = l.get_refs(b, "security_groups");
  bool public_ip = l.get_bool(b, "public_ip");
  const std::string* mode = task ? task->get_enum("network_mode") : nullptr;
  if (mode && *mode == "awsvpc") {
    json awsvpc = json::object();
    json ids = json::array();
    for (const model::Block* s : subnets) {
      ids.push_back(l.ref(*s));
    }
    awsvpc["Subnets"] = std::move(ids);
    if (!groups.empty()) {
      json sgs = json::array();
      for (const model::Block* g : groups) {
        sgs.push_back(l.ref(*g));
      }
      awsvpc["SecurityGroups"] = std::move(sgs);
    }
    awsvpc["AssignPublicIp"] = public_ip ? "ENABLED" : "DISABLED";
    p["NetworkConfiguration"] = {{"AwsvpcConfiguration", std::move(awsvpc)}};
  }
  if (l.get_bool(b, "enable_execute_command")) {
    p["EnableExecuteCommand"] = true;
  }
  if (const std::string* propagate = l.get_enum(b, "propagate_tags")) {
    p["PropagateTags"] = upper(*propagate);
  }
  if (const model::Block* d = l.child(b, "deployment")) {
    json config = json::object();
    if (auto v = l.get_int(*d, "min_healthy_percent")) {
      config["MinimumHealthyPercent"] = *v;
    }
    if (auto v = l.get_int(*d, "max_percent"); v && !daemon) {
      config["MaximumPercent"] = *v;
    }
    config["DeploymentCircuitBreaker"] = {{"Enable", l.get_bool(*d, "circuit_breaker", true)},
                                          {"Rollback", l.get_bool(*d, "rollback", true)}};
    p["DeploymentConfiguration"] = std::move(config);
  }
  if (const model::Block* placement = l.child(b, "placement")) {
    json strategies = json::array();
    for (const model::Value& s : l.get_list(*placement, "strategy")) {
      json item = json::object();
      if (const model::Value* v = l.field(*placement, "strategy", s, "type")) {
        item["Type"] = l.value(*v);
      }
      if (const model::Value* v = l.field(*placement, "strategy", s, "field")) {
        item["Field"] = l.value(*v);
      }
      strategies.push_back(std::move(item));
    }
    if (!strategies.empty()) {
      p["PlacementStrategies"] = std::move(strategies);
    }
    json constraints = json::array();
    for (const model::Value& c : l.get_list(*placement, "constraint")) {
      json item = json::object();
      if (const model::Value* v = l.field(*placement, "constraint", c, "type")) {
        const std::string* t = v->enum_member();
        item["Type"] = common::placement_constraint_type(t ? *t : "");
      }
      if (const model::Value* v = l.field(*placement, "constraint", c, "expression")) {
        item["Expression"] = l.value(*v);
      }
      constraints.push_back(std::move(item));
    }
    if (!constraints.empty()) {
      p["PlacementConstraints"] = std::move(constraints);
    }
  }
  p["Tags"] = l.tags(b);
}

} // namespace ecl::backend::cfn
