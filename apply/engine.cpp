#include "apply/engine.h"

#include <algorithm>
#include <condition_variable>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace ecl::apply {

using backend::plan::Plan;
using backend::plan::Step;

namespace {

// ---- Semantic comparison ------------------------------------------------------------------------

// A value in a canonical form: objects with sorted members, tag lists sorted by key.
nlohmann::json canonical(const json& value) {
  if (value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [k, v] : value.items()) {
      out[k] = canonical(v);
    }
    return out;
  }
  if (value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : value) {
      out.push_back(canonical(v));
    }
    bool tags = !out.empty() && std::all_of(out.begin(), out.end(), [](const nlohmann::json& v) {
      return v.is_object() && (v.contains("Key") || v.contains("key"));
    });
    if (tags) {
      std::sort(out.begin(), out.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
        return a.value("Key", a.value("key", "")) < b.value("Key", b.value("key", ""));
      });
    }
    return out;
  }
  return nlohmann::json(value);
}

// The top-level members whose values differ, in the new request's order then the old's.
std::vector<std::string> changed_members(const json& before, const json& after) {
  std::vector<std::string> out;
  for (const auto& [k, v] : after.items()) {
    if (!before.contains(k) || canonical(before[k]) != canonical(v)) {
      out.push_back(k);
    }
  }
  for (const auto& [k, v] : before.items()) {
    if (!after.contains(k)) {
      out.push_back(k);
    }
  }
  return out;
}

// The steps a value's placeholders name.
void referenced_steps(const json& value, const std::set<std::string, std::less<>>& ids,
                      std::set<std::string>& out) {
  if (value.is_string()) {
    for (const auto& [step, path] : backend::plan::placeholders(value.get<std::string>(), ids)) {
      out.insert(step);
    }
  } else if (value.is_structured()) {
    for (const auto& v : value) {
      referenced_steps(v, ids, out);
    }
  }
}

// Calls that set something and can simply be made again with the new values.
bool is_idempotent_put(const std::string& operation) {
  static const std::set<std::string> ops = {"ModifyVpcAttribute", "ModifySubnetAttribute",
                                            "PutRetentionPolicy", "PutClusterCapacityProviders",
                                            "PutRolePolicy"};
  return ops.count(operation) > 0;
}

// What UpdateService takes of CreateService's request.
const std::set<std::string>& service_updatable() {
  static const std::set<std::string> members = {"desiredCount",
                                                "taskDefinition",
                                                "networkConfiguration",
                                                "capacityProviderStrategy",
                                                "deploymentConfiguration",
                                                "healthCheckGracePeriodSeconds",
                                                "placementConstraints",
                                                "placementStrategy",
                                                "enableExecuteCommand",
                                                "propagateTags",
                                                "enableECSManagedTags",
                                                "platformVersion"};
  return members;
}

std::string short_value(const json& v) {
  std::string text = v.is_string() ? v.get<std::string>() : v.dump();
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

// ---- Tags ---------------------------------------------------------------------------------------

// The request members that carry a resource's tags, in the shapes of the five services.
bool is_tag_member(const std::string& member) {
  return member == "TagSpecifications" || member == "Tags" || member == "tags";
}

using TagMap = std::map<std::string, std::string>;

// A request's tags as key -> value, whichever shape carries them: EC2's TagSpecifications, IAM's
// and Auto Scaling's `Tags` lists, ECS's `tags` list or CloudWatch Logs' `tags` map.
TagMap tag_map(const json& request) {
  TagMap out;
  auto add_list = [&](const json& list) {
    if (!list.is_array()) {
      return;
    }
    for (const json& t : list) {
      if (!t.is_object()) {
        continue;
      }
      std::string key = t.value("Key", t.value("key", ""));
      const json& v = t.contains("Value") ? t["Value"] : t.contains("value") ? t["value"] : json();
      out[key] = v.is_string() ? v.get<std::string>() : v.dump();
    }
  };
  if (request.contains("TagSpecifications") && request["TagSpecifications"].is_array()) {
    for (const json& spec : request["TagSpecifications"]) {
      add_list(spec.value("Tags", json::array()));
    }
  }
  if (request.contains("Tags")) {
    add_list(request["Tags"]);
  }
  if (request.contains("tags")) {
    const json& tags = request["tags"];
    if (tags.is_object()) {
      for (const auto& [k, v] : tags.items()) {
        out[k] = v.is_string() ? v.get<std::string>() : v.dump();
      }
    } else {
      add_list(tags);
    }
  }
  return out;
}

// For people: `env prod -> staging, +owner=ops, -cost_center`.
std::string describe_tags(const TagMap& before, const TagMap& after) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : after) {
    auto it = before.find(k);
    if (it == before.end()) {
      parts.push_back(fmt::format("+{}={}", k, short_value(v)));
    } else if (it->second != v) {
      parts.push_back(fmt::format("{} {} -> {}", k, short_value(it->second), short_value(v)));
    }
  }
  for (const auto& [k, v] : before) {
    if (!after.count(k)) {
      parts.push_back("-" + k);
    }
  }
  std::string out = "tags ";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i ? ", " : "") + parts[i];
  }
  return out;
}

// The id EC2's tag calls take: the `id` value, else an `...Id` output (AllocationId).
std::string ec2_resource_id(const Entry& e) {
  if (!e.resource.empty()) {
    return e.resource;
  }
  for (const auto& [path, v] : e.outputs.items()) {
    if (path.ends_with("Id") && v.is_string()) {
      return v.get<std::string>();
    }
  }
  return "";
}

std::string arn_of(const Entry& e) {
  for (const auto& [path, v] : e.outputs.items()) {
    if (v.is_string() && v.get<std::string>().rfind("arn:", 0) == 0) {
      return v.get<std::string>();
    }
  }
  return "";
}

// The call that changes the tags of what `operation` created in place ("" when its tags cannot
// change without replacing it: a security group rule's id is not recorded).
std::string tag_call(const std::string& service, const std::string& operation, const Entry& e) {
  if (service == "ec2") {
    return ec2_resource_id(e).empty() ? "" : "ec2:CreateTags";
  }
  if (service == "ecs") {
    return arn_of(e).empty() ? "" : "ecs:TagResource";
  }
  if (operation == "CreateRole") {
    return "iam:TagRole";
  }
  if (operation == "CreateInstanceProfile") {
    return "iam:TagInstanceProfile";
  }
  if (operation == "CreateLogGroup") {
    return "logs:TagLogGroup";
  }
  if (operation == "CreateAutoScalingGroup") {
    return "autoscaling:CreateOrUpdateTags";
  }
  return "";
}

