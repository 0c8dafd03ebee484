// The ECS kinds: cluster (+ its capacity providers), ec2_capacity (instance role and profile,
// launch template, Auto Scaling group, capacity provider), task (+ its containers, execution role
// and log group) and service.
#include "backends/common/ecs_requests.h"
#include "backends/common/efs_requests.h"
#include "backends/common/elbv2_requests.h"
#include "backends/plan/planner.h"
#include "compiler/model/made_names.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <set>

namespace ecl::backend::plan {

namespace {

using common::upper;

std::string provider_text(const model::Value& v) {
  if (const model::Block* capacity = v.block()) {
    return capacity->path;
  }
  const std::string* member = v.enum_member();
  return member ? upper(*member) : "?";
}

// A role `principal` assumes, `#ROLE` (CreateRole), and its managed policy `#ROLE-policy`
// (AttachRolePolicy) when `policy` names one.
void add_role(Planner& p, const model::Block& b, const std::string& role,
              std::string_view principal, std::string_view policy = "") {
  Step& r = p.add(b, role, "iam", "CreateRole");
  std::string name = model::made_role_name(p.program(), b);
  r.params["RoleName"] = name;
  r.params["AssumeRolePolicyDocument"] = policy_text(common::assume_role_policy(principal));
  p.add_tags(r, b);
  r.summary = fmt::format("{}, assumed by {}", name, principal);
  if (policy.empty()) {
    return;
  }
  Step& a = p.add(b, role + "-policy", "iam", "AttachRolePolicy");
  a.params["RoleName"] = p.output(b, role, "name");
  a.params["PolicyArn"] = fmt::format("arn:{}:iam::aws:policy/{}", p.partition(), policy);
  a.summary = std::string(policy.substr(policy.rfind('/') + 1));
}

// A step suffix for a managed policy attached to a role: `PREFIX-` and the ARN's last part in
// letters and digits (`managed-ReadOnlyAccess`), numbered when two ARNs end alike.
std::string managed_suffix(std::string_view prefix, const model::Value& arn,
                           std::set<std::string>& taken) {
  const std::string* text = arn.string();
  std::string name(prefix);
  if (text) {
    for (char c : text->substr(text->rfind('/') + 1)) {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        name += c;
      }
    }
  }
  std::string out = name;
  for (int n = 2; !taken.insert(out).second; ++n) {
    out = fmt::format("{}-{}", name, n);
  }
  return out;
}

// AttachRolePolicy a managed policy of `attribute` to the role of the block's step `role`
// (`-managed-NAME` after its suffix), and PutRolePolicy `statements` the document of the
// statements of `statements_attribute` (`-statements`); the steps' ids go to `after`.
void add_role_policies(Planner& p, const model::Block& b, const std::string& role,
                       std::string_view attribute, std::string_view statements_attribute,
                       std::vector<std::string>* after) {
  std::string prefix = role.empty() ? "managed-" : role + "-managed-";
  std::set<std::string> taken;
  for (const model::Value& arn : p.get_list(b, attribute)) {
    Step& a = p.add(b, managed_suffix(prefix, arn, taken), "iam", "AttachRolePolicy");
    a.params["RoleName"] = p.output(b, role, "name");
    a.params["PolicyArn"] = p.value(arn);
    a.summary = text_of(a.params["PolicyArn"]);
    if (after) {
      after->push_back(a.id);
    }
  }
  json document = common::policy_document(p, b, statements_attribute);
  if (!document.is_null()) {
    Step& s = p.add(b, role.empty() ? "statements" : role + "-statements", "iam", "PutRolePolicy");
    s.params["RoleName"] = p.output(b, role, "name");
    s.params["PolicyName"] = "statements";
    s.params["PolicyDocument"] = policy_text(document);
    std::size_t n = document["Statement"].size();
    s.summary = fmt::format("statements: {} statement{}", n, n == 1 ? "" : "s");
    if (after) {
      after->push_back(s.id);
    }
  }
}

// Each string of `v` (every one the program's text) with `${` written `$${`.
void escape_literals(json& v) {
  if (v.is_string()) {
    v = Planner::literal(v.get_ref<const std::string&>());
  } else if (v.is_structured()) {
    for (json& item : v) {
      escape_literals(item);
    }
  }
}

// Standard base64 (RFC 4648), as EC2 wants user data: each 3 bytes 4 characters, the last group
// padded with `=`.
std::string base64(std::string_view in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, in.size() - i);
    std::uint32_t bits = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      bits = bits << 8 | (k < n ? static_cast<unsigned char>(in[i + k]) : 0u);
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= n ? kAlphabet[(bits >> (18 - 6 * k)) & 63] : '=';
    }
  }
  return out;
}

