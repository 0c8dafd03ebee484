// The ECS kinds: cluster (+ its capacity providers), ec2_capacity (instance role and profile,
// launch template, Auto Scaling group, capacity provider), task (+ its containers, execution role
// and log group) and service.
#include "backends/common/aws.h"
#include "backends/plan/planner.h"

#include <fmt/format.h>

namespace ecl::backend::plan {

namespace {

using common::upper;

std::string text_of(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// `fargate` -> "FARGATE", `fargate_spot` -> "FARGATE_SPOT", an ec2_capacity -> its provider.
json provider(Planner& p, const model::Value& v) {
  if (const model::Block* capacity = v.block()) {
    return p.ref(*capacity);
  }
  const std::string* member = v.enum_member();
  return member ? json(upper(*member)) : json(nullptr);
}

std::string provider_text(const model::Value& v) {
  if (const model::Block* capacity = v.block()) {
    return capacity->path;
  }
  const std::string* member = v.enum_member();
  return member ? upper(*member) : "?";
}

std::string managed_policy(const Planner& p, std::string_view name) {
  return fmt::format("arn:{}:iam::aws:policy/{}", p.partition(), name);
}

std::string assume_role_policy(std::string_view service) {
  json doc = {{"Version", "2012-10-17"},
              {"Statement", json::array({{{"Effect", "Allow"},
                                          {"Principal", {{"Service", std::string(service)}}},
                                          {"Action", "sts:AssumeRole"}}})}};
  return policy_text(doc);
}

// A role and its managed policy: `#ROLE` (CreateRole) and `#ROLE-policy` (AttachRolePolicy).
void add_role(Planner& p, const model::Block& b, const std::string& role,
              std::string_view principal, std::string_view policy) {
  Step& r = p.add(b, role, "iam", "CreateRole");
  std::string name = p.name_for(b, role == "execution-role" ? "execution" : "instance", 64);
  r.params["RoleName"] = name;
  r.params["AssumeRolePolicyDocument"] = assume_role_policy(principal);
  r.params["Tags"] = p.key_value_tags(b);
  r.summary = fmt::format("{}, assumed by {}", name, principal);
  Step& a = p.add(b, role + "-policy", "iam", "AttachRolePolicy");
  a.params["RoleName"] = p.output(b, role, "name");
  a.params["PolicyArn"] = managed_policy(p, policy);
  a.summary = std::string(policy.substr(policy.rfind('/') + 1));
}

// Standard base64 (RFC 4648), as EC2 wants user data.
std::string base64(std::string_view in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    std::uint32_t n = (static_cast<unsigned char>(in[i]) << 16) |
                      (static_cast<unsigned char>(in[i + 1]) << 8) |
                      static_cast<unsigned char>(in[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i + 1 == in.size()) {
    std::uint32_t n = static_cast<unsigned char>(in[i]) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    std::uint32_t n =
        (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

json health_check(Planner& p, const model::Block& h) {
  json out = json::object();
  out["command"] = p.value(*p.get(h, "command"));
  if (auto v = p.get_int(h, "interval")) {
    out["interval"] = *v;
  }
  if (auto v = p.get_int(h, "timeout")) {
    out["timeout"] = *v;
  }
  if (auto v = p.get_int(h, "retries")) {
    out["retries"] = *v;
  }
  if (auto v = p.get_int(h, "start_period")) {
    out["startPeriod"] = *v;
  }
  return out;
}

json container_definition(Planner& p, const model::Block& c, const std::string& log_group) {
  json d = json::object();
  d["name"] = c.name;
  if (const model::Value* image = p.get(c, "image")) {
    d["image"] = p.value(*image);
  }
  if (auto v = p.get_int(c, "cpu")) {
    d["cpu"] = *v;
  }
  if (auto v = p.get_int(c, "memory")) {
    d["memory"] = *v;
  }
  if (auto v = p.get_int(c, "memory_reservation")) {
    d["memoryReservation"] = *v;
  }
  d["essential"] = p.get_bool(c, "essential", true);
  p.get(c, "port"); // merged into `ports` by the checker
  const model::List& ports = p.get_list(c, "ports");
  if (!ports.empty()) {
    json mappings = json::array();
    for (const model::Value& m : ports) {
      json pm = json::object();
      if (const model::Value* v = p.field(c, "ports", m, "container")) {
        pm["containerPort"] = p.value(*v);
      }
      if (const model::Value* v = p.field(c, "ports", m, "host")) {
        pm["hostPort"] = p.value(*v);
      }
      if (const model::Value* v = p.field(c, "ports", m, "protocol")) {
        pm["protocol"] = p.value(*v);
      }
      if (const model::Value* v = p.field(c, "ports", m, "name")) {
        pm["name"] = p.value(*v);
      }
      if (const model::Value* v = p.field(c, "ports", m, "app_protocol")) {
        pm["appProtocol"] = p.value(*v);
      }
      mappings.push_back(std::move(pm));
    }
    d["portMappings"] = std::move(mappings);
  }
  auto name_values = [&](std::string_view attribute, const char* value_key) {
    json out = json::array();
    if (const model::Value* v = p.get(c, attribute)) {
      if (auto* map = v->as<model::Map>()) {
        for (const auto& [k, item] : *map) {
          out.push_back({{"name", k}, {value_key, p.value(item)}});
        }
      }
    }
    return out;
  };
  if (json env = name_values("environment", "value"); !env.empty()) {
    d["environment"] = std::move(env);
  }
  if (json secrets = name_values("secrets", "valueFrom"); !secrets.empty()) {
    d["secrets"] = std::move(secrets);
  }
  if (const model::Value* v = p.get(c, "command")) {
    d["command"] = p.value(*v);
  }
  if (const model::Value* v = p.get(c, "entrypoint")) {
    d["entryPoint"] = p.value(*v);
  }
  if (const model::Value* v = p.get(c, "working_dir")) {
    d["workingDirectory"] = p.value(*v);
  }
  if (const model::Value* v = p.get(c, "user")) {
    d["user"] = p.value(*v);
  }
  const model::List& depends = p.get_list(c, "depends_on");
  if (!depends.empty()) {
    json out = json::array();
    for (const model::Value& dep : depends) {
      const model::Value* other = p.field(c, "depends_on", dep, "container");
      const model::Value* cond = p.field(c, "depends_on", dep, "condition");
      json item = json::object();
      if (other && other->block()) {
        item["containerName"] = other->block()->name;
      }
      item["condition"] = cond && cond->enum_member() ? upper(*cond->enum_member()) : "START";
      out.push_back(std::move(item));
    }
    d["dependsOn"] = std::move(out);
  }
  // Booleans that default to false appear only when set.
  if (p.get_bool(c, "readonly_root_filesystem")) {
    d["readonlyRootFilesystem"] = true;
  }
  if (p.get_bool(c, "privileged")) {
    d["privileged"] = true;
  }
  if (p.get_bool(c, "init_process")) {
    d["linuxParameters"] = {{"initProcessEnabled", true}};
  }
  const model::List& ulimits = p.get_list(c, "ulimits");
  if (!ulimits.empty()) {
    json out = json::array();
    for (const model::Value& u : ulimits) {
      json item = json::object();
      if (const model::Value* v = p.field(c, "ulimits", u, "name")) {
        item["name"] = p.value(*v);
      }
      if (const model::Value* v = p.field(c, "ulimits", u, "soft")) {
        item["softLimit"] = p.value(*v);
      }
      if (const model::Value* v = p.field(c, "ulimits", u, "hard")) {
        item["hardLimit"] = p.value(*v);
      }
      out.push_back(std::move(item));
    }
    d["ulimits"] = std::move(out);
  }
  const model::List& mounts = p.get_list(c, "mount_points");
  if (!mounts.empty()) {
    json out = json::array();
    for (const model::Value& m : mounts) {
      json item = json::object();
      if (const model::Value* v = p.field(c, "mount_points", m, "volume")) {
        item["sourceVolume"] = p.value(*v);
      }
      if (const model::Value* v = p.field(c, "mount_points", m, "path")) {
        item["containerPath"] = p.value(*v);
      }
      const model::Value* ro = p.field(c, "mount_points", m, "read_only");
      item["readOnly"] = ro && ro->boolean() ? *ro->boolean() : false;
      out.push_back(std::move(item));
    }
    d["mountPoints"] = std::move(out);
  }
  if (auto v = p.get_int(c, "stop_timeout")) {
    d["stopTimeout"] = *v;
  }
  if (auto v = p.get_int(c, "start_timeout")) {
    d["startTimeout"] = *v;
  }
  if (const model::Value* v = p.get(c, "docker_labels");
      v && v->as<model::Map>() && !v->as<model::Map>()->empty()) {
    d["dockerLabels"] = p.value(*v);
  }
  if (p.get_bool(c, "interactive")) {
    d["interactive"] = true;
  }
  if (p.get_bool(c, "pseudo_terminal")) {
    d["pseudoTerminal"] = true;
  }
  if (const model::Block* h = p.child(c, "health_check")) {
    d["healthCheck"] = health_check(p, *h);
  }
  if (const model::Block* log = p.child(c, "log")) {
    const std::string* driver = p.get_enum(*log, "driver");
    std::string name = driver ? *driver : "awslogs";
    const model::Value* options = p.get(*log, "options");
    const std::string* group = p.get_string(*log, "group");
    const model::Value* prefix = p.get(*log, "stream_prefix");
    // `none` turns logging off: ECS has no such driver, so the container gets no configuration.
    if (name != "none") {
      json opts = json::object();
      if (name == "awslogs") {
        opts["awslogs-group"] = group ? Planner::literal(*group) : log_group;
        opts["awslogs-region"] = p.region();
        if (prefix) {
          opts["awslogs-stream-prefix"] = p.value(*prefix);
        }
      }
      if (options && options->as<model::Map>()) {
        for (const auto& [k, v] : *options->as<model::Map>()) {
          opts[k] = p.value(v);
        }
      }
      json config = {{"logDriver", common::log_driver(name)}};
      if (!opts.empty()) {
        config["options"] = std::move(opts);
      }
      d["logConfiguration"] = std::move(config);
    }
  }
  return d;
}

} // namespace

void lower_cluster(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "ecs", "CreateCluster");
  json name;
  if (const model::Value* v = p.get(b, "name")) {
    name = p.value(*v);
    s.params["clusterName"] = name;
  }
  bool insights = p.get_bool(b, "container_insights");
  s.params["settings"] =
      json::array({{{"name", "containerInsights"}, {"value", insights ? "enabled" : "disabled"}}});
  s.params["tags"] = p.key_value_tags(b, /*lower_case=*/true);
  s.summary = text_of(name) + (insights ? ", Container Insights" : "");

  const model::List& capacity = p.get_list(b, "capacity");
  if (capacity.empty()) {
    return;
  }
  Step& a = p.add(b, "capacity-providers", "ecs", "PutClusterCapacityProviders");
  a.params["cluster"] = p.ref(b);
  json providers = json::array();
  std::string names;
  for (const model::Value& v : capacity) {
    providers.push_back(provider(p, v));
    names += (names.empty() ? "" : ", ") + provider_text(v);
  }
  a.params["capacityProviders"] = providers;
  // The first provider is the default for services that choose none.
  a.params["defaultCapacityProviderStrategy"] =
      json::array({{{"capacityProvider", providers.front()}, {"weight", 1}, {"base", 0}}});
  a.summary = fmt::format("{} (default {})", names, provider_text(capacity.front()));
}

void lower_ec2_capacity(Planner& p, const model::Block& b) {
  const model::Block* cluster = b.ancestor("cluster");

  // The instances' role and profile: the ECS agent registers them with the cluster.
  add_role(p, b, "instance-role", common::kEc2Principal, common::kInstanceRolePolicy);
  Step& profile = p.add(b, "instance-profile", "iam", "CreateInstanceProfile");
  std::string profile_name = p.name_for(b, "instance", 128);
  profile.params["InstanceProfileName"] = profile_name;
  profile.params["Tags"] = p.key_value_tags(b);
  profile.summary = profile_name;
  Step& add_role_step = p.add(b, "add-role", "iam", "AddRoleToInstanceProfile");
  add_role_step.params["InstanceProfileName"] = p.output(b, "instance-profile", "name");
  add_role_step.params["RoleName"] = p.output(b, "instance-role", "name");
  add_role_step.summary = "the instance role";

  // The launch template.
  Step& lt = p.add(b, "launch-template", "ec2", "CreateLaunchTemplate");
  std::string template_name = p.name_for(b, "", 128);
  lt.params["LaunchTemplateName"] = template_name;
  json data = json::object();
  if (const std::string* ami = p.get_string(b, "ami")) {
    // A public SSM parameter is resolved by EC2 at launch (`resolve:ssm:`).
    data["ImageId"] = Planner::literal(ami->rfind('/', 0) == 0 ? "resolve:ssm:" + *ami : *ami);
  }
  json type;
  if (const model::Value* v = p.get(b, "instance_type")) {
    type = p.value(*v);
    data["InstanceType"] = type;
  }
  data["IamInstanceProfile"] = {{"Arn", p.output(b, "instance-profile", "arn")}};
  auto groups = p.get_refs(b, "security_groups");
  if (!groups.empty()) {
    json ids = json::array();
    for (const model::Block* g : groups) {
      ids.push_back(p.ref(*g));
    }
    data["SecurityGroupIds"] = std::move(ids);
  }
  if (const model::Value* key = p.get(b, "key_name")) {
    data["KeyName"] = p.value(*key);
  }
  json ebs = {{"Encrypted", true}};
  auto size = p.get_int(b, "volume_size");
  if (size) {
    ebs["VolumeSize"] = *size;
  }
  ebs["VolumeType"] = "gp3";
  data["BlockDeviceMappings"] =
      json::array({{{"DeviceName", common::kRootDevice}, {"Ebs", std::move(ebs)}}});
  data["MetadataOptions"] = {{"HttpTokens", "required"}};
  // The ECS container agent reads the cluster to join from /etc/ecs/ecs.config.
  std::string cluster_name = "default";
  if (cluster) {
    const std::string* n = cluster->get_string("name");
    cluster_name = n ? *n : cluster->name;
  }
  data["UserData"] = base64(
      fmt::format("#!/bin/bash\necho ECS_CLUSTER={} >> /etc/ecs/ecs.config\n", cluster_name));
  json instance_tags = p.key_value_tags(b);
  data["TagSpecifications"] = json::array({{{"ResourceType", "instance"}, {"Tags", instance_tags}},
                                           {{"ResourceType", "volume"}, {"Tags", instance_tags}}});
  lt.params["LaunchTemplateData"] = std::move(data);
  lt.params["TagSpecifications"] = p.tag_specifications(b, "launch-template");
  lt.summary = fmt::format("{}, {} GiB gp3", text_of(type), size.value_or(0));
  // The instances' profile must hold the role when they boot.
  lt.after.push_back(p.step_id(b, "add-role"));

  // The Auto Scaling group.
  Step& asg = p.add(b, "auto-scaling-group", "autoscaling", "CreateAutoScalingGroup");
  std::string asg_name = p.name_for(b, "", 255);
  asg.params["AutoScalingGroupName"] = asg_name;
  asg.params["LaunchTemplate"] = {{"LaunchTemplateId", p.output(b, "launch-template", "id")},
                                  {"Version", p.output(b, "launch-template", "version")}};
  auto min = p.get_int(b, "min");
  auto max = p.get_int(b, "max");
  auto desired = p.get_int(b, "desired");
  asg.params["MinSize"] = min.value_or(0);
  asg.params["MaxSize"] = max.value_or(0);
  if (desired) {
    asg.params["DesiredCapacity"] = *desired;
  }
  std::string subnets;
  for (const model::Block* s : p.get_refs(b, "subnets")) {
    json id = p.ref(*s);
    subnets += (subnets.empty() ? "" : ",") + text_of(id);
  }
  asg.params["VPCZoneIdentifier"] = subnets; // subnet IDs separated by commas
  json tags = json::array();
  for (auto& [key, v] : p.tags(b)) {
    tags.push_back({{"ResourceId", asg_name},
                    {"ResourceType", "auto-scaling-group"},
                    {"Key", key},
                    {"Value", v},
                    {"PropagateAtLaunch", true}});
  }
  asg.params["Tags"] = std::move(tags);
  asg.summary = fmt::format("{} to {} instances, {} desired", min.value_or(0), max.value_or(0),
                            desired.value_or(min.value_or(0)));
  // The instances register with the cluster as they boot: the cluster must exist first.
  if (cluster) {
    asg.after.push_back(p.step_id(*cluster));
  }

  // Its ARN, which the capacity provider takes (CreateAutoScalingGroup returns nothing).
  Step& describe =
      p.add(b, "describe-auto-scaling-group", "autoscaling", "DescribeAutoScalingGroups");
  describe.read = true;
  describe.params["AutoScalingGroupNames"] = json::array({asg_name});
  describe.after.push_back(p.step_id(b, "auto-scaling-group"));
  describe.summary = "its ARN";

  // The capacity provider: the block's main call.
  Step& cp = p.add(b, "", "ecs", "CreateCapacityProvider");
  json name;
  if (const model::Value* v = p.get(b, "name")) {
    name = p.value(*v);
    cp.params["name"] = name;
  }
  json managed = json::object();
  bool scaling = p.get_bool(b, "managed_scaling", true);
  managed["status"] = scaling ? "ENABLED" : "DISABLED";
  auto target = p.get_int(b, "target_capacity");
  if (target && scaling) {
    managed["targetCapacity"] = *target;
  }
  cp.params["autoScalingGroupProvider"] = {
      {"autoScalingGroupArn", p.output(b, "describe-auto-scaling-group", "arn")},
      {"managedScaling", std::move(managed)},
      {"managedTerminationProtection", "DISABLED"}};
  cp.params["tags"] = p.key_value_tags(b, /*lower_case=*/true);
  cp.summary = text_of(name) + (scaling && target ? fmt::format(", managed scaling to {}%", *target)
                                                  : ", no managed scaling");
}

void lower_task(Planner& p, const model::Block& b) {
  const common::TaskNeeds needs = common::task_needs(b);
  const model::Value* family = p.get(b, "family");
  json family_value = family ? p.value(*family) : json(nullptr);
  std::string log_group = family && family->string() ? common::log_group_name(*family->string())
                                                     : text_of(family_value);
  const model::Value* execution_role = p.get(b, "execution_role");
  auto retention = p.get_int(b, "log_retention");
  std::vector<std::string> after;

  if (!execution_role && needs.execution_role) {
    add_role(p, b, "execution-role", common::kEcsTasksPrincipal, common::kExecutionRolePolicy);
    after.push_back(p.step_id(b, "execution-role-policy"));
    json statements = json::array();
    if (!needs.secret_arns.empty()) {
      statements.push_back({{"Effect", "Allow"},
                            {"Action", "secretsmanager:GetSecretValue"},
                            {"Resource", needs.secret_arns}});
    }
    if (!needs.parameters.empty()) {
      // A parameter named without an ARN belongs to the account the plan runs in (`*`: the plan
      // does not know it) and to the plan's region.
      json resources = json::array();
      for (const common::SecretSource& s : needs.parameters) {
        resources.push_back(
            s.arn ? s.text
                  : fmt::format("arn:{}:ssm:{}:*:parameter/{}", p.partition(), p.region(), s.text));
      }
      statements.push_back(
          {{"Effect", "Allow"}, {"Action", "ssm:GetParameters"}, {"Resource", resources}});
    }
    if (!statements.empty()) {
      Step& s = p.add(b, "execution-role-secrets", "iam", "PutRolePolicy");
      s.params["RoleName"] = p.output(b, "execution-role", "name");
      s.params["PolicyName"] = "read-secrets";
      s.params["PolicyDocument"] =
          policy_text({{"Version", "2012-10-17"}, {"Statement", statements}});
      std::size_t secrets = needs.secret_arns.size(), parameters = needs.parameters.size();
      s.summary = fmt::format("read-secrets: {} secret{}, {} parameter{}", secrets,
                              secrets == 1 ? "" : "s", parameters, parameters == 1 ? "" : "s");
      after.push_back(s.id);
    }
  }
  if (needs.log_group) {
    Step& g = p.add(b, "log-group", "logs", "CreateLogGroup");
    g.params["logGroupName"] = log_group;
    json tags = json::object();
    for (auto& [key, v] : p.tags(b)) {
      tags[key] = v;
    }
    g.params["tags"] = std::move(tags);
    g.summary = log_group;
    after.push_back(g.id);
    if (retention) {
      Step& r = p.add(b, "log-retention", "logs", "PutRetentionPolicy");
      r.params["logGroupName"] = log_group;
      r.params["retentionInDays"] = *retention;
      r.summary = fmt::format("{} days", *retention);
      r.after.push_back(p.step_id(b, "log-group"));
    }
  }

  json containers = json::array();
  std::string images;
  for (const model::Block* c : b.children_of("container")) {
    json d = container_definition(p, *c, log_group);
    images += fmt::format("{}{} {}", images.empty() ? "" : ", ", c->name,
                          d.contains("image") ? text_of(d["image"]) : "?");
    containers.push_back(std::move(d));
  }

  Step& s = p.add(b, "", "ecs", "RegisterTaskDefinition");
  s.params["family"] = family_value;
  if (const model::Value* role = p.get(b, "task_role")) {
    s.params["taskRoleArn"] = p.value(*role);
  }
  if (execution_role) {
    s.params["executionRoleArn"] = p.value(*execution_role);
  } else if (needs.execution_role) {
    s.params["executionRoleArn"] = p.output(b, "execution-role", "arn");
  }
  const std::string* mode = p.get_enum(b, "network_mode");
  if (mode) {
    s.params["networkMode"] = *mode;
  }
  s.params["containerDefinitions"] = std::move(containers);
  const model::List& volumes = p.get_list(b, "volumes");
  if (!volumes.empty()) {
    json out = json::array();
    for (const model::Value& v : volumes) {
      json item = json::object();
      if (const model::Value* name = p.field(b, "volumes", v, "name")) {
        item["name"] = p.value(*name);
      }
      if (const model::Value* host = p.field(b, "volumes", v, "host_path")) {
        item["host"] = {{"sourcePath", p.value(*host)}};
      }
      out.push_back(std::move(item));
    }
    s.params["volumes"] = std::move(out);
  }
  json compat = json::array();
  for (const model::Value& v : p.get_list(b, "compatibilities")) {
    if (const std::string* m = v.enum_member()) {
      compat.push_back(upper(*m));
    }
  }
  s.params["requiresCompatibilities"] = std::move(compat);
  // ECS takes the task's CPU units and MiB as strings.
  auto cpu = p.get_int(b, "cpu");
  auto memory = p.get_int(b, "memory");
  if (cpu) {
    s.params["cpu"] = std::to_string(*cpu);
  }
  if (memory) {
    s.params["memory"] = std::to_string(*memory);
  }
  if (const std::string* pid = p.get_enum(b, "pid_mode")) {
    s.params["pidMode"] = *pid;
  }
  if (const std::string* ipc = p.get_enum(b, "ipc_mode")) {
    s.params["ipcMode"] = *ipc;
  }
  s.params["tags"] = p.key_value_tags(b, /*lower_case=*/true);
  if (auto storage = p.get_int(b, "ephemeral_storage")) {
    s.params["ephemeralStorage"] = {{"sizeInGiB", (*storage + 1023) / 1024}}; // whole GiB, up
  }
  if (const std::string* arch = p.get_enum(b, "cpu_architecture")) {
    s.params["runtimePlatform"] = {{"cpuArchitecture", upper(*arch)},
                                   {"operatingSystemFamily", "LINUX"}};
  }
  s.after = std::move(after);
  std::string sizes;
  if (cpu) {
    sizes += fmt::format(", cpu {}", *cpu);
  }
  if (memory) {
    sizes += fmt::format(", memory {} MiB", *memory);
  }
  s.summary =
      fmt::format("{}{}{}: {}", text_of(family_value), mode ? ", " + *mode : "", sizes, images);
}

void lower_service(Planner& p, const model::Block& b) {
  const model::Block* cluster = b.ancestor("cluster");
  const model::Block* task = p.get_ref(b, "task");
  Step& s = p.add(b, "", "ecs", "CreateService");
  std::string associations = cluster ? p.associations_step(*cluster) : "";
  if (!associations.empty()) {
    // A service that names no launch type uses the cluster's default strategy, which exists only
    // once the providers are put.
    s.after.push_back(associations);
  }
  if (cluster) {
    s.params["cluster"] = p.ref(*cluster);
  }
  json name;
  if (const model::Value* v = p.get(b, "name")) {
    name = p.value(*v);
    s.params["serviceName"] = name;
  }
  if (task) {
    s.params["taskDefinition"] = p.ref(*task);
  }
  const std::string* scheduling = p.get_enum(b, "scheduling");
  bool daemon = scheduling && *scheduling == "daemon";
  auto desired = p.get_int(b, "desired");
  if (desired && !daemon) {
    s.params["desiredCount"] = *desired; // a daemon service runs one task per instance
  }
  std::string how;
  if (const std::string* launch = p.get_enum(b, "launch_type")) {
    s.params["launchType"] = upper(*launch);
    how = "launch type " + upper(*launch);
  }
  const model::List& strategy = p.get_list(b, "capacity");
  if (!strategy.empty()) {
    json items = json::array();
    std::string names;
    for (const model::Value& item : strategy) {
      json out = json::object();
      if (const model::Value* v = p.field(b, "capacity", item, "provider")) {
        out["capacityProvider"] = provider(p, *v);
        names += (names.empty() ? "" : "+") + provider_text(*v);
      }
      if (const model::Value* v = p.field(b, "capacity", item, "weight")) {
        out["weight"] = p.value(*v);
      }
      if (const model::Value* v = p.field(b, "capacity", item, "base")) {
        out["base"] = p.value(*v);
      }
      items.push_back(std::move(out));
    }
    s.params["capacityProviderStrategy"] = std::move(items);
    how = "capacity " + names;
  }
  if (const model::Value* v = p.get(b, "platform_version")) {
    s.params["platformVersion"] = p.value(*v);
  }
  auto subnets = p.get_refs(b, "subnets");
  auto groups = p.get_refs(b, "security_groups");
  bool public_ip = p.get_bool(b, "public_ip");
  const std::string* mode = task ? task->get_enum("network_mode") : nullptr;
  if (mode && *mode == "awsvpc") {
    json awsvpc = json::object();
    json ids = json::array();
    for (const model::Block* sub : subnets) {
      ids.push_back(p.ref(*sub));
    }
    awsvpc["subnets"] = std::move(ids);
    if (!groups.empty()) {
      json sgs = json::array();
      for (const model::Block* g : groups) {
        sgs.push_back(p.ref(*g));
      }
      awsvpc["securityGroups"] = std::move(sgs);
    }
    awsvpc["assignPublicIp"] = public_ip ? "ENABLED" : "DISABLED";
    s.params["networkConfiguration"] = {{"awsvpcConfiguration", std::move(awsvpc)}};
  }
  if (const model::Block* d = p.child(b, "deployment")) {
    json config = json::object();
    config["deploymentCircuitBreaker"] = {{"enable", p.get_bool(*d, "circuit_breaker", true)},
                                          {"rollback", p.get_bool(*d, "rollback", true)}};
    if (auto v = p.get_int(*d, "max_percent"); v && !daemon) {
      config["maximumPercent"] = *v;
    }
    if (auto v = p.get_int(*d, "min_healthy_percent")) {
      config["minimumHealthyPercent"] = *v;
    }
    s.params["deploymentConfiguration"] = std::move(config);
  }
  if (const model::Block* placement = p.child(b, "placement")) {
    json constraints = json::array();
    for (const model::Value& c : p.get_list(*placement, "constraint")) {
      json item = json::object();
      if (const model::Value* v = p.field(*placement, "constraint", c, "type")) {
        const std::string* t = v->enum_member();
        item["type"] = common::placement_constraint_type(t ? *t : "");
      }
      if (const model::Value* v = p.field(*placement, "constraint", c, "expression")) {
        item["expression"] = p.value(*v);
      }
      constraints.push_back(std::move(item));
    }
    if (!constraints.empty()) {
      s.params["placementConstraints"] = std::move(constraints);
    }
    json strategies = json::array();
    for (const model::Value& st : p.get_list(*placement, "strategy")) {
      json item = json::object();
      if (const model::Value* v = p.field(*placement, "strategy", st, "type")) {
        item["type"] = p.value(*v);
      }
      if (const model::Value* v = p.field(*placement, "strategy", st, "field")) {
        item["field"] = p.value(*v);
      }
      strategies.push_back(std::move(item));
    }
    if (!strategies.empty()) {
      s.params["placementStrategy"] = std::move(strategies);
    }
  }
  s.params["schedulingStrategy"] = daemon ? "DAEMON" : "REPLICA";
  if (p.get_bool(b, "enable_execute_command")) {
    s.params["enableExecuteCommand"] = true;
  }
  if (const std::string* propagate = p.get_enum(b, "propagate_tags")) {
    s.params["propagateTags"] = upper(*propagate);
  }
  s.params["tags"] = p.key_value_tags(b, /*lower_case=*/true);
  std::string count = daemon ? "daemon" : fmt::format("desired {}", desired.value_or(0));
  s.summary = fmt::format("{}: {} x task {}{}", text_of(name), count, task ? task->path : "?",
                          how.empty() ? "" : ", " + how);
}

} // namespace ecl::backend::plan