// How a changed step changes: update in place, or replace with a reason.
Change classify(const Step& step, const Entry& entry) {
  Change c;
  c.id = step.id;
  c.step = &step;
  std::vector<std::string> members = changed_members(entry.params, step.params);
  std::vector<std::string> untagged; // the members that changed besides the tags
  bool tags_changed = false;
  for (const std::string& m : members) {
    if (is_tag_member(m)) {
      tags_changed = true;
    } else {
      untagged.push_back(m);
    }
  }
  std::string tag_text =
      tags_changed ? describe_tags(tag_map(entry.params), tag_map(step.params)) : "";
  std::string tagger = tags_changed ? tag_call(step.service, step.operation, entry) : "";
  if (tags_changed && untagged.empty() && !tagger.empty()) {
    // Only the tags: they change in place, whatever the resource (even a task definition).
    c.action = Action::Update;
    c.call = tagger;
    c.reason = tag_text;
    return c;
  }
  auto describe = [&](const std::string& m) {
    if (is_tag_member(m)) {
      return tag_text;
    }
    const json& old_list = entry.params.value(m, json());
    const json& new_list = step.params.value(m, json());
    if (m == "containerDefinitions" && old_list.is_array() && new_list.is_array()) {
      // Name the container and the member that changed.
      for (std::size_t i = 0; i < std::min(old_list.size(), new_list.size()); ++i) {
        for (const std::string& k : changed_members(old_list[i], new_list[i])) {
          return fmt::format("container `{}` {} {} -> {}", new_list[i].value("name", ""), k,
                             old_list[i].contains(k) ? short_value(old_list[i][k]) : "(none)",
                             new_list[i].contains(k) ? short_value(new_list[i][k]) : "(none)");
        }
      }
    }
    std::string before = entry.params.contains(m) ? short_value(entry.params[m]) : "(none)";
    std::string after = step.params.contains(m) ? short_value(step.params[m]) : "(none)";
    return fmt::format("{} {} -> {}", m, before, after);
  };
  // What a replacement is for: the first member besides the tags that changed.
  const std::string& first = untagged.empty() ? members.front() : untagged.front();
  if (step.operation == "RegisterTaskDefinition") {
    c.action = Action::Replace;
    c.call = "ecs:RegisterTaskDefinition";
    c.reason =
        "task definitions are immutable: a new revision is registered (" + describe(first) + ")";
    return c;
  }
  if (step.operation == "CreateService" &&
      std::all_of(members.begin(), members.end(), [&](const std::string& m) {
        // Tags change with TagResource / UntagResource beside the UpdateService call.
        return service_updatable().count(m) > 0 || (is_tag_member(m) && !tagger.empty());
      })) {
    c.action = Action::Update;
    c.call = "ecs:UpdateService";
    c.reason = describe(members.front());
    for (std::size_t i = 1; i < members.size(); ++i) {
      c.reason += ", " + describe(members[i]);
    }
    return c;
  }
  if (is_idempotent_put(step.operation)) {
    c.action = Action::Update;
    c.call = step.service + ":" + step.operation;
    c.reason = describe(members.front());
    return c;
  }
  c.action = Action::Replace;
  c.call = step.service + ":" + step.operation;
  const std::string& m = first;
  if (step.operation == "CreateSubnet" && m == "CidrBlock") {
    c.reason = "a subnet's CIDR block cannot change in place (" + describe(m) + ")";
  } else if (is_tag_member(m)) {
    c.reason = "its tags cannot change in place: its id is not recorded (" + describe(m) + ")";
  } else {
    c.reason = fmt::format("`{}` cannot change in place ({})", m, describe(m));
  }
  return c;
}

// ---- Calls of each change -----------------------------------------------------------------------

// One API call.
struct Request {
  std::string service;
  std::string operation;
  json params;
};

bool already_gone(const Result& r) {
  return r.code.find("NotFound") != std::string::npos || r.code == "NoSuchEntity" ||
         r.code == "ResourceNotFoundException" || r.code == "InvalidAssociationID.NotFound";
}

// ---- Waiting for what AWS does after answering --------------------------------------------------

enum class Poll { Done, Pending, Failed };

// Some calls answer before their work is done: a NAT gateway is `pending` for minutes after
// CreateNatGateway and `deleting` after DeleteNatGateway (its addresses stay in use, so its
// elastic IP cannot be released nor its subnet deleted), a deleted service drains its tasks
// (its cluster cannot be deleted meanwhile). A waiter reads the state back until it is there.
struct Waiter {
  std::string what; // for people: "NAT gateway nat-0abc to be deleted"
  Request probe;    // the describe call
  // Done, still pending or failed, from the probe's answer; `state` is what the answer says.
  std::function<Poll(const Result& r, std::string& state)> check;
};

Waiter nat_waiter(const std::string& id, bool deleting) {
  Waiter w;
  w.what = fmt::format("NAT gateway {} to be {}", id, deleting ? "deleted" : "available");
  w.probe = {"ec2", "DescribeNatGateways", {{"NatGatewayIds", json::array({id})}}};
  w.check = [deleting](const Result& r, std::string& state) {
    json s = response_value(r.response, "NatGatewaySet[0].State");
    state = r.ok && s.is_string() ? s.get<std::string>() : "gone";
    if (deleting) {
      return state == "deleted" || state == "gone" ? Poll::Done : Poll::Pending;
    }
    if (state == "available") {
      return Poll::Done;
    }
    if (state == "pending" || state == "gone") {
      return Poll::Pending; // "gone": not yet visible to describe calls (eventual consistency)
    }
    json why = response_value(r.response, "NatGatewaySet[0].FailureMessage");
    if (why.is_string()) {
      state += ": " + why.get<std::string>();
    }
    return Poll::Failed; // failed, deleting, deleted
  };
  return w;
}

Waiter service_waiter(const std::string& cluster, const std::string& service) {
  Waiter w;
  w.what = fmt::format("service {} to drain and become inactive", service);
  w.probe = {
      "ecs", "DescribeServices", {{"cluster", cluster}, {"services", json::array({service})}}};
  w.check = [](const Result& r, std::string& state) {
    json s = response_value(r.response, "services[0].status");
    state = r.ok && s.is_string() ? s.get<std::string>() : "gone";
    return state == "INACTIVE" || state == "gone" ? Poll::Done : Poll::Pending;
  };
  return w;
}