// The service's auto scaling: its scalable target, then a policy a tracked metric.
void lower_scaling(Planner& p, const model::Block& b) {
  json target = common::scalable_target(p, b);
  if (target.is_null()) {
    return;
  }
  Step& t = p.add(b, "scalable-target", "application-autoscaling", "RegisterScalableTarget");
  t.summary =
      fmt::format("{} to {} tasks", target.value("MinCapacity", 0), target.value("MaxCapacity", 0));
  t.params = std::move(target);
  t.after.push_back(p.step_id(b)); // the service must exist
  for (auto& [metric, policy] : common::scaling_policies(p, p.program(), b)) {
    Step& s = p.add(b, metric + "-scaling", "application-autoscaling", "PutScalingPolicy");
    const json& config = policy["TargetTrackingScalingPolicyConfiguration"];
    const int value = static_cast<int>(config.value("TargetValue", 0.0));
    if (const auto custom = config.find("CustomizedMetricSpecification"); custom != config.end()) {
      s.summary = fmt::format("target tracking: {} of {} {} at {}", custom->value("Statistic", ""),
                              text_of(custom->value("Namespace", json())),
                              text_of(custom->value("MetricName", json())),
                              config.value("TargetValue", 0.0));
    } else {
      s.summary = metric == "requests"
                      ? fmt::format("target tracking: {} requests a minute per task", value)
                      : fmt::format("target tracking: {} at {}%", metric, value);
    }
    s.params = std::move(policy);
    s.after.push_back(p.step_id(b, "scalable-target"));
  }
  for (const model::Block* schedule : p.child(b, "scaling")->children_of("schedule")) {
    Step& s =
        p.add(b, "schedule-" + schedule->name, "application-autoscaling", "PutScheduledAction");
    s.params = common::scheduled_action(p, b, *schedule);
    const json& action = s.params["ScalableTargetAction"];
    s.summary = fmt::format("{}: {} to {} tasks", s.params.value("Schedule", ""),
                            action.contains("MinCapacity") ? action["MinCapacity"].dump() : "min",
                            action.contains("MaxCapacity") ? action["MaxCapacity"].dump() : "max");
    s.after.push_back(p.step_id(b, "scalable-target"));
  }
}

} // namespace

void lower_cluster(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "ecs", "CreateCluster");
  s.params = common::cluster(p, b);
  p.add_tags(s, b);
  s.summary = text_of(s.params.value("clusterName", json())) +
              (p.get_bool(b, "container_insights") ? ", Container Insights" : "");

  json providers = common::cluster_capacity_providers(p, b);
  if (providers.is_null()) {
    return;
  }
  const model::List& capacity = p.get_list(b, "capacity");
  Step& a = p.add(b, "capacity-providers", "ecs", "PutClusterCapacityProviders");
  a.params = std::move(providers);
  std::string names;
  for (const model::Value& v : capacity) {
    names += (names.empty() ? "" : ", ") + provider_text(v);
  }
  a.summary = fmt::format("{} (default {})", names, provider_text(capacity.front()));
}

