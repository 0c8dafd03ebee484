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

using common::JsonWriter;
using common::upper;

// `fargate` -> "FARGATE", `fargate_spot` -> "FARGATE_SPOT", an ec2_capacity -> its provider.
json provider(Lowering& l, const model::Value& v) {
  if (const model::Block* capacity = v.block()) {
    return l.ref(*capacity);
  }
  const std::string* member = v.enum_member();
  return member ? json(upper(*member)) : json(nullptr);
}

void write_managed_policy(JsonWriter& w, std::string_view name) {
  w.begin_object();
  w.member("Fn::Sub", fmt::format("arn:${{AWS::Partition}}:iam::aws:policy/{}", name));
  w.end_object();
}

void write_assume_role_policy(JsonWriter& w, std::string_view service) {
  w.begin_object().member("Version", "2012-10-17");
  w.key("Statement").begin_array().begin_object();
  w.member("Effect", "Allow");
  w.key("Principal").begin_object().member("Service", service).end_object();
  w.member("Action", "sts:AssumeRole");
  w.end_object().end_array().end_object();
}

void write_health_check(Lowering& l, const model::Block& h, JsonWriter& w) {
  w.begin_object();
  l.write_value(w.key("Command"), *l.get(h, "command"));
  if (auto v = l.get_int(h, "interval")) {
    w.member("Interval", *v);
  }
  if (auto v = l.get_int(h, "timeout")) {
    w.member("Timeout", *v);
  }
  if (auto v = l.get_int(h, "retries")) {
    w.member("Retries", *v);
  }
  if (auto v = l.get_int(h, "start_period")) {
    w.member("StartPeriod", *v);
  }
  w.end_object();
}

// A container's LogConfiguration, unless its driver is `none`.
void write_log_configuration(Lowering& l, const model::Block& log, const std::string& task_id,
                             JsonWriter& w) {
  const std::string* driver = l.get_enum(log, "driver");
  std::string name = driver ? *driver : "awslogs";
  const model::Value* options = l.get(log, "options");
  const std::string* group = l.get_string(log, "group");
  const model::Value* prefix = l.get(log, "stream_prefix");
  // `none` turns logging off: ECS has no such driver, so the container gets no configuration.
  if (name == "none") {
    return;
  }
  const model::Map* extra = options ? options->as<model::Map>() : nullptr;
  const bool awslogs = name == "awslogs";
  w.key("LogConfiguration").begin_object();
  w.member("LogDriver", common::log_driver(name));
  if (awslogs || (extra && !extra->empty())) {
    // The awslogs settings, then the block's `options`. An option named like a setting replaces
    // the setting where it stands, as assigning an existing key of a JSON object does.
    auto option = [&](std::string_view key) -> const model::Value* {
      if (extra) {
        for (const model::MapEntry& e : *extra) {
          if (e.first == key) {
            return &e.second;
          }
        }
      }
      return nullptr;
    };
    auto is_setting = [&](std::string_view key) {
      return awslogs && (key == "awslogs-group" || key == "awslogs-region" ||
                         (prefix && key == "awslogs-stream-prefix"));
    };
    w.key("Options").begin_object();
    if (awslogs) {
      if (const model::Value* v = option("awslogs-group")) {
        l.write_value(w.key("awslogs-group"), *v);
      } else if (group) {
        w.member("awslogs-group", *group);
      } else {
        Lowering::write_ref_to(w.key("awslogs-group"), task_id + "LogGroup");
      }
      if (const model::Value* v = option("awslogs-region")) {
        l.write_value(w.key("awslogs-region"), *v);
      } else {
        Lowering::write_ref_to(w.key("awslogs-region"), "AWS::Region");
      }
      if (prefix) {
        const model::Value* v = option("awslogs-stream-prefix");
        l.write_value(w.key("awslogs-stream-prefix"), v ? *v : *prefix);
      }
    }
    if (extra) {
      for (const model::MapEntry& e : *extra) {
        if (!is_setting(e.first)) {
          l.write_value(w.key(e.first), e.second);
        }
      }
    }
    w.end_object();
  }
  w.end_object();
}