Waiter endpoint_waiter(const std::string& id) {
  Waiter w;
  w.what = fmt::format("VPC endpoint {} to be deleted", id);
  w.probe = {"ec2", "DescribeVpcEndpoints", {{"VpcEndpointIds", json::array({id})}}};
  w.check = [](const Result& r, std::string& state) {
    json s = response_value(r.response, "VpcEndpointSet[0].State");
    state = r.ok && s.is_string() ? s.get<std::string>() : "gone";
    std::string lower = state;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return lower == "deleted" || lower == "gone" ? Poll::Done : Poll::Pending;
  };
  return w;
}

Waiter group_waiter(const std::string& name) {
  Waiter w;
  w.what = fmt::format("auto scaling group {} to be deleted", name);
  w.probe = {
      "autoscaling", "DescribeAutoScalingGroups", {{"AutoScalingGroupNames", json::array({name})}}};
  w.check = [](const Result& r, std::string& state) {
    json s = response_value(r.response, "AutoScalingGroups[0].Status");
    json name_of = response_value(r.response, "AutoScalingGroups[0].AutoScalingGroupName");
    if (!r.ok || name_of.is_null()) {
      state = "gone";
      return Poll::Done;
    }
    state = s.is_string() ? s.get<std::string>() : "in service";
    return Poll::Pending;
  };
  return w;
}

// Probes until the waiter is done, with growing pauses (first_delay, doubling up to max_delay),
// for at most `timeout`; `on_poll` hears what is awaited after each probe that says not yet.
bool wait_until(const Client& client, const Waiter& w, const WaitPolicy& policy,
                const std::function<void(const std::string&)>& on_poll, std::string& error) {
  using clock = std::chrono::steady_clock;
  auto start = clock::now();
  auto delay = policy.first_delay;
  std::string state;
  while (true) {
    Result r = client.call(w.probe.service, w.probe.operation, w.probe.params);
    if (!r.ok && !already_gone(r)) {
      error = fmt::format("waiting for {}: {}:{} failed: {}: {}", w.what, w.probe.service,
                          w.probe.operation, r.code, r.message);
      return false;
    }
    Poll p = w.check(r, state);
    if (p == Poll::Done) {
      return true;
    }
    if (p == Poll::Failed) {
      error = fmt::format("waiting for {}: it is {}", w.what, state);
      return false;
    }
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - start);
    if (elapsed >= policy.timeout) {
      error = fmt::format("timed out after {} s waiting for {} (last state: {}); raise "
                          "--wait-timeout, or run the command again to go on waiting",
                          std::chrono::duration_cast<std::chrono::seconds>(policy.timeout).count(),
                          w.what, state);
      return false;
    }
    on_poll(fmt::format("waiting for {} ({}, {} s)", w.what, state,
                        std::chrono::duration_cast<std::chrono::seconds>(elapsed).count()));
    std::this_thread::sleep_for(std::min(delay, policy.timeout - elapsed));
    delay = std::min(delay * 2, policy.max_delay);
  }
}

// A call, and what to wait for once AWS accepted it.
struct Call {
  std::string service;
  std::string operation;
  json params;
  std::optional<Waiter> then = std::nullopt;
};

std::string out_value(const Entry& e, const std::string& path) {
  if (e.outputs.contains(path) && !e.outputs[path].is_null()) {
    const json& v = e.outputs[path];
    return v.is_string() ? v.get<std::string>() : v.dump();
  }
  return "";
}

std::string req(const Entry& e, const std::string& member) {
  return e.request.contains(member) && e.request[member].is_string()
             ? e.request[member].get<std::string>()
             : "";
}

// The calls that delete what an entry's create call made (none for calls that only configure
// what another entry deletes).
std::vector<Call> delete_calls(const Entry& e) {
  const std::string& op = e.operation;
  if (op == "CreateVpc") {
    return {{"ec2", "DeleteVpc", {{"VpcId", out_value(e, "Vpc.VpcId")}}}};
  }
  if (op == "CreateSubnet") {
    return {{"ec2", "DeleteSubnet", {{"SubnetId", out_value(e, "Subnet.SubnetId")}}}};
  }
  if (op == "CreateInternetGateway") {
    return {{"ec2",
             "DeleteInternetGateway",
             {{"InternetGatewayId", out_value(e, "InternetGateway.InternetGatewayId")}}}};
  }
  if (op == "AttachInternetGateway") {
    return {{"ec2",
             "DetachInternetGateway",
             {{"InternetGatewayId", req(e, "InternetGatewayId")}, {"VpcId", req(e, "VpcId")}}}};
  }
  if (op == "AllocateAddress") {
    return {{"ec2", "ReleaseAddress", {{"AllocationId", out_value(e, "AllocationId")}}}};
  }
  if (op == "CreateNatGateway") {
    std::string id = out_value(e, "NatGateway.NatGatewayId");
    return {{"ec2", "DeleteNatGateway", {{"NatGatewayId", id}}, nat_waiter(id, true)}};
  }
  if (op == "CreateRouteTable") {
    return {
        {"ec2", "DeleteRouteTable", {{"RouteTableId", out_value(e, "RouteTable.RouteTableId")}}}};
  }
  if (op == "AssociateRouteTable") {
    return {{"ec2", "DisassociateRouteTable", {{"AssociationId", out_value(e, "AssociationId")}}}};
  }
  if (op == "CreateRoute") {
    return {{"ec2",
             "DeleteRoute",
             {{"RouteTableId", req(e, "RouteTableId")},
              {"DestinationCidrBlock", req(e, "DestinationCidrBlock")}}}};
  }
  if (op == "CreateVpcEndpoint") {
    std::string id = out_value(e, "VpcEndpoint.VpcEndpointId");
    return {{"ec2",
             "DeleteVpcEndpoints",
             {{"VpcEndpointIds", json::array({id})}},
             endpoint_waiter(id)}};
  }
  if (op == "CreateSecurityGroup") {
    return {{"ec2", "DeleteSecurityGroup", {{"GroupId", out_value(e, "GroupId")}}}};
  }
  if (op == "AuthorizeSecurityGroupIngress" || op == "AuthorizeSecurityGroupEgress") {
    json params = e.request;
    return {{"ec2",
             op == "AuthorizeSecurityGroupIngress" ? "RevokeSecurityGroupIngress"
                                                   : "RevokeSecurityGroupEgress",
             {{"GroupId", params.value("GroupId", "")},
              {"IpPermissions", params.value("IpPermissions", json::array())}}}};
  }
  if (op == "CreateLaunchTemplate") {
    return {{"ec2",
             "DeleteLaunchTemplate",
             {{"LaunchTemplateId", out_value(e, "LaunchTemplate.LaunchTemplateId")}}}};
  }
  if (op == "CreateRole") {
    return {{"iam", "DeleteRole", {{"RoleName", req(e, "RoleName")}}}};
  }
  if (op == "AttachRolePolicy") {
    return {{"iam",
             "DetachRolePolicy",
             {{"RoleName", req(e, "RoleName")}, {"PolicyArn", req(e, "PolicyArn")}}}};
  }
  if (op == "PutRolePolicy") {
    return {{"iam",
             "DeleteRolePolicy",
             {{"RoleName", req(e, "RoleName")}, {"PolicyName", req(e, "PolicyName")}}}};
  }
  if (op == "CreateInstanceProfile") {
    return {
        {"iam", "DeleteInstanceProfile", {{"InstanceProfileName", req(e, "InstanceProfileName")}}}};
  }
  if (op == "AddRoleToInstanceProfile") {
    return {{"iam",
             "RemoveRoleFromInstanceProfile",
             {{"InstanceProfileName", req(e, "InstanceProfileName")},
              {"RoleName", req(e, "RoleName")}}}};
  }
  if (op == "CreateLogGroup") {
    return {{"logs", "DeleteLogGroup", {{"logGroupName", req(e, "logGroupName")}}}};
  }
  if (op == "CreateAutoScalingGroup") {
    std::string name = req(e, "AutoScalingGroupName");
    return {{"autoscaling",
             "DeleteAutoScalingGroup",
             {{"AutoScalingGroupName", name}, {"ForceDelete", true}},
             group_waiter(name)}};
  }
  if (op == "CreateCluster") {
    return {{"ecs", "DeleteCluster", {{"cluster", out_value(e, "cluster.clusterArn")}}}};
  }
  if (op == "PutClusterCapacityProviders") {
    // A cluster's providers must be let go before a provider can be deleted.
    return {{"ecs",
             "PutClusterCapacityProviders",
             {{"cluster", req(e, "cluster")},
              {"capacityProviders", json::array()},
              {"defaultCapacityProviderStrategy", json::array()}}}};
  }
  if (op == "CreateCapacityProvider") {
    return {{"ecs", "DeleteCapacityProvider", {{"capacityProvider", req(e, "name")}}}};
  }
  if (op == "RegisterTaskDefinition") {
    return {{"ecs",
             "DeregisterTaskDefinition",
             {{"taskDefinition", out_value(e, "taskDefinition.taskDefinitionArn")}}}};
  }
  if (op == "CreateService") {
    std::string cluster = req(e, "cluster"), service = req(e, "serviceName");
    return {
        {"ecs", "UpdateService", {{"cluster", cluster}, {"service", service}, {"desiredCount", 0}}},
        {"ecs",
         "DeleteService",
         {{"cluster", cluster}, {"service", service}, {"force", true}},
         service_waiter(cluster, service)}};
  }
  return {}; // ModifyVpcAttribute, RevokeSecurityGroupEgress, PutRetentionPolicy, reads...
}