void lower_ec2_capacity(Planner& p, const model::Block& b) {
  const model::Block* cluster = b.ancestor("cluster");

  // The instances' role and profile: the ECS agent registers them with the cluster.
  add_role(p, b, "instance-role", common::kEc2Principal, common::kInstanceRolePolicy);
  Step& profile = p.add(b, "instance-profile", "iam", "CreateInstanceProfile");
  std::string profile_name = model::made_name(p.program(), b, "instance", 128);
  profile.params["InstanceProfileName"] = profile_name;
  p.add_tags(profile, b);
  profile.summary = profile_name;
  Step& add_role_step = p.add(b, "add-role", "iam", "AddRoleToInstanceProfile");
  add_role_step.params["InstanceProfileName"] = p.output(b, "instance-profile", "name");
  add_role_step.params["RoleName"] = p.output(b, "instance-role", "name");
  add_role_step.summary = "the instance role";

  // The launch template.
  Step& lt = p.add(b, "launch-template", "ec2", "CreateLaunchTemplate");
  lt.params["LaunchTemplateName"] = model::made_name(p.program(), b, "", 128);
  lt.made_name = true;
  // A public SSM parameter is resolved by EC2 at launch (`resolve:ssm:`).
  const std::string& ami = *p.get_string(b, "ami");
  // The ECS container agent reads the cluster to join from /etc/ecs/ecs.config.
  const std::string* name = cluster ? cluster->get_string("name") : nullptr;
  const std::string cluster_name = name ? *name : cluster ? cluster->name : "default";
  json data = common::launch_template_data(
      p, b,
      {Planner::literal(ami.rfind('/', 0) == 0 ? "resolve:ssm:" + ami : ami),
       p.output(b, "instance-profile", "arn"),
       base64(fmt::format("#!/bin/bash\necho ECS_CLUSTER={} >> /etc/ecs/ecs.config\n",
                          cluster_name))});
  const json type = data.value("InstanceType", json());
  lt.params["LaunchTemplateData"] = std::move(data);
  p.add_tags(lt, b);
  lt.summary = fmt::format("{}, {} GiB gp3", text_of(type), *p.get_int(b, "volume_size"));
  // The instances' profile must hold the role when they boot.
  lt.after.push_back(p.step_id(b, "add-role"));

  // The Auto Scaling group.
  Step& asg = p.add(b, "auto-scaling-group", "autoscaling", "CreateAutoScalingGroup");
  std::string asg_name = model::made_name(p.program(), b, "", 255);
  asg.params["AutoScalingGroupName"] = asg_name;
  asg.params["LaunchTemplate"] = {{"LaunchTemplateId", p.output(b, "launch-template", "id")},
                                  {"Version", p.output(b, "launch-template", "version")}};
  auto min = p.get_int(b, "min");
  auto max = p.get_int(b, "max");
  auto desired = p.get_int(b, "desired");
  asg.params["MinSize"] = *min;
  asg.params["MaxSize"] = *max;
  if (desired) {
    asg.params["DesiredCapacity"] = *desired;
  }
  std::string subnets;
  for (const model::Block* s : p.get_refs(b, "subnets")) {
    subnets += (subnets.empty() ? "" : ",") + text_of(p.ref(*s));
  }
  asg.params["VPCZoneIdentifier"] = subnets; // subnet IDs separated by commas
  p.add_tags(asg, b);
  asg.summary = fmt::format("{} to {} instances, {} desired", *min, *max, desired.value_or(*min));
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
  cp.params = common::capacity_provider(p, b, p.output(b, "describe-auto-scaling-group", "arn"));
  p.add_tags(cp, b);
  const json& managed = cp.params["autoScalingGroupProvider"]["managedScaling"];
  cp.summary = text_of(cp.params.value("name", json())) +
               (managed.contains("targetCapacity")
                    ? fmt::format(", managed scaling to {}%", managed["targetCapacity"].get<int>())
                    : ", no managed scaling");
}

// A log group and its retention: the steps `group` and `retention` of `b`.
void add_log_group(Planner& p, const model::Block& b, std::string_view group,
                   std::string_view retention_step, const json& name,
                   std::optional<std::int64_t> retention, const model::Value* kms_key) {
  Step& g = p.add(b, group, "logs", "CreateLogGroup");
  g.params["logGroupName"] = name;
  if (kms_key) {
    g.params["kmsKeyId"] = p.value(*kms_key);
  }
  p.add_tags(g, b);
  g.summary = text_of(name) + (kms_key ? ", encrypted" : "");
  if (retention) {
    Step& r = p.add(b, retention_step, "logs", "PutRetentionPolicy");
    r.params["logGroupName"] = name;
    r.params["retentionInDays"] = *retention;
    r.summary = fmt::format("{} days", *retention);
    r.after.push_back(p.step_id(b, group));
  }
}

void lower_log_group(Planner& p, const model::Block& b) {
  const model::Value* name = p.get(b, "name");
  add_log_group(p, b, "", "retention", name ? p.value(*name) : json(b.name),
                p.get_int(b, "retention"), p.get(b, "kms_key"));
}

namespace {

// A Cloud Map create call: its idempotency token, the request and the block's tags. The token
// apply sends is new for each state (resources::Operation::client_token); the plan shows one made
// from the block's path.
Step& add_cloud_map(Planner& p, const model::Block& b, std::string_view operation,
                    const json& request) {
  Step& s = p.add(b, "", "servicediscovery", operation);
  s.params["CreatorRequestId"] = model::made_name(p.program(), b, "", 64);
  s.params.update(request);
  p.add_tags(s, b);
  return s;
}

} // namespace

void lower_namespace(Planner& p, const model::Block& b) {
  const bool dns = b.parent && b.parent->kind_name == "vpc";
  Step& s = add_cloud_map(p, b, dns ? "CreatePrivateDnsNamespace" : "CreateHttpNamespace",
                          common::cloud_map_namespace(p, b));
  s.summary = fmt::format("{} namespace {}", dns ? "private DNS" : "HTTP",
                          text_of(s.params.value("Name", json())));
}

