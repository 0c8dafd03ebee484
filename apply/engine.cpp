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

// How a changed step changes: update in place, or replace with a reason.
Change classify(const Step& step, const Entry& entry) {
  Change c;
  c.id = step.id;
  c.step = &step;
  std::vector<std::string> members = changed_members(entry.params, step.params);
  auto describe = [&](const std::string& m) {
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
  if (step.operation == "RegisterTaskDefinition") {
    c.action = Action::Replace;
    c.call = "ecs:RegisterTaskDefinition";
    c.reason = "task definitions are immutable: a new revision is registered (" +
               describe(members.front()) + ")";
    return c;
  }
  if (step.operation == "CreateService" &&
      std::all_of(members.begin(), members.end(),
                  [](const std::string& m) { return service_updatable().count(m) > 0; })) {
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
  const std::string& m = members.front();
  if (step.operation == "CreateSubnet" && m == "CidrBlock") {
    c.reason = "a subnet's CIDR block cannot change in place (" + describe(m) + ")";
  } else {
    c.reason = fmt::format("`{}` cannot change in place ({})", m, describe(m));
  }
  return c;
}

// ---- Calls of each change -----------------------------------------------------------------------

struct Call {
  std::string service;
  std::string operation;
  json params;
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
    return {
        {"ec2", "DeleteNatGateway", {{"NatGatewayId", out_value(e, "NatGateway.NatGatewayId")}}}};
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
    return {{"ec2",
             "DeleteVpcEndpoints",
             {{"VpcEndpointIds", json::array({out_value(e, "VpcEndpoint.VpcEndpointId")})}}}};
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
    return {{"autoscaling",
             "DeleteAutoScalingGroup",
             {{"AutoScalingGroupName", req(e, "AutoScalingGroupName")}, {"ForceDelete", true}}}};
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
        {"ecs", "DeleteService", {{"cluster", cluster}, {"service", service}, {"force", true}}}};
  }
  return {}; // ModifyVpcAttribute, RevokeSecurityGroupEgress, PutRetentionPolicy, reads...
}

bool already_gone(const Result& r) {
  return r.code.find("NotFound") != std::string::npos || r.code == "NoSuchEntity" ||
         r.code == "ResourceNotFoundException" || r.code == "InvalidAssociationID.NotFound";
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
  std::mutex m; // guards state, the state file and `out`
  std::set<std::string, std::less<>> ids;
  if (plan) {
    for (const Step& s : plan->steps) {
      ids.insert(s.id);
    }
  }
  std::size_t total = 0, finished = 0;
  auto save = [&](std::string& err) {
    if (!save_state(options.state_path, state, err)) {
      err = "cannot write the state `" + options.state_path + "`: " + err;
      return false;
    }
    return true;
  };
  auto report = [&](const std::string& line) {
    ++finished;
    out << fmt::format("[{}/{}] {}\n", finished, total, line);
    out.flush();
  };
  auto on_retry = [&](const std::string& what) {
    return [&, what](const Result& r) {
      std::lock_guard guard(m);
      out << fmt::format("  retrying {} after {} ({})\n", what, r.code,
                         r.http_status ? std::to_string(r.http_status) : "no answer");
    };
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
                           Result r = client.call(call.service, call.operation, call.params,
                                                  on_retry(call.operation + " " + id));
                           if (!r.ok && !already_gone(r)) {
                             err = fmt::format("step `{}` ({}:{}) failed: {}: {}", id, call.service,
                                               call.operation, r.code, r.message);
                             return false;
                           }
                           std::lock_guard guard(m);
                           out << fmt::format("  {}:{} {}{}\n", call.service, call.operation, id,
                                              r.ok ? "" : " (already gone)");
                         }
                         std::lock_guard guard(m);
                         state.erase(id);
                         report(fmt::format("deleted {} ({})", id, entry.operation));
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
  total = deletes.size();
  for (const Change& c : changes) {
    if (c.action != Action::Delete) {
      ++total;
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
      {
        std::lock_guard guard(m);
        if (!fill(step->params, state, ids, request, err)) {
          err = fmt::format("step `{}`: {}", step->id, err);
          return false;
        }
        const Entry* existing = state.find(step->id);
        resumed = existing && existing->pending;
      }
      std::string service = step->service, operation = step->operation;
      json params = request;
      bool update_service = action == Action::Update && operation == "CreateService";
      if (update_service) {
        operation = "UpdateService";
        params = json{{"cluster", request.value("cluster", "")},
                      {"service", request.value("serviceName", "")}};
        for (const auto& [k, v] : request.items()) {
          if (service_updatable().count(k)) {
            params[k] = v;
          }
        }
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
      if (!response && !update_service && !step->read) {
        // Mark the call as in flight before making it: a crash now leaves `pending`, and the
        // next apply looks for what the call made instead of repeating it blindly.
        std::lock_guard guard(m);
        Entry pending;
        if (const Entry* existing = state.find(step->id)) {
          pending = *existing;
        }
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
        Result r = client.call(service, operation, params, on_retry(operation + " " + step->id));
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
      if (update_service) {
        // The service's values (ARN, name) do not change.
        std::lock_guard guard(m);
        Entry* e = state.find(step->id);
        e->params = step->params;
        e->request = request;
        e->depends_on = step->depends_on;
        report(fmt::format("{} {}", "ecs:UpdateService", step->id));
        return save(err);
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
      std::lock_guard guard(m);
      state.put(std::move(entry));
      report(fmt::format(
          "{}:{} {}{}{}", service, operation, step->id,
          state.find(step->id)->resource.empty() ? "" : " " + state.find(step->id)->resource,
          resumed ? " (resumed)" : ""));
      return save(err);
    };
    tasks.push_back(std::move(t));
  }
  return run_graph(tasks, options.parallelism, error);
}

} // namespace ecl::apply