// The calls that bring the tags of what an entry made from its recorded request's to `request`'s:
// the removed keys untagged, the added and changed ones tagged.
std::vector<Call> tag_calls(const Entry& e, const json& request) {
  TagMap before = tag_map(e.request), after = tag_map(request);
  std::vector<std::string> removed;
  TagMap set;
  for (const auto& [k, v] : before) {
    if (!after.count(k)) {
      removed.push_back(k);
    }
  }
  for (const auto& [k, v] : after) {
    auto it = before.find(k);
    if (it == before.end() || it->second != v) {
      set[k] = v;
    }
  }
  // The tags as a list of {key, value} objects of the service's spelling.
  auto pairs = [&](const char* key, const char* value) {
    json out = json::array();
    for (const auto& [k, v] : set) {
      out.push_back({{key, k}, {value, v}});
    }
    return out;
  };
  json keys = json::array();
  for (const std::string& k : removed) {
    keys.push_back(k);
  }
  std::vector<Call> out;
  auto add = [&](bool any, const char* service, const char* operation, json params) {
    if (any) {
      out.push_back({service, operation, std::move(params)});
    }
  };
  const std::string& op = e.operation;
  if (e.service == "ec2") {
    json ids = json::array({ec2_resource_id(e)});
    json key_objects = json::array();
    for (const std::string& k : removed) {
      key_objects.push_back({{"Key", k}});
    }
    add(!removed.empty(), "ec2", "DeleteTags", {{"Resources", ids}, {"Tags", key_objects}});
    add(!set.empty(), "ec2", "CreateTags", {{"Resources", ids}, {"Tags", pairs("Key", "Value")}});
  } else if (e.service == "ecs") {
    std::string arn = arn_of(e);
    add(!removed.empty(), "ecs", "UntagResource", {{"resourceArn", arn}, {"tagKeys", keys}});
    add(!set.empty(), "ecs", "TagResource",
        {{"resourceArn", arn}, {"tags", pairs("key", "value")}});
  } else if (op == "CreateRole") {
    std::string name = req(e, "RoleName");
    add(!removed.empty(), "iam", "UntagRole", {{"RoleName", name}, {"TagKeys", keys}});
    add(!set.empty(), "iam", "TagRole", {{"RoleName", name}, {"Tags", pairs("Key", "Value")}});
  } else if (op == "CreateInstanceProfile") {
    std::string name = req(e, "InstanceProfileName");
    add(!removed.empty(), "iam", "UntagInstanceProfile",
        {{"InstanceProfileName", name}, {"TagKeys", keys}});
    add(!set.empty(), "iam", "TagInstanceProfile",
        {{"InstanceProfileName", name}, {"Tags", pairs("Key", "Value")}});
  } else if (op == "CreateLogGroup") {
    std::string name = req(e, "logGroupName");
    json map = json::object();
    for (const auto& [k, v] : set) {
      map[k] = v;
    }
    add(!removed.empty(), "logs", "UntagLogGroup", {{"logGroupName", name}, {"tags", keys}});
    add(!set.empty(), "logs", "TagLogGroup", {{"logGroupName", name}, {"tags", map}});
  } else if (op == "CreateAutoScalingGroup") {
    // Auto Scaling's tags name their group and say whether instances inherit them.
    std::string name = req(e, "AutoScalingGroupName");
    json gone = json::array(), tags = json::array();
    for (const std::string& k : removed) {
      gone.push_back({{"ResourceId", name}, {"ResourceType", "auto-scaling-group"}, {"Key", k}});
    }
    for (const json& t : request.value("Tags", json::array())) {
      if (t.is_object() && set.count(t.value("Key", ""))) {
        tags.push_back(t);
      }
    }
    add(!removed.empty(), "autoscaling", "DeleteTags", {{"Tags", gone}});
    add(!set.empty(), "autoscaling", "CreateOrUpdateTags", {{"Tags", tags}});
  }
  return out;
}