void lower_discovery(Planner& p, const model::Block& b) {
  Step& s = add_cloud_map(p, b, "CreateService", common::discovery_service(p, b));
  s.summary =
      fmt::format("{} records of {}", text_of(s.params["DnsConfig"]["DnsRecords"][0]["Type"]),
                  text_of(s.params.value("Name", json())));
}

void lower_task(Planner& p, const model::Block& b) {
  const common::TaskNeeds needs = common::task_needs(b);
  const model::Value* family = p.get(b, "family");
  json family_value = family ? p.value(*family) : json(nullptr);
  std::string log_group = family && family->string() ? common::log_group_name(*family->string())
                                                     : text_of(family_value);
  auto retention = p.get_int(b, "log_retention");
  std::vector<std::string> after;

  if (!p.get(b, "execution_role") && needs.execution_role) {
    add_role(p, b, "execution-role", common::kEcsTasksPrincipal, common::kExecutionRolePolicy);
    after.push_back(p.step_id(b, "execution-role-policy"));
    // A parameter named without an ARN belongs to the account the plan runs in (`*`: the plan
    // does not know it) and to the plan's region.
    json policy = common::read_secrets_policy(needs, [&](const std::string& name) -> json {
      return fmt::format("arn:{}:ssm:{}:*:parameter/{}", p.partition(), p.region(), name);
    });
    // Its resources are the program's text (secret ARNs, parameter names), which apply would
    // read as placeholders were a `${` in them not escaped.
    escape_literals(policy);
    if (!policy.is_null()) {
      Step& s = p.add(b, "execution-role-secrets", "iam", "PutRolePolicy");
      s.params["RoleName"] = p.output(b, "execution-role", "name");
      s.params["PolicyName"] = "read-secrets";
      s.params["PolicyDocument"] = policy_text(policy);
      std::size_t secrets = needs.secret_arns.size(), parameters = needs.parameters.size();
      s.summary = fmt::format("read-secrets: {} secret{}, {} parameter{}", secrets,
                              secrets == 1 ? "" : "s", parameters, parameters == 1 ? "" : "s");
      after.push_back(s.id);
    }
    add_role_policies(p, b, "execution-role", "execution_policies", "execution_statements", &after);
  }
  if (const model::Block& owner = p.log_groups().owner(b); needs.log_group && &owner != &b) {
    after.push_back(p.step_id(owner, "log-group")); // a task of the same family creates it
  } else if (needs.log_group) {
    add_log_group(p, b, "log-group", "log-retention", log_group, retention, nullptr);
    after.push_back(p.step_id(b, "log-group"));
  }
  // A declared log group is named in the request, not read from a step: it must exist first.
  for (const model::Block* c : b.each_child("container")) {
    const model::Block* log = c->first_child("log");
    const model::Value* group = log ? log->get("group") : nullptr;
    const model::Block* declared = group ? group->block() : nullptr;
    if (declared && std::find(after.begin(), after.end(), p.step_id(*declared)) == after.end()) {
      after.push_back(p.step_id(*declared));
    }
  }

  // The request first: a value of a container may add the read of a VPC's default group.
  common::JsonRequest params(p);
  common::task_definition(p, params, b, needs,
                          {p.output(b, "execution-role", "arn"), log_group, p.region()});
  Step& s = p.add(b, "", "ecs", "RegisterTaskDefinition");
  s.params = params.take();
  p.add_tags(s, b);
  s.after = std::move(after);
  std::string sizes;
  if (auto cpu = p.get_int(b, "cpu")) {
    sizes += fmt::format(", cpu {}", *cpu);
  }
  if (auto memory = p.get_int(b, "memory")) {
    sizes += fmt::format(", memory {} MiB", *memory);
  }
  std::string images;
  for (const json& d : s.params["containerDefinitions"]) {
    images += fmt::format("{}{} {}", images.empty() ? "" : ", ", d["name"].get<std::string>(),
                          d.contains("image") ? text_of(d["image"]) : "?");
  }
  const std::string* mode = p.get_enum(b, "network_mode");
  s.summary =
      fmt::format("{}{}{}: {}", text_of(family_value), mode ? ", " + *mode : "", sizes, images);
}