void write_container_definition(Lowering& l, const model::Block& c, const std::string& task_id,
                                JsonWriter& w) {
  w.begin_object();
  w.member("Name", c.name);
  if (const model::Value* image = l.get(c, "image")) {
    l.write_value(w.key("Image"), *image);
  }
  if (auto v = l.get_int(c, "cpu")) {
    w.member("Cpu", *v);
  }
  if (auto v = l.get_int(c, "memory")) {
    w.member("Memory", *v);
  }
  if (auto v = l.get_int(c, "memory_reservation")) {
    w.member("MemoryReservation", *v);
  }
  w.member("Essential", l.get_bool(c, "essential", true));
  l.get(c, "port"); // merged into `ports` by the checker
  // An object field, written when it is set.
  auto field = [&](std::string_view attribute, const model::Value& object, std::string_view name,
                   std::string_view key) {
    if (const model::Value* v = l.field(c, attribute, object, name)) {
      l.write_value(w.key(key), *v);
    }
  };
  const model::List& ports = l.get_list(c, "ports");
  if (!ports.empty()) {
    w.key("PortMappings").begin_array();
    for (const model::Value& m : ports) {
      w.begin_object();
      field("ports", m, "container", "ContainerPort");
      field("ports", m, "host", "HostPort");
      field("ports", m, "protocol", "Protocol");
      field("ports", m, "name", "Name");
      field("ports", m, "app_protocol", "AppProtocol");
      w.end_object();
    }
    w.end_array();
  }
  auto name_values = [&](std::string_view attribute, std::string_view key,
                         std::string_view value_key) {
    const model::Value* v = l.get(c, attribute);
    const model::Map* map = v ? v->as<model::Map>() : nullptr;
    if (!map || map->empty()) {
      return;
    }
    w.key(key).begin_array();
    for (const model::MapEntry& e : *map) {
      w.begin_object().member("Name", e.first);
      l.write_value(w.key(value_key), e.second);
      w.end_object();
    }
    w.end_array();
  };
  name_values("environment", "Environment", "Value");
  name_values("secrets", "Secrets", "ValueFrom");
  if (const model::Value* v = l.get(c, "command")) {
    l.write_value(w.key("Command"), *v);
  }
  if (const model::Value* v = l.get(c, "entrypoint")) {
    l.write_value(w.key("EntryPoint"), *v);
  }
  if (const model::Value* v = l.get(c, "working_dir")) {
    l.write_value(w.key("WorkingDirectory"), *v);
  }
  if (const model::Value* v = l.get(c, "user")) {
    l.write_value(w.key("User"), *v);
  }
  const model::List& depends = l.get_list(c, "depends_on");
  if (!depends.empty()) {
    w.key("DependsOn").begin_array();
    for (const model::Value& dep : depends) {
      const model::Value* other = l.field(c, "depends_on", dep, "container");
      const model::Value* cond = l.field(c, "depends_on", dep, "condition");
      w.begin_object();
      if (other && other->block()) {
        w.member("ContainerName", other->block()->name);
      }
      w.member("Condition",
               cond && cond->enum_member() ? upper(*cond->enum_member()) : std::string("START"));
      w.end_object();
    }
    w.end_array();
  }
  // Booleans that default to false appear only when set.
  if (l.get_bool(c, "readonly_root_filesystem")) {
    w.member("ReadonlyRootFilesystem", true);
  }
  if (l.get_bool(c, "privileged")) {
    w.member("Privileged", true);
  }
  if (l.get_bool(c, "init_process")) {
    w.key("LinuxParameters").begin_object().member("InitProcessEnabled", true).end_object();
  }
  const model::List& ulimits = l.get_list(c, "ulimits");
  if (!ulimits.empty()) {
    w.key("Ulimits").begin_array();
    for (const model::Value& u : ulimits) {
      w.begin_object();
      field("ulimits", u, "name", "Name");
      field("ulimits", u, "soft", "SoftLimit");
      field("ulimits", u, "hard", "HardLimit");
      w.end_object();
    }
    w.end_array();
  }
  const model::List& mounts = l.get_list(c, "mount_points");
  if (!mounts.empty()) {
    w.key("MountPoints").begin_array();
    for (const model::Value& m : mounts) {
      w.begin_object();
      field("mount_points", m, "volume", "SourceVolume");
      field("mount_points", m, "path", "ContainerPath");
      const model::Value* ro = l.field(c, "mount_points", m, "read_only");
      w.member("ReadOnly", ro && ro->boolean() ? *ro->boolean() : false);
      w.end_object();
    }
    w.end_array();
  }
  if (auto v = l.get_int(c, "stop_timeout")) {
    w.member("StopTimeout", *v);
  }
  if (auto v = l.get_int(c, "start_timeout")) {
    w.member("StartTimeout", *v);
  }
  if (const model::Value* v = l.get(c, "docker_labels");
      v && v->as<model::Map>() && !v->as<model::Map>()->empty()) {
    l.write_value(w.key("DockerLabels"), *v);
  }
  if (l.get_bool(c, "interactive")) {
    w.member("Interactive", true);
  }
  if (l.get_bool(c, "pseudo_terminal")) {
    w.member("PseudoTerminal", true);
  }
  if (const model::Block* h = c.first_child("health_check")) {
    write_health_check(l, *h, w.key("HealthCheck"));
  }
  if (const model::Block* log = c.first_child("log")) {
    write_log_configuration(l, *log, task_id, w);
  }
  w.end_object();
}

} // namespace