// Errors that, for a call that may already have been made, mean it was.
bool already_done(const Result& r) {
  static const std::set<std::string> codes = {"Resource.AlreadyAssociated",
                                              "InvalidPermission.Duplicate",
                                              "RouteAlreadyExists",
                                              "EntityAlreadyExists",
                                              "ResourceAlreadyExistsException",
                                              "AlreadyExists",
                                              "LimitExceeded",
                                              "InvalidPermission.NotFound",
                                              "InvalidGroup.Duplicate"};
  return codes.count(r.code) > 0;
}

// ---- Filling placeholders -----------------------------------------------------------------------

// A plan value with each `${step.path}` replaced by the text of the value the state holds.
bool fill(const json& value, const State& state, const std::set<std::string, std::less<>>& ids,
          json& out, std::string& error) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    std::string result;
    std::size_t i = 0;
    while (i < text.size()) {
      if (text.compare(i, 3, "$${") == 0) {
        result += "${";
        i += 3;
        continue;
      }
      if (text.compare(i, 2, "${") != 0) {
        result += text[i++];
        continue;
      }
      std::size_t close = text.find('}', i);
      if (close == std::string::npos) {
        result += text.substr(i);
        break;
      }
      std::string inner = text.substr(i + 2, close - i - 2);
      auto refs = backend::plan::placeholders("${" + inner + "}", ids);
      if (refs.empty()) {
        error = "placeholder `${" + inner + "}` names no step";
        return false;
      }
      const Entry* e = state.find(refs.front().first);
      if (!e || e->pending || !e->outputs.contains(refs.front().second)) {
        error = "no value for `${" + inner + "}` in the state";
        return false;
      }
      const json& v = e->outputs[refs.front().second];
      result += v.is_string() ? v.get<std::string>() : v.dump();
      i = close + 1;
    }
    out = result;
    return true;
  }
  if (value.is_object()) {
    out = json::object();
    for (const auto& [k, v] : value.items()) {
      json filled;
      if (!fill(v, state, ids, filled, error)) {
        return false;
      }
      out[k] = std::move(filled);
    }
    return true;
  }
  if (value.is_array()) {
    out = json::array();
    for (const auto& v : value) {
      json filled;
      if (!fill(v, state, ids, filled, error)) {
        return false;
      }
      out.push_back(std::move(filled));
    }
    return true;
  }
  out = value;
  return true;
}

// ---- Finding what an interrupted call made ------------------------------------------------------

// EC2 creates carry the `ecl:path` tag: find the resource by it.
struct TaggedLookup {
  const char* create;
  const char* describe;
  const char* list;    // the list in the XML answer (its wire name)
  const char* wrapper; // the create answer's member holding the resource, or ""
};

constexpr TaggedLookup kTagged[] = {
    {"CreateVpc", "DescribeVpcs", "VpcSet", "Vpc"},
    {"CreateSubnet", "DescribeSubnets", "SubnetSet", "Subnet"},
    {"CreateInternetGateway", "DescribeInternetGateways", "InternetGatewaySet", "InternetGateway"},
    {"CreateRouteTable", "DescribeRouteTables", "RouteTableSet", "RouteTable"},
    {"CreateSecurityGroup", "DescribeSecurityGroups", "SecurityGroupInfo", ""},
    {"CreateNatGateway", "DescribeNatGateways", "NatGatewaySet", "NatGateway"},
    {"AllocateAddress", "DescribeAddresses", "AddressesSet", ""},
    {"CreateVpcEndpoint", "DescribeVpcEndpoints", "VpcEndpointSet", "VpcEndpoint"},
    {"CreateLaunchTemplate", "DescribeLaunchTemplates", "LaunchTemplates", "LaunchTemplate"},
};

// The answer the interrupted create call would have given, when what it creates exists: found
// by tag, name or association. Nullopt when it does not exist (the call never reached AWS).
std::optional<json> recover(const Client& client, const Step& step, const json& request,
                            std::string& error) {
  auto first = [](const Result& r, const std::string& list) -> std::optional<json> {
    json items = response_value(r.response, list);
    if (r.ok && items.is_array() && !items.empty()) {
      return items[0];
    }
    return std::nullopt;
  };
  for (const auto& t : kTagged) {
    if (step.operation != t.create) {
      continue;
    }
    json filters = json::array({{{"Name", "tag:ecl:path"}, {"Values", json::array({step.block})}}});
    Result r = client.call("ec2", t.describe, {{"Filters", filters}});
    if (!r.ok) {
      error = fmt::format("{}: {}", r.code, r.message);
      return std::nullopt;
    }
    // The tag is checked here too: moto ignores some kinds' tag filters.
    json items = response_value(r.response, t.list);
    for (const json& item : items.is_array() ? items : json::array()) {
      json tags = item.value("TagSet", json::array());
      bool ours =
          tags.is_array() && std::any_of(tags.begin(), tags.end(), [&](const json& tag) {
            return tag.value("Key", "") == "ecl:path" && tag.value("Value", "") == step.block;
          });
      std::string state = item.value("State", "");
      if (ours && state != "deleted" && state != "deleting") {
        return std::string(t.wrapper).empty() ? item : json{{t.wrapper, item}};
      }
    }
    return std::nullopt;
  }
  if (step.operation == "CreateService") {
    Result r = client.call("ecs", "DescribeServices",
                           {{"cluster", request.value("cluster", "")},
                            {"services", json::array({request.value("serviceName", "")})}});
    auto item = first(r, "services");
    if (item && item->value("status", "") == "ACTIVE") {
      return json{{"service", *item}};
    }
    return std::nullopt;
  }
  if (step.operation == "RegisterTaskDefinition") {
    Result r = client.call("ecs", "DescribeTaskDefinition",
                           {{"taskDefinition", request.value("family", "")}});
    if (!r.ok) {
      return std::nullopt;
    }
    // The latest revision is ours when its containers are those of the request.
    json got = response_value(r.response, "taskDefinition");
    auto images = [](const json& td) {
      std::vector<std::pair<std::string, std::string>> out;
      for (const auto& c : td.value("containerDefinitions", json::array())) {
        out.emplace_back(c.value("name", ""), c.value("image", ""));
      }
      return out;
    };
    if (got.is_object() && images(got) == images(request)) {
      return json{{"taskDefinition", got}};
    }
    return std::nullopt;
  }
  if (step.operation == "CreateCapacityProvider") {
    Result r = client.call("ecs", "DescribeCapacityProviders",
                           {{"capacityProviders", json::array({request.value("name", "")})}});
    auto item = first(r, "capacityProviders");
    return item ? std::optional<json>(json{{"capacityProvider", *item}}) : std::nullopt;
  }
  if (step.operation == "CreateRole") {
    Result r = client.call("iam", "GetRole", {{"RoleName", request.value("RoleName", "")}});
    return r.ok ? std::optional<json>(r.response) : std::nullopt;
  }
  if (step.operation == "CreateInstanceProfile") {
    Result r = client.call("iam", "GetInstanceProfile",
                           {{"InstanceProfileName", request.value("InstanceProfileName", "")}});
    return r.ok ? std::optional<json>(r.response) : std::nullopt;
  }
  if (step.operation == "AssociateRouteTable") {
    Result r = client.call("ec2", "DescribeRouteTables",
                           {{"RouteTableIds", json::array({request.value("RouteTableId", "")})}});
    json table = response_value(r.response, "RouteTableSet[0].AssociationSet");
    if (table.is_array()) {
      for (const auto& a : table) {
        if (a.value("SubnetId", "") == request.value("SubnetId", "")) {
          return json{{"AssociationId", a.value("RouteTableAssociationId", "")}};
        }
      }
    }
    return std::nullopt;
  }
  return std::nullopt; // calls that may simply be made again (already_done covers a repeat)
}