void lower_role(Planner& p, const model::Block& b) {
  Step& r = p.add(b, "", "iam", "CreateRole");
  const model::Value* name = p.get(b, "name");
  r.params["RoleName"] = name ? p.value(*name) : json(model::made_name_of(p.program(), b));
  for (auto [attribute, member] :
       {std::pair{"path", "Path"}, std::pair{"description", "Description"}}) {
    if (const model::Value* v = p.get(b, attribute)) {
      r.params[member] = p.value(*v);
    }
  }
  json trust = common::trust_policy(p, b);
  r.params["AssumeRolePolicyDocument"] = policy_text(trust);
  p.add_tags(r, b);
  std::string principals;
  for (const auto& [type, who] : trust["Statement"][0]["Principal"].items()) {
    for (const json& one : who.is_array() ? who : json::array({who})) {
      principals += (principals.empty() ? "" : ", ") + text_of(one);
    }
  }
  r.summary = fmt::format("{}, assumed by {}", text_of(r.params["RoleName"]), principals);
  add_role_policies(p, b, "", "managed_policies", "statements", nullptr);
}

void lower_service(Planner& p, const model::Block& b) {
  const model::Block* cluster = b.ancestor("cluster");
  const model::Block* task = p.get_ref(b, "task");
  Step& s = p.add(b, "", "ecs", "CreateService");
  if (cluster && !p.get_list(*cluster, "capacity").empty()) {
    // A service that names no launch type uses the cluster's default strategy, which exists only
    // once the providers are put.
    s.after.push_back(p.step_id(*cluster, "capacity-providers"));
  }
  common::JsonRequest params(p);
  common::service(p, params, b, p.region());
  s.params = params.take();
  if (p.child(b, "scaling") && s.params.contains("desiredCount")) {
    s.unmanaged.push_back("desiredCount"); // its scaler moves it: the first count only
    s.unmanaged_attributes.push_back("desired");
  }
  p.add_tags(s, b);
  for (const model::Block* forwarder : common::service_forwarders(p, p.program(), b)) {
    s.after.push_back(p.step_id(*forwarder));
  }
  for (const model::Block* server : common::service_connect_servers(p, p.program(), b)) {
    s.after.push_back(p.step_id(*server)); // a client starts with the endpoints that exist
  }
  // Its tasks mount the file systems of their EFS volumes through their mount targets.
  for (const model::Block* fs :
       task ? common::mounted_file_systems(p, *task) : std::vector<const model::Block*>{}) {
    for (const model::Block* subnet : p.get_refs(*fs, "subnets")) {
      s.after.push_back(mount_target_step(p, *fs, *subnet));
    }
  }
  lower_scaling(p, b);
  // What the request says: a daemon's strategy is left for the EC2 launch type.
  std::string how;
  const model::List& strategy = p.get_list(b, "capacity");
  if (s.params.contains("launchType")) {
    how = "launch type " + text_of(s.params["launchType"]);
  } else if (!strategy.empty()) {
    std::string names;
    for (const model::Value& item : strategy) {
      if (const model::Value* v = p.field(b, "capacity", item, "provider")) {
        names += (names.empty() ? "" : "+") + provider_text(*v);
      }
    }
    how = "capacity " + names;
  }
  std::string count = *p.get_enum(b, "scheduling") == "daemon"
                          ? "daemon"
                          : fmt::format("desired {}", p.get_int(b, "desired").value_or(0));
  s.summary = fmt::format("{}: {} x task {}{}", text_of(s.params.value("serviceName", json())),
                          count, task ? task->path : "?", how.empty() ? "" : ", " + how);
}

void lower_job(Planner& p, const model::Block& b) {
  p.add_run(b, common::run_task(p, b));
  if (!p.get(b, "schedule")) {
    return; // only `eclc run` starts it: nothing is made
  }
  // The role the scheduler takes to start the task, and what it may do.
  add_role(p, b, "role", common::kSchedulerPrincipal);
  Step& policy = p.add(b, "role-policy", "iam", "PutRolePolicy");
  policy.params["RoleName"] = p.output(b, "role", "name");
  policy.params["PolicyName"] = "run-task";
  policy.params["PolicyDocument"] = policy_text(common::scheduler_policy(p, b));
  policy.summary = "run-task: ecs:RunTask, iam:PassRole, ecs:TagResource";

  Step& s = p.add(b, "", "scheduler", "CreateSchedule");
  s.params = common::schedule(p, b, p.output(b, "role", "arn"));
  s.after.push_back(policy.id); // the scheduler may start the task from the first run on
  const json& ecs = s.params["Target"]["EcsParameters"];
  s.summary =
      fmt::format("{}: {}, {} x task {}{}", text_of(s.params.value("Name", json())),
                  text_of(s.params.value("ScheduleExpression", json())), ecs.value("TaskCount", 1),
                  p.get_ref(b, "task") ? p.get_ref(b, "task")->path : "?",
                  s.params.value("State", "") == "DISABLED" ? ", paused" : "");
}

} // namespace ecl::backend::plan