void lower_cluster(Lowering& l, const model::Block& b) {
  const std::string id = l.id(b);
  JsonWriter& w = l.begin_resource(b, id, "AWS::ECS::Cluster");
  if (const model::Value* name = l.get(b, "name")) {
    l.write_value(w.key("ClusterName"), *name);
  }
  w.key("ClusterSettings").begin_array().begin_object();
  w.member("Name", "containerInsights");
  w.member("Value", l.get_bool(b, "container_insights") ? "enabled" : "disabled");
  w.end_object().end_array();
  l.write_tags(w.key("Tags"), b);
  l.end_resource();

  const model::List& capacity = l.get_list(b, "capacity");
  if (capacity.empty()) {
    return;
  }
  l.begin_resource(b, l.associations_id(b), "AWS::ECS::ClusterCapacityProviderAssociations");
  Lowering::write_ref_to(w.key("Cluster"), id);
  json providers = json::array();
  for (const model::Value& v : capacity) {
    providers.push_back(provider(l, v));
  }
  w.member("CapacityProviders", providers);
  // The first provider is the default for services that choose none.
  w.key("DefaultCapacityProviderStrategy").begin_array().begin_object();
  w.member("CapacityProvider", providers.front()).member("Weight", 1).member("Base", 0);
  w.end_object().end_array();
  l.end_resource();
}