// ---- Running a graph of tasks -------------------------------------------------------------------

struct Task {
  std::string label;                  // "ec2:CreateVpc main"
  std::vector<std::size_t> waits_for; // task indexes
  std::function<bool(std::string& error)> run;
};

// Runs each task once all it waits for are done, at most `parallelism` at once. Stops starting
// tasks at the first failure; returns false with its error.
bool run_graph(std::vector<Task>& tasks, int parallelism, std::string& error) {
  std::mutex m;
  std::condition_variable cv;
  std::vector<int> state(tasks.size(), 0); // 0 waiting, 1 running, 2 done
  std::size_t running = 0, done = 0;
  bool failed = false;
  std::unique_lock lock(m);
  std::vector<std::thread> threads;
  while (done < tasks.size()) {
    if (!failed) {
      for (std::size_t i = 0; i < tasks.size() && running < static_cast<std::size_t>(parallelism);
           ++i) {
        if (state[i] != 0) {
          continue;
        }
        bool ready = std::all_of(tasks[i].waits_for.begin(), tasks[i].waits_for.end(),
                                 [&](std::size_t d) { return state[d] == 2; });
        if (!ready) {
          continue;
        }
        state[i] = 1;
        ++running;
        threads.emplace_back([&, i] {
          std::string task_error;
          bool ok = tasks[i].run(task_error);
          std::lock_guard guard(m);
          state[i] = 2;
          --running;
          ++done;
          if (!ok && !failed) {
            failed = true;
            error = task_error;
          }
          cv.notify_all();
        });
      }
    }
    if (running == 0) {
      break; // failed, or nothing can start (cannot happen: the plan is ordered)
    }
    cv.wait(lock);
  }
  lock.unlock();
  for (auto& t : threads) {
    t.join();
  }
  if (!failed && done < tasks.size()) {
    error = "the remaining calls wait for each other";
    return false;
  }
  return !failed;
}

// What people see while calls run. On a terminal the last line names the call in flight (the
// oldest, and how many more run beside it) and is rewritten in place ("\r", erase to the end of
// the line) as calls start and end; lines of finished work are printed above it once. Elsewhere
// (a log, a pipe) only the finished lines, one a line. The caller holds the executor's lock.
class Progress {
public:
  Progress(std::ostream& out, bool tty, int width) : out_(out), tty_(tty), width_(width) {}
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  std::size_t total = 0;    // the changes to make
  std::size_t finished = 0; // those made

  // A call starts: `what` is "ec2:CreateSubnet main.private_a".
  int begin(std::string what) {
    int id = next_++;
    flight_.emplace(id, std::move(what));
    draw();
    return id;
  }
  void update(int id, std::string what) {
    flight_[id] = std::move(what);
    draw();
  }
  void end(int id) {
    flight_.erase(id);
    draw();
  }
  // A line of its own: a retry, one call of a deletion.
  void line(const std::string& text) {
    clear();
    out_ << text << "\n";
    draw();
  }
  // A change is made.
  void done(const std::string& text) {
    ++finished;
    line(fmt::format("[{}/{}] {}", finished, total, text));
  }

private:
  void clear() {
    if (shown_) {
      out_ << "\r\x1b[K";
      shown_ = false;
    }
  }
  void draw() {
    if (!tty_) {
      out_.flush();
      return;
    }
    clear();
    if (!flight_.empty()) {
      std::string text = fmt::format("[{}/{}] {} ...", std::min(finished + 1, total), total,
                                     flight_.begin()->second);
      if (flight_.size() > 1) {
        text += fmt::format(" (+{} more in flight)", flight_.size() - 1);
      }
      // A line wider than the terminal wraps, and "\r" would then rewrite only its last row.
      if (width_ > 1 && text.size() >= static_cast<std::size_t>(width_)) {
        text.resize(static_cast<std::size_t>(width_) - 1);
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
          text.pop_back(); // never half a UTF-8 sequence
        }
        if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) {
          text.pop_back();
        }
      }
      out_ << text;
      shown_ = true;
    }
    out_.flush();
  }

  std::ostream& out_;
  bool tty_;
  int width_;
  bool shown_ = false;
  int next_ = 0;
  std::map<int, std::string> flight_;
};

const char* action_symbol(Action a) {
  switch (a) {
  case Action::Create:
    return "+";
  case Action::Update:
    return "~";
  case Action::Replace:
    return "-/+";
  case Action::Delete:
    return "-";
  }
  return "?";
}

} // namespace

std::vector<Change> diff(const Plan& plan, const State& state) {
  std::vector<Change> out;
  std::set<std::string, std::less<>> ids;
  for (const Step& s : plan.steps) {
    ids.insert(s.id);
  }
  std::set<std::string> renewed; // steps whose values change: created anew or replaced
  for (const Step& s : plan.steps) {
    const Entry* e = state.find(s.id);
    if (s.read) {
      // Reads run whenever what they read is renewed (or they never ran).
      std::set<std::string> refs;
      referenced_steps(s.params, ids, refs);
      bool stale = !e || e->pending ||
                   std::any_of(refs.begin(), refs.end(),
                               [&](const std::string& r) { return renewed.count(r) > 0; });
      if (stale) {
        out.push_back({Action::Create, s.id, &s, e ? "what it reads changes" : "",
                       s.service + ":" + s.operation});
        renewed.insert(s.id);
      }
      continue;
    }
    if (!e || e->pending) {
      out.push_back({Action::Create, s.id, &s, e ? "resumes an interrupted call" : "",
                     s.service + ":" + s.operation});
      renewed.insert(s.id);
      continue;
    }
    std::set<std::string> refs;
    referenced_steps(s.params, ids, refs);
    std::string upstream;
    for (const auto& r : refs) {
      if (renewed.count(r)) {
        upstream = r;
        break;
      }
    }
    bool same = canonical(e->params) == canonical(s.params);
    if (same && upstream.empty()) {
      continue;
    }
    Change c;
    if (!same) {
      c = classify(s, *e);
    } else {
      // Inputs as written, but a value they name is renewed.
      c.id = s.id;
      c.step = &s;
      c.reason = "`" + upstream + "` is renewed";
      if (s.operation == "CreateService" || is_idempotent_put(s.operation)) {
        c.action = Action::Update;
        c.call =
            s.operation == "CreateService" ? "ecs:UpdateService" : s.service + ":" + s.operation;
      } else {
        c.action = s.operation == "RegisterTaskDefinition" ? Action::Replace : Action::Replace;
        c.call = s.service + ":" + s.operation;
      }
    }
    if (c.action == Action::Replace) {
      renewed.insert(s.id);
    }
    out.push_back(std::move(c));
  }
  // What the program no longer has, latest first.
  for (auto it = state.entries.rbegin(); it != state.entries.rend(); ++it) {
    if (!ids.count(it->id)) {
      out.push_back({Action::Delete, it->id, nullptr, "not in the program",
                     it->service + ":" + it->operation});
    }
  }
  return out;
}

std::vector<Change> destroy_changes(const State& state) {
  std::vector<Change> out;
  for (auto it = state.entries.rbegin(); it != state.entries.rend(); ++it) {
    out.push_back({Action::Delete, it->id, nullptr, "", it->service + ":" + it->operation});
  }
  return out;
}

std::string render_changes(const std::vector<Change>& changes, bool color) {
  if (changes.empty()) {
    return "No changes.\n";
  }
  auto paint = [&](Action a, const std::string& text) {
    const char* code = a == Action::Create    ? "\x1b[32m"
                       : a == Action::Update  ? "\x1b[33m"
                       : a == Action::Replace ? "\x1b[35m"
                                              : "\x1b[31m";
    return color ? fmt::format("{}{}\x1b[0m", code, text) : text;
  };
  std::size_t call_width = 0, id_width = 0;
  for (const Change& c : changes) {
    call_width = std::max(call_width, c.call.size());
    id_width = std::max(id_width, c.id.size());
  }
  std::string out;
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const Change& c : changes) {
    ++counts[static_cast<int>(c.action)];
    std::string line = fmt::format("  {:<3} {:<{}}  {:<{}}  {}", action_symbol(c.action), c.call,
                                   call_width, c.id, id_width, c.reason);
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += paint(c.action, line) + "\n";
  }
  out += fmt::format("\nPlan: {} to create, {} to update, {} to replace, {} to delete.\n",
                     counts[0], counts[1], counts[2], counts[3]);
  return out;
}