void lower_ec2_capacity(Lowering& l, const model::Block& b) {
  const std::string base = path_id(b);
  const model::Block* cluster = b.ancestor("cluster");

  // The capacity provider (the block's main resource) and what it manages.
  JsonWriter& w = l.begin_resource(b, l.id(b), "AWS::ECS::CapacityProvider");
  {
    if (const model::Value* name = l.get(b, "name")) {
      l.write_value(w.key("Name"), *name);
    }
    json managed = json::object();
    bool scaling = l.get_bool(b, "managed_scaling", true);
    managed["Status"] = scaling ? "ENABLED" : "DISABLED";
    if (auto target = l.get_int(b, "target_capacity"); target && scaling) {
      managed["TargetCapacity"] = *target;
    }
    w.member("AutoScalingGroupProvider",
             json{{"AutoScalingGroupArn", {{"Ref", base + "AutoScalingGroup"}}},
                  {"ManagedScaling", std::move(managed)},
                  {"ManagedTerminationProtection", "DISABLED"}});
    l.write_tags(w.key("Tags"), b);
  }
  l.end_resource();

  // The AMI: an ID as written, or a public SSM parameter through a template parameter (already
  // in the template's head: see Lowering::run).
  json image_id;
  if (const std::string* ami = l.get_string(b, "ami")) {
    if (ami->rfind('/', 0) == 0) {
      l.claim_parameter(b, base + "ImageId");
      image_id = json{{"Ref", base + "ImageId"}};
    } else {
      image_id = *ami;
    }
  }

  l.begin_resource(b, base + "InstanceRole", "AWS::IAM::Role");
  write_assume_role_policy(w.key("AssumeRolePolicyDocument"), common::kEc2Principal);
  w.key("ManagedPolicyArns").begin_array();
  write_managed_policy(w, common::kInstanceRolePolicy);
  w.end_array();
  l.write_tags(w.key("Tags"), b);
  l.end_resource();

  l.begin_resource(b, base + "InstanceProfile", "AWS::IAM::InstanceProfile");
  w.key("Roles").begin_array();
  Lowering::write_ref_to(w, base + "InstanceRole");
  w.end_array();
  l.end_resource();

  l.begin_resource(b, base + "LaunchTemplate", "AWS::EC2::LaunchTemplate");
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
    std::string cluster_ref = cluster ? fmt::format("${{{}}}", l.id(*cluster)) : "default";
    data["UserData"] = {
        {"Fn::Base64",
         {{"Fn::Sub", fmt::format("#!/bin/bash\necho ECS_CLUSTER={} >> /etc/ecs/ecs.config\n",
                                  cluster_ref)}}}};
    data["TagSpecifications"] = json::array({{{"ResourceType", "instance"}, {"Tags", l.tags(b)}},
                                             {{"ResourceType", "volume"}, {"Tags", l.tags(b)}}});
    w.member("LaunchTemplateData", data);
    w.key("TagSpecifications").begin_array().begin_object();
    w.member("ResourceType", "launch-template");
    l.write_tags(w.key("Tags"), b);
    w.end_object().end_array();
  }
  l.end_resource();

  l.begin_resource(b, base + "AutoScalingGroup", "AWS::AutoScaling::AutoScalingGroup");
  {
    auto min = l.get_int(b, "min");
    auto max = l.get_int(b, "max");
    auto desired = l.get_int(b, "desired");
    w.member("MinSize", std::to_string(min.value_or(0)));
    w.member("MaxSize", std::to_string(max.value_or(0)));
    if (desired) {
      w.member("DesiredCapacity", std::to_string(*desired));
    }
    w.key("LaunchTemplate").begin_object();
    Lowering::write_ref_to(w.key("LaunchTemplateId"), base + "LaunchTemplate");
    Lowering::write_getatt(w.key("Version"), base + "LaunchTemplate", "LatestVersionNumber");
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

  JsonWriter& w = l.begin_resource(b, l.id(b), "AWS::ECS::TaskDefinition");
  const model::Value* family = l.get(b, "family");
  if (family) {
    l.write_value(w.key("Family"), *family);
  }
  // CloudFormation takes the task's CPU units and MiB as strings.
  if (auto cpu = l.get_int(b, "cpu")) {
    w.member("Cpu", std::to_string(*cpu));
  }
  if (auto memory = l.get_int(b, "memory")) {
    w.member("Memory", std::to_string(*memory));
  }
  if (const std::string* mode = l.get_enum(b, "network_mode")) {
    w.member("NetworkMode", *mode);
  }
  w.key("RequiresCompatibilities").begin_array();
  for (const model::Value& v : l.get_list(b, "compatibilities")) {
    if (const std::string* m = v.enum_member()) {
      w.value(upper(*m));
    }
  }
  w.end_array();
  const model::Value* execution_role = l.get(b, "execution_role");
  if (execution_role) {
    l.write_value(w.key("ExecutionRoleArn"), *execution_role);
  } else if (needs.execution_role) {
    Lowering::write_getatt(w.key("ExecutionRoleArn"), base + "ExecutionRole", "Arn");
  }
  if (const model::Value* role = l.get(b, "task_role")) {
    l.write_value(w.key("TaskRoleArn"), *role);
  }
  if (const std::string* arch = l.get_enum(b, "cpu_architecture")) {
    w.key("RuntimePlatform").begin_object();
    w.key("CpuArchitecture").value(upper(*arch));
    w.member("OperatingSystemFamily", "LINUX");
    w.end_object();
  }
  if (const std::string* pid = l.get_enum(b, "pid_mode")) {
    w.member("PidMode", *pid);
  }
  if (const std::string* ipc = l.get_enum(b, "ipc_mode")) {
    w.member("IpcMode", *ipc);
  }
  if (auto storage = l.get_int(b, "ephemeral_storage")) {
    w.key("EphemeralStorage").begin_object();
    w.member("SizeInGiB", (*storage + 1023) / 1024); // whole GiB, rounded up
    w.end_object();
  }
  const model::List& volumes = l.get_list(b, "volumes");
  if (!volumes.empty()) {
    w.key("Volumes").begin_array();
    for (const model::Value& v : volumes) {
      w.begin_object();
      if (const model::Value* name = l.field(b, "volumes", v, "name")) {
        l.write_value(w.key("Name"), *name);
      }
      if (const model::Value* host = l.field(b, "volumes", v, "host_path")) {
        w.key("Host").begin_object();
        l.write_value(w.key("SourcePath"), *host);
        w.end_object();
      }
      w.end_object();
    }
    w.end_array();
  }
  w.key("ContainerDefinitions").begin_array();
  for (const model::Block* c : b.children) {
    if (is_kind(*c, "container")) {
      write_container_definition(l, *c, base, w);
    }
  }
  w.end_array();
  l.write_tags(w.key("Tags"), b);
  l.end_resource();
  auto retention = l.get_int(b, "log_retention");

  if (!execution_role && needs.execution_role) {
    l.begin_resource(b, base + "ExecutionRole", "AWS::IAM::Role");
    write_assume_role_policy(w.key("AssumeRolePolicyDocument"), common::kEcsTasksPrincipal);
    w.key("ManagedPolicyArns").begin_array();
    write_managed_policy(w, common::kExecutionRolePolicy);
    w.end_array();
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
      w.member("Policies",
               json::array(
                   {{{"PolicyName", "read-secrets"},
                     {"PolicyDocument", {{"Version", "2012-10-17"}, {"Statement", statements}}}}}));
    }
    l.write_tags(w.key("Tags"), b);
    l.end_resource();
  }
  if (needs.log_group) {
    l.begin_resource(b, base + "LogGroup", "AWS::Logs::LogGroup");
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

void lower_service(Lowering& l, const model::Block& b) {
  const model::Block* cluster = b.ancestor("cluster");
  const model::Block* task = l.get_ref(b, "task");
  JsonWriter& w = l.begin_resource(b, l.id(b), "AWS::ECS::Service");
  // A copy: associations_id() caches one cluster's ID at a time.
  const std::string associations = cluster ? l.associations_id(*cluster) : std::string();
  if (const model::Value* name = l.get(b, "name")) {
    l.write_value(w.key("ServiceName"), *name);
  }
  if (cluster) {
    Lowering::write_ref_to(w.key("Cluster"), l.id(*cluster));
  }
  if (task) {
    l.write_ref(w.key("TaskDefinition"), *task);
  }
  const std::string* scheduling = l.get_enum(b, "scheduling");
  bool daemon = scheduling && *scheduling == "daemon";
  w.member("SchedulingStrategy", daemon ? "DAEMON" : "REPLICA");
  if (auto desired = l.get_int(b, "desired"); desired && !daemon) {
    w.member("DesiredCount", *desired); // a daemon service runs one task per instance
  }
  if (const std::string* launch = l.get_enum(b, "launch_type")) {
    w.key("LaunchType").value(upper(*launch));
  }
  const model::List& strategy = l.get_list(b, "capacity");
  if (!strategy.empty()) {
    w.key("CapacityProviderStrategy").begin_array();
    for (const model::Value& item : strategy) {
      w.begin_object();
      if (const model::Value* v = l.field(b, "capacity", item, "provider")) {
        w.member("CapacityProvider", provider(l, *v));
      }
      if (const model::Value* v = l.field(b, "capacity", item, "weight")) {
        l.write_value(w.key("Weight"), *v);
      }
      if (const model::Value* v = l.field(b, "capacity", item, "base")) {
        l.write_value(w.key("Base"), *v);
      }
      w.end_object();
    }
    w.end_array();
  }
  if (const model::Value* v = l.get(b, "platform_version")) {
    l.write_value(w.key("PlatformVersion"), *v);
  }
  const model::List& subnets = l.get_list(b, "subnets");
  const model::List& groups = l.get_list(b, "security_groups");
  bool public_ip = l.get_bool(b, "public_ip");
  const std::string* mode = task ? task->get_enum("network_mode") : nullptr;
  if (mode && *mode == "awsvpc") {
    w.key("NetworkConfiguration").begin_object();
    w.key("AwsvpcConfiguration").begin_object();
    l.write_refs(w.key("Subnets"), subnets);
    if (Lowering::has_refs(groups)) {
      l.write_refs(w.key("SecurityGroups"), groups);
    }
    w.member("AssignPublicIp", public_ip ? "ENABLED" : "DISABLED");
    w.end_object().end_object();
  }
  if (l.get_bool(b, "enable_execute_command")) {
    w.member("EnableExecuteCommand", true);
  }
  if (const std::string* propagate = l.get_enum(b, "propagate_tags")) {
    w.key("PropagateTags").value(upper(*propagate));
  }
  if (const model::Block* d = b.first_child("deployment")) {
    w.key("DeploymentConfiguration").begin_object();
    if (auto v = l.get_int(*d, "min_healthy_percent")) {
      w.member("MinimumHealthyPercent", *v);
    }
    if (auto v = l.get_int(*d, "max_percent"); v && !daemon) {
      w.member("MaximumPercent", *v);
    }
    w.key("DeploymentCircuitBreaker").begin_object();
    w.member("Enable", l.get_bool(*d, "circuit_breaker", true));
    w.member("Rollback", l.get_bool(*d, "rollback", true));
    w.end_object().end_object();
  }
  if (const model::Block* placement = b.first_child("placement")) {
    const model::List& strategies = l.get_list(*placement, "strategy");
    if (!strategies.empty()) {
      w.key("PlacementStrategies").begin_array();
      for (const model::Value& s : strategies) {
        w.begin_object();
        if (const model::Value* v = l.field(*placement, "strategy", s, "type")) {
          l.write_value(w.key("Type"), *v);
        }
        if (const model::Value* v = l.field(*placement, "strategy", s, "field")) {
          l.write_value(w.key("Field"), *v);
        }
        w.end_object();
      }
      w.end_array();
    }
    const model::List& constraints = l.get_list(*placement, "constraint");
    if (!constraints.empty()) {
      w.key("PlacementConstraints").begin_array();
      for (const model::Value& c : constraints) {
        w.begin_object();
        if (const model::Value* v = l.field(*placement, "constraint", c, "type")) {
          const std::string* t = v->enum_member();
          w.member("Type", common::placement_constraint_type(t ? *t : ""));
        }
        if (const model::Value* v = l.field(*placement, "constraint", c, "expression")) {
          l.write_value(w.key("Expression"), *v);
        }
        w.end_object();
      }
      w.end_array();
    }
  }
  l.write_tags(w.key("Tags"), b);
  if (!associations.empty()) {
    // A service that names no launch type uses the cluster's default strategy, which exists only
    // once the associations do; deleting them first would strand the service.
    l.end_properties().member("DependsOn", associations);
  }
  l.end_resource();
}

} // namespace ecl::backend::cfn