bool execute(const Client& client, const Plan* plan, State& state,
             const std::vector<Change>& changes, const ExecuteOptions& options, std::ostream& out,
             std::string& error) {
  std::mutex m; // guards state, the state file and the progress output
  std::set<std::string, std::less<>> ids;
  if (plan) {
    for (const Step& s : plan->steps) {
      ids.insert(s.id);
    }
  }
  Progress progress(out, options.tty, options.width);
  auto save = [&](std::string& err) {
    if (!save_state(options.state_path, state, err)) {
      err = "cannot write the state `" + options.state_path + "`: " + err;
      return false;
    }
    return true;
  };
  // One call with its retries, shown in flight while it runs.
  auto make = [&](const std::string& service, const std::string& operation, const json& params,
                  const std::string& id) {
    std::string what = fmt::format("{}:{} {}", service, operation, id);
    int token;
    {
      std::lock_guard guard(m);
      token = progress.begin(what);
    }
    Result r = client.call(service, operation, params, [&](const Result& failed) {
      std::lock_guard guard(m);
      progress.line(
          fmt::format("  retrying {} after {} ({})", what, failed.code,
                      failed.http_status ? std::to_string(failed.http_status) : "no answer"));
    });
    std::lock_guard guard(m);
    progress.end(token);
    return r;
  };
  // Waits for what a call started, shown in flight with the state last read.
  auto await = [&](const Waiter& w, const std::string& id, std::string& err) {
    std::string what = fmt::format("{}:{} {}", w.probe.service, w.probe.operation, id);
    int token;
    {
      std::lock_guard guard(m);
      token = progress.begin(what + ": waiting for " + w.what);
    }
    bool told = false;
    bool ok = wait_until(
        client, w, options.wait,
        [&](const std::string& status) {
          std::lock_guard guard(m);
          if (!options.tty && !told) {
            progress.line("  " + what + ": waiting for " + w.what); // once, for logs
            told = true;
          }
          progress.update(token, what + ": " + status);
        },
        err);
    std::lock_guard guard(m);
    progress.end(token);
    if (!ok) {
      err = fmt::format("step `{}`: {}", id, err);
    }
    return ok;
  };

  // Phase 1: deletions, each after the deletions of what depends on it.
  std::vector<Task> deletes;
  std::map<std::string, std::size_t> delete_index;
  for (const Change& c : changes) {
    if (c.action != Action::Delete && c.action != Action::Replace) {
      continue;
    }
    const Entry* e = state.find(c.id);
    if (!e) {
      continue;
    }
    delete_index[c.id] = deletes.size();
    std::string id = c.id;
    deletes.push_back({fmt::format("delete {}", id), {}, [&, id](std::string& err) {
                         Entry entry;
                         {
                           std::lock_guard guard(m);
                           entry = *state.find(id);
                         }
                         for (const Call& call : delete_calls(entry)) {
                           Result r = make(call.service, call.operation, call.params, id);
                           if (!r.ok && !already_gone(r)) {
                             err = fmt::format("step `{}` ({}:{}) failed: {}: {}", id, call.service,
                                               call.operation, r.code, r.message);
                             return false;
                           }
                           {
                             std::lock_guard guard(m);
                             progress.line(fmt::format("  {}:{} {}{}", call.service, call.operation,
                                                       id, r.ok ? "" : " (already gone)"));
                           }
                           // What depends on it waits until AWS has finished the deletion.
                           if (r.ok && call.then && !await(*call.then, id, err)) {
                             return false;
                           }
                         }
                         std::lock_guard guard(m);
                         state.erase(id);
                         progress.done(fmt::format("deleted {} ({})", id, entry.operation));
                         return save(err);
                       }});
  }
  for (const auto& [id, index] : delete_index) {
    // Deleting `id` waits for the deletion of everything that depends on it.
    for (const auto& [other, other_index] : delete_index) {
      const Entry* e = state.find(other);
      if (e && std::find(e->depends_on.begin(), e->depends_on.end(), id) != e->depends_on.end()) {
        deletes[index].waits_for.push_back(other_index);
      }
    }
  }
  // Transitive dependencies through entries that stay are respected by the plan order the state
  // keeps: an entry that stays blocks nothing here.
  progress.total = deletes.size();
  for (const Change& c : changes) {
    if (c.action != Action::Delete) {
      ++progress.total;
    }
  }
  if (!run_graph(deletes, options.parallelism, error)) {
    return false;
  }

  // Phase 2: creates and updates in plan order.
  std::vector<Task> tasks;
  std::map<std::string, std::size_t> task_index;
  for (const Change& c : changes) {
    if (c.action == Action::Delete || !c.step) {
      continue;
    }
    const Step* step = c.step;
    Action action = c.action;
    std::size_t index = tasks.size();
    task_index[step->id] = index;
    Task t;
    t.label = c.call + " " + step->id;
    for (const auto& d : step->depends_on) {
      if (task_index.count(d)) {
        t.waits_for.push_back(task_index[d]);
      }
    }
    t.run = [&, step, action](std::string& err) {
      json request;
      bool resumed = false;
      Entry before; // the state's entry of an update
      {
        std::lock_guard guard(m);
        if (!fill(step->params, state, ids, request, err)) {
          err = fmt::format("step `{}`: {}", step->id, err);
          return false;
        }
        const Entry* existing = state.find(step->id);
        resumed = existing && existing->pending;
        if (existing) {
          before = *existing;
        }
      }
      const std::string& service = step->service;
      const std::string& operation = step->operation;
      if (action == Action::Update && !is_idempotent_put(operation)) {
        // In place: UpdateService for what a service's update takes, tag calls for the tags.
        std::vector<Call> calls;
        if (operation == "CreateService") {
          bool changed = false;
          for (const std::string& member : changed_members(before.request, request)) {
            changed = changed || !is_tag_member(member);
          }
          for (const std::string& member : changed_members(before.params, step->params)) {
            changed = changed || !is_tag_member(member);
          }
          if (changed) {
            json params{{"cluster", request.value("cluster", "")},
                        {"service", request.value("serviceName", "")}};
            for (const auto& [k, v] : request.items()) {
              if (service_updatable().count(k)) {
                params[k] = v;
              }
            }
            calls.push_back({"ecs", "UpdateService", std::move(params)});
          }
        }
        for (Call& call : tag_calls(before, request)) {
          calls.push_back(std::move(call));
        }
        std::string made;
        for (const Call& call : calls) {
          Result r = make(call.service, call.operation, call.params, step->id);
          if (!r.ok) {
            err = fmt::format("step `{}` ({}:{}) failed: {}: {}", step->id, call.service,
                              call.operation, r.code, r.message);
            return false;
          }
          made += (made.empty() ? "" : ", ") + call.service + ":" + call.operation;
        }
        // What it made keeps its values (ARN, id, name).
        std::lock_guard guard(m);
        Entry* e = state.find(step->id);
        e->params = step->params;
        e->request = request;
        e->depends_on = step->depends_on;
        progress.done(fmt::format("{} {}", made.empty() ? "(nothing to call)" : made, step->id));
        return save(err);
      }
      std::optional<json> response;
      if (resumed) {
        std::string lookup_error;
        response = recover(client, *step, request, lookup_error);
        if (!lookup_error.empty()) {
          err = fmt::format("step `{}`: cannot look for what the interrupted call made: {}",
                            step->id, lookup_error);
          return false;
        }
      }
      if (!response && !step->read) {
        // Mark the call as in flight before making it: a crash now leaves `pending`, and the
        // next apply looks for what the call made instead of repeating it blindly.
        std::lock_guard guard(m);
        Entry pending = before;
        pending.id = step->id;
        pending.block = step->block;
        pending.service = step->service;
        pending.operation = step->operation;
        pending.pending = true;
        pending.params = step->params;
        pending.request = request;
        pending.depends_on = step->depends_on;
        state.put(std::move(pending));
        if (!save(err)) {
          return false;
        }
      }
      if (!response) {
        Result r = make(service, operation, request, step->id);
        if (!r.ok && !(resumed && already_done(r))) {
          err = fmt::format("step `{}` ({}:{}) failed: {}: {}", step->id, service, operation,
                            r.code, r.message);
          return false;
        }
        response = r.response;
        if (!r.ok && !step->produces.empty()) {
          // Made meanwhile (the interrupted call landed late): read what it made.
          std::string lookup_error;
          response = recover(client, *step, request, lookup_error);
          if (!response) {
            err = fmt::format("step `{}` ({}:{}): {}: {}, and what it made cannot be found",
                              step->id, service, operation, r.code, r.message);
            return false;
          }
        }
      }
      Entry entry;
      entry.id = step->id;
      entry.block = step->block;
      entry.service = step->service;
      entry.operation = step->operation;
      entry.params = step->params;
      entry.request = request;
      entry.depends_on = step->depends_on;
      for (const auto& [name, path] : step->produces.items()) {
        json v = response_value(*response, path.get<std::string>());
        if (v.is_null()) {
          err = fmt::format("step `{}` ({}:{}): the answer has no `{}`", step->id, service,
                            operation, path.get<std::string>());
          return false;
        }
        entry.outputs[path.get<std::string>()] = v;
        if (name == "id" || (name == "arn" && entry.resource.empty()) ||
            (name == "name" && entry.resource.empty())) {
          entry.resource = v.is_string() ? v.get<std::string>() : v.dump();
        }
      }
      std::string resource = entry.resource;
      {
        std::lock_guard guard(m);
        state.put(std::move(entry));
        if (!save(err)) {
          return false;
        }
      }
      // A NAT gateway routes nothing until it is available: the routes naming it wait.
      if (operation == "CreateNatGateway" && !await(nat_waiter(resource, false), step->id, err)) {
        return false;
      }
      std::lock_guard guard(m);
      progress.done(fmt::format("{}:{} {}{}{}", service, operation, step->id,
                                resource.empty() ? "" : " " + resource,
                                resumed ? " (resumed)" : ""));
      return true;
    };
    tasks.push_back(std::move(t));
  }
  return run_graph(tasks, options.parallelism, error);
}

} // namespace ecl::apply
