// The resource descriptors (backends/resources) and the generic lifecycle apply/ runs from them:
// the registry is consistent, each call has its own "already done" / "already gone" codes, the
// templates fill from what a call recorded, the tag calls are spelled per service, and the
// state-aware diff decides update or replace from the descriptors.
#include "apply/engine.h"
#include "backends/resources/registry.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <set>

namespace resources = ecl::resources;
using resources::json;

namespace {

const resources::Operation& op(std::string_view service, std::string_view name) {
  const resources::Operation* o = resources::find_operation(service, name);
  EXPECT_NE(o, nullptr) << service << ":" << name;
  static const resources::Operation none{};
  return o ? *o : none;
}

// Every "$output.NAME" of a template names an output of `o`.
void expect_outputs_named(const json& value, const resources::Operation& o,
                          const std::string& where) {
  if (value.is_string()) {
    std::string_view text = value.get_ref<const std::string&>();
    if (text.starts_with("$output.")) {
      EXPECT_FALSE(resources::output_path(o, text.substr(8)).empty()) << where << ": " << text;
    }
  } else if (value.is_structured()) {
    for (const json& v : value) {
      expect_outputs_named(v, o, where);
    }
  }
}

} // namespace

TEST(Registry, OperationsAreUniqueAndTemplatesNameTheirOutputs) {
  std::set<std::string> seen;
  for (const resources::Descriptor* d : resources::descriptors()) {
    // Every descriptor is a CloudFormation resource, but for what is only read (the zones).
    EXPECT_TRUE(std::string_view(d->cfn_type).starts_with("AWS::") ||
                (d->cfn_type.empty() && d->operations.size() == 1 &&
                 d->operations[0].name.starts_with("Describe")))
        << d->name;
    for (const resources::Operation& o : d->operations) {
      std::string key = std::string(o.service) + ":" + std::string(o.name);
      EXPECT_TRUE(seen.insert(key).second) << key << " is described twice";
      EXPECT_EQ(resources::find_operation(o.service, o.name), &o) << key;
      for (const resources::Removal& r : o.remove) {
        expect_outputs_named(r.call.params, o, key);
        if (r.then) {
          expect_outputs_named(r.then->probe.params, o, key);
          expect_outputs_named(json(std::string(r.then->subject)), o, key);
        }
      }
      if (o.wait) {
        expect_outputs_named(o.wait->probe.params, o, key);
      }
      expect_outputs_named(json(std::string(o.tags.subject)), o, key);
      EXPECT_EQ(o.on_change == resources::OnChange::Update, o.update.has_value()) << key;
    }
    for (const resources::Attribute& a : d->attributes) {
      EXPECT_FALSE(resources::output_path(a).empty()) << a.kind << "." << a.name;
      EXPECT_EQ(resources::find_attribute(a.kind, a.name), &a) << a.kind << "." << a.name;
    }
  }
}

// LimitExceeded means "already made" only for the call that answers a repeat with it.
TEST(AlreadyDone, IsPerCall) {
  EXPECT_TRUE(resources::has_code(op("iam", "AddRoleToInstanceProfile").done, "LimitExceeded"));
  for (const resources::Descriptor* d : resources::descriptors()) {
    for (const resources::Operation& o : d->operations) {
      if (o.name != "AddRoleToInstanceProfile") {
        EXPECT_FALSE(resources::has_code(o.done, "LimitExceeded")) << o.name;
      }
    }
  }
  EXPECT_TRUE(resources::has_code(op("ec2", "CreateRoute").done, "RouteAlreadyExists"));
  EXPECT_FALSE(resources::has_code(op("ec2", "CreateRoute").done, "InvalidPermission.Duplicate"));
  EXPECT_TRUE(resources::has_code(op("ec2", "RevokeSecurityGroupEgress").done,
                                  "InvalidPermission.NotFound"));
  EXPECT_FALSE(resources::has_code(op("ec2", "CreateVpc").done, "InvalidPermission.NotFound"));
  EXPECT_FALSE(resources::has_code(op("iam", "CreateRole").done, "ResourceAlreadyExistsException"));
}

// A "not found" of one service never means gone for another's call, nor for a call of the same
// service that acts on something else.
TEST(AlreadyGone, IsPerCall) {
  std::map<std::string, std::set<std::string>> by_service;
  for (const resources::Descriptor* d : resources::descriptors()) {
    for (const resources::Operation& o : d->operations) {
      for (const resources::Removal& r : o.remove) {
        for (std::string_view code : r.call.gone) {
          by_service[std::string(r.call.service)].insert(std::string(code));
        }
      }
    }
  }
  for (const auto& [service, codes] : by_service) {
    for (const auto& [other, other_codes] : by_service) {
      if (service == other) {
        continue;
      }
      for (const std::string& code : codes) {
        // Each of these services names its own missing resources so (CloudWatch Logs,
        // EventBridge Scheduler): the code is the same word, not the same fact.
        if (code == "ResourceNotFoundException" &&
            std::set<std::string>{service, other} == std::set<std::string>{"logs", "scheduler"}) {
          continue;
        }
        EXPECT_FALSE(other_codes.count(code))
            << code << " is gone for " << service << " and " << other;
      }
    }
  }
  const resources::Codes& vpc = op("ec2", "CreateVpc").remove.at(0).call.gone;
  EXPECT_TRUE(resources::has_code(vpc, "InvalidVpcID.NotFound"));
  EXPECT_FALSE(resources::has_code(vpc, "InvalidSubnetID.NotFound"));
  EXPECT_FALSE(resources::has_code(vpc, "ClusterNotFoundException"));
  const resources::Codes& cluster = op("ecs", "CreateCluster").remove.at(0).call.gone;
  EXPECT_TRUE(resources::has_code(cluster, "ClusterNotFoundException"));
  EXPECT_FALSE(resources::has_code(cluster, "ServiceNotFoundException"));
  EXPECT_FALSE(resources::has_code(cluster, "NoSuchEntity"));
  // The probe of a NAT gateway's deletion: gone when EC2 no longer knows it.
  const auto& nat = op("ec2", "CreateNatGateway").remove.at(0);
  ASSERT_TRUE(nat.then.has_value());
  EXPECT_TRUE(resources::has_code(nat.then->probe.gone, "NatGatewayNotFound"));
  EXPECT_FALSE(resources::has_code(nat.then->probe.gone, "InvalidVpcEndpointId.NotFound"));
}

// Codes the trust test (tests/apply/trust_test.py) meets when a destroy is resumed or repeated.
TEST(AlreadyGone, DetachAndAutoScaling) {
  const resources::Codes& detach = op("ec2", "AttachInternetGateway").remove.at(0).call.gone;
  EXPECT_TRUE(resources::has_code(detach, "Gateway.NotAttached"));
  EXPECT_FALSE(resources::has_code(detach, "DependencyViolation"));
  // Auto Scaling answers a missing group with ValidationError and a "not found" message; another
  // ValidationError is a mistake, not "gone".
  const resources::Codes& group =
      op("autoscaling", "CreateAutoScalingGroup").remove.at(0).call.gone;
  EXPECT_TRUE(resources::has_code(
      group, "ValidationError",
      "AutoScalingGroup name not found - AutoScalingGroup 'shop-apps-workers' not found"));
  EXPECT_TRUE(resources::has_code(group, "ValidationError", "Group NOT FOUND"));
  EXPECT_FALSE(resources::has_code(group, "ValidationError", "1 validation error detected"));
  EXPECT_FALSE(resources::has_code(group, "ValidationError"));
  EXPECT_FALSE(resources::has_code(group, "not found", "ValidationError"));
}

// A `pending` entry has no recorded outputs: a deletion that names one ("$output.id") is filled
// from the call's lookup, so every such call has one. The others delete from their request.
TEST(PendingDestroy, OutputsOfADeletionComeFromALookup) {
  auto names_output = [](const json& value, auto& self) -> bool {
    if (value.is_string()) {
      return value.get_ref<const std::string&>().starts_with("$output.");
    }
    return value.is_structured() &&
           std::any_of(value.begin(), value.end(), [&](const json& v) { return self(v, self); });
  };
  for (const resources::Descriptor* d : resources::descriptors()) {
    for (const resources::Operation& o : d->operations) {
      for (const resources::Removal& r : o.remove) {
        bool needs_outputs = names_output(r.call.params, names_output) ||
                             (r.then && names_output(r.then->probe.params, names_output));
        EXPECT_TRUE(!needs_outputs || o.lookup.has_value())
            << o.service << ":" << o.name << " deletes by an output and has no lookup";
      }
    }
  }
  EXPECT_EQ(op("ecs", "CreateCluster").remove.at(0).call.params,
            (json{{"cluster", "$request.clusterName"}}));
}

// The calls that take an idempotency token name its member (botocore's models: ClientToken,
// clientToken); the lookups of resources that carry tags read them, for the lineage.
TEST(Idempotence, TokensAndOwnership) {
  std::map<std::string, std::string_view> tokens;
  for (const resources::Descriptor* d : resources::descriptors()) {
    for (const resources::Operation& o : d->operations) {
      if (!o.client_token.empty()) {
        tokens[std::string(o.service) + ":" + std::string(o.name)] = o.client_token;
      }
      if (o.lookup && o.tags.style != resources::TagStyle::None) {
        EXPECT_FALSE(o.lookup->tags.empty()) << o.name << "'s lookup cannot tell whose it is";
      }
      // A name another state may hold (IAM, Logs, Auto Scaling, ECS: EC2 resources have ids) is
      // taken on "already exists" only when the lookup finds it ours, and refused naming it (a
      // log group of another state was taken, and deleted by the destroy of a pending entry).
      bool named =
          o.tags.style != resources::TagStyle::None && o.tags.style != resources::TagStyle::Ec2;
      if (named && (!o.done.empty() || o.answers_existing)) {
        EXPECT_TRUE(o.lookup && !o.lookup->tags.empty() && !o.lookup->what.empty() &&
                    !o.lookup->subject.empty())
            << o.name << " takes a name that exists without a lookup that names it";
      }
    }
  }
  EXPECT_EQ(tokens, (std::map<std::string, std::string_view>{
                        {"ec2:CreateLaunchTemplate", "ClientToken"},
                        {"ec2:CreateNatGateway", "ClientToken"},
                        {"ec2:CreateRouteTable", "ClientToken"},
                        {"ec2:CreateVpcEndpoint", "ClientToken"},
                        {"ecs:CreateService", "clientToken"},
                        {"scheduler:CreateSchedule", "ClientToken"},
                        {"efs:CreateAccessPoint", "ClientToken"},
                        {"efs:CreateFileSystem", "CreationToken"},
                        {"servicediscovery:CreateHttpNamespace", "CreatorRequestId"},
                        {"servicediscovery:CreatePrivateDnsNamespace", "CreatorRequestId"},
                        {"servicediscovery:CreateService", "CreatorRequestId"}}));
}

// EFS speaks REST-JSON: the members the model puts in the path or the query string go there (the
// query sorted, as SigV4 signs it), the others in the JSON body, which GET and DELETE have none of.
TEST(RestJson, MembersInThePathTheQueryAndTheBody) {
  auto create = ecl::apply::rest_request("efs", "CreateFileSystem",
                                         {{"CreationToken", "t"}, {"Encrypted", true}});
  ASSERT_TRUE(create);
  EXPECT_EQ(create->method, "POST");
  EXPECT_EQ(create->path, "/2015-02-01/file-systems");
  EXPECT_EQ(json::parse(create->body), (json{{"CreationToken", "t"}, {"Encrypted", true}}));
  auto describe =
      ecl::apply::rest_request("efs", "DescribeFileSystems", {{"CreationToken", "a b:c"}});
  ASSERT_TRUE(describe);
  EXPECT_EQ(describe->method, "GET");
  EXPECT_EQ(describe->path, "/2015-02-01/file-systems?CreationToken=a%20b%3Ac");
  EXPECT_EQ(describe->body, "");
  auto untag = ecl::apply::rest_request(
      "efs", "UntagResource", {{"ResourceId", "fs-1"}, {"TagKeys", {"team", "ecl:path"}}});
  ASSERT_TRUE(untag);
  EXPECT_EQ(untag->method, "DELETE");
  EXPECT_EQ(untag->path, "/2015-02-01/resource-tags/fs-1?tagKeys=ecl%3Apath&tagKeys=team");
  auto modify =
      ecl::apply::rest_request("efs", "ModifyMountTargetSecurityGroups",
                               {{"MountTargetId", "fsmt-1"}, {"SecurityGroups", {"sg-1"}}});
  ASSERT_TRUE(modify);
  EXPECT_EQ(modify->method, "PUT");
  EXPECT_EQ(modify->path, "/2015-02-01/mount-targets/fsmt-1/security-groups");
  EXPECT_EQ(json::parse(modify->body), (json{{"SecurityGroups", {"sg-1"}}}));
  EXPECT_FALSE(ecl::apply::rest_request("efs", "CreateReplicationConfiguration", json::object()));
}

TEST(Templates, FillFromTheRecordedCall) {
  const resources::Operation& service = op("ecs", "CreateService");
  json outputs = {{"service.serviceArn", "arn:aws:ecs:us-east-1:1:service/c/web"}};
  json request = {{"cluster", "c"}, {"serviceName", "web"}};
  json deleted = resources::fill(service.remove.at(1).call.params, service, outputs, request, "b");
  EXPECT_EQ(deleted, (json{{"cluster", "c"}, {"service", "web"}, {"force", true}}));
  json tags = resources::fill(json("$output.arn"), service, outputs, request, "b");
  EXPECT_EQ(tags, "arn:aws:ecs:us-east-1:1:service/c/web");
  EXPECT_EQ(resources::fill(json("$output.name"), service, json::object(), request, "b"), "");
  EXPECT_EQ(resources::fill(json("$request.missing"), service, outputs, request, "b"), "");
  EXPECT_EQ(resources::fill(json("$block"), service, outputs, request, "main.web"), "main.web");
  EXPECT_EQ(resources::fill(json("plain"), service, outputs, request, "b"), "plain");
}

TEST(Tags, SpelledPerService) {
  json before = {{"tags", json::array({{{"key", "env"}, {"value", "prod"}},
                                       {{"key", "gone"}, {"value", "x"}}})}};
  json after = {{"tags", json::array({{{"key", "env"}, {"value", "staging"}}})}};
  auto ecs = resources::tag_calls({resources::TagStyle::Ecs}, "arn:x", before, after);
  ASSERT_EQ(ecs.size(), 2u);
  EXPECT_EQ(ecs[0].operation, "UntagResource");
  EXPECT_EQ(ecs[0].params, (json{{"resourceArn", "arn:x"}, {"tagKeys", {"gone"}}}));
  EXPECT_EQ(ecs[1].operation, "TagResource");
  EXPECT_EQ(ecs[1].params["tags"], (json::array({{{"key", "env"}, {"value", "staging"}}})));

  json logs_before = {{"tags", {{"env", "prod"}}}};
  json logs_after = {{"tags", {{"env", "prod"}, {"team", "core"}}}};
  auto logs =
      resources::tag_calls({resources::TagStyle::Logs}, "/ecs/web", logs_before, logs_after);
  ASSERT_EQ(logs.size(), 1u);
  EXPECT_EQ(logs[0].operation, "TagLogGroup");
  EXPECT_EQ(logs[0].params, (json{{"logGroupName", "/ecs/web"}, {"tags", {{"team", "core"}}}}));

  json elb_before = {{"Tags", json::array({{{"Key", "env"}, {"Value", "prod"}},
                                           {{"Key", "gone"}, {"Value", "x"}}})}};
  json elb_after = {{"Tags", json::array({{{"Key", "env"}, {"Value", "staging"}}})}};
  auto elb = resources::tag_calls({resources::TagStyle::Elbv2}, "arn:lb", elb_before, elb_after);
  ASSERT_EQ(elb.size(), 2u);
  auto efs = resources::tag_calls({resources::TagStyle::Efs}, "fs-1", elb_before, elb_after);
  ASSERT_EQ(efs.size(), 2u);
  EXPECT_EQ(efs[0].operation, "UntagResource");
  EXPECT_EQ(efs[0].params, (json{{"ResourceId", "fs-1"}, {"TagKeys", {"gone"}}}));
  EXPECT_EQ(efs[1].operation, "TagResource");
  EXPECT_EQ(efs[1].params, (json{{"ResourceId", "fs-1"},
                                 {"Tags", json::array({{{"Key", "env"}, {"Value", "staging"}}})}}));
  EXPECT_EQ(elb[0].operation, "RemoveTags");
  EXPECT_EQ(elb[0].params, (json{{"ResourceArns", {"arn:lb"}}, {"TagKeys", {"gone"}}}));
  EXPECT_EQ(elb[1].operation, "AddTags");
  EXPECT_EQ(elb[1].params, (json{{"ResourceArns", {"arn:lb"}},
                                 {"Tags", json::array({{{"Key", "env"}, {"Value", "staging"}}})}}));

  // ECR: CreateRepository's `tags` list of {Key, Value}; TagResource / UntagResource by ARN.
  json ecr_before = {{"tags", elb_before["Tags"]}}, ecr_after = {{"tags", elb_after["Tags"]}};
  auto ecr = resources::tag_calls({resources::TagStyle::Ecr}, "arn:repo", ecr_before, ecr_after);
  ASSERT_EQ(ecr.size(), 2u);
  EXPECT_EQ(ecr[0].service, "ecr");
  EXPECT_EQ(ecr[0].params, (json{{"resourceArn", "arn:repo"}, {"tagKeys", {"gone"}}}));
  EXPECT_EQ(ecr[1].operation, "TagResource");
  EXPECT_EQ(ecr[1].params, (json{{"resourceArn", "arn:repo"},
                                 {"tags", json::array({{{"Key", "env"}, {"Value", "staging"}}})}}));

  EXPECT_EQ(resources::tag_call(resources::TagStyle::Ec2), "ec2:CreateTags");
  EXPECT_EQ(resources::tag_call(resources::TagStyle::None), "");
  EXPECT_TRUE(resources::tag_calls({resources::TagStyle::None}, "x", before, after).empty());
}

// ---- the state-aware diff, from the descriptors
// --------------------------------------------------

namespace {

namespace apply = ecl::apply;
using ecl::backend::plan::Plan;
using ecl::backend::plan::Step;

Step step(std::string id, std::string service, std::string operation, json params) {
  Step s;
  s.id = id;
  s.block = id;
  s.service = std::move(service);
  s.operation = std::move(operation);
  s.params = std::move(params);
  return s;
}

// A request as apply sends it: each `${step.path}` of which `outputs` has the value, filled.
json filled(const Plan& plan, const std::map<std::string, json>& outputs, const json& value) {
  if (value.is_structured()) {
    json out = value;
    for (auto& v : out) {
      v = filled(plan, outputs, v);
    }
    return out;
  }
  if (!value.is_string()) {
    return value;
  }
  std::string text = value.get<std::string>();
  if (!text.starts_with("${") || !text.ends_with("}")) {
    return value;
  }
  std::string inner = text.substr(2, text.size() - 3);
  for (const Step& s : plan.steps) {
    auto it = outputs.find(s.id);
    if (inner.starts_with(s.id + ".") && it != outputs.end() &&
        it->second.contains(inner.substr(s.id.size() + 1))) {
      return it->second[inner.substr(s.id.size() + 1)];
    }
  }
  return value;
}

// The state after the plan was applied as it is, every call answering `outputs`.
apply::State applied(const Plan& plan, const std::map<std::string, json>& outputs = {}) {
  apply::State state;
  for (const Step& s : plan.steps) {
    apply::Entry e;
    e.id = s.id;
    e.block = s.block;
    e.service = s.service;
    e.operation = s.operation;
    e.params = s.params;
    e.request = filled(plan, outputs, s.params);
    e.depends_on = s.depends_on;
    auto it = outputs.find(s.id);
    e.outputs = it == outputs.end() ? json::object() : it->second;
    state.put(std::move(e));
  }
  return state;
}

const apply::Change* change_of(const std::vector<apply::Change>& changes, const std::string& id) {
  for (const apply::Change& c : changes) {
    if (c.id == id) {
      return &c;
    }
  }
  return nullptr;
}

} // namespace

TEST(Diff, UpdateOrReplaceFromTheDescriptors) {
  Plan plan;
  plan.steps.push_back(
      step("main", "ec2", "CreateVpc",
           {{"CidrBlock", "10.0.0.0/16"},
            {"TagSpecifications",
             json::array({{{"ResourceType", "vpc"},
                           {"Tags", json::array({{{"Key", "a"}, {"Value", "1"}}})}}})}}));
  plan.steps.push_back(
      step("main#dns-hostnames", "ec2", "ModifyVpcAttribute",
           {{"VpcId", "${main.Vpc.VpcId}"}, {"EnableDnsHostnames", {{"Value", true}}}}));
  plan.steps.push_back(step("main.a", "ec2", "CreateSubnet",
                            {{"VpcId", "${main.Vpc.VpcId}"}, {"CidrBlock", "10.0.1.0/24"}}));
  plan.steps.push_back(
      step("web", "ecs", "RegisterTaskDefinition",
           {{"family", "web"},
            {"containerDefinitions", json::array({{{"name", "app"}, {"image", "nginx:1"}}})}}));
  plan.steps.push_back(step("svc", "ecs", "CreateService",
                            {{"serviceName", "svc"},
                             {"taskDefinition", "${web.taskDefinition.taskDefinitionArn}"},
                             {"desiredCount", 2}}));
  apply::State state = applied(plan, {{"main", {{"Vpc.VpcId", "vpc-1"}}},
                                      {"web", {{"taskDefinition.taskDefinitionArn", "arn:td:1"}}}});
  EXPECT_TRUE(apply::diff(plan, state).empty());

  // The task's image and the service's count change; the subnet's CIDR block too.
  plan.steps[3].params["containerDefinitions"][0]["image"] = "nginx:2";
  plan.steps[4].params["desiredCount"] = 3;
  plan.steps[2].params["CidrBlock"] = "10.0.2.0/24";
  std::vector<apply::Change> changes = apply::diff(plan, state);
  const apply::Change* task = change_of(changes, "web");
  ASSERT_NE(task, nullptr);
  EXPECT_EQ(task->action, apply::Action::Replace);
  EXPECT_EQ(task->call, "ecs:RegisterTaskDefinition");
  EXPECT_EQ(task->reason, "task definitions are immutable: a new revision is registered (container "
                          "`app` image nginx:1 -> nginx:2)");
  const apply::Change* service = change_of(changes, "svc");
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->action, apply::Action::Update);
  EXPECT_EQ(service->call, "ecs:UpdateService");
  // Its task definition is renewed too: the update takes both.
  EXPECT_EQ(service->reason, "desiredCount 2 -> 3, `web` is renewed");
  const apply::Change* subnet = change_of(changes, "main.a");
  ASSERT_NE(subnet, nullptr);
  EXPECT_EQ(subnet->action, apply::Action::Replace);
  EXPECT_EQ(subnet->reason,
            "a subnet's CIDR block cannot change in place (CidrBlock 10.0.1.0/24 -> 10.0.2.0/24)");

  // A VPC replaced: what names it is renewed; a call that sets something is made again.
  plan = Plan();
  plan.steps.push_back(step("main", "ec2", "CreateVpc", {{"CidrBlock", "10.1.0.0/16"}}));
  plan.steps.push_back(
      step("main#dns-hostnames", "ec2", "ModifyVpcAttribute",
           {{"VpcId", "${main.Vpc.VpcId}"}, {"EnableDnsHostnames", {{"Value", true}}}}));
  plan.steps.push_back(step("main.a", "ec2", "CreateSubnet",
                            {{"VpcId", "${main.Vpc.VpcId}"}, {"CidrBlock", "10.0.1.0/24"}}));
  state.find("main")->params = {{"CidrBlock", "10.0.0.0/16"}};
  changes = apply::diff(plan, state);
  const apply::Change* put = change_of(changes, "main#dns-hostnames");
  ASSERT_NE(put, nullptr);
  EXPECT_EQ(put->action, apply::Action::Update);
  EXPECT_EQ(put->call, "ec2:ModifyVpcAttribute");
  EXPECT_EQ(put->reason, "`main` is renewed");
  subnet = change_of(changes, "main.a");
  ASSERT_NE(subnet, nullptr);
  EXPECT_EQ(subnet->action, apply::Action::Replace);
  EXPECT_EQ(subnet->call, "ec2:CreateSubnet");
}

TEST(Diff, TagsChangeInPlaceWhenTheResourceIsRecorded) {
  auto tagged = [](std::string value) {
    return json::array(
        {{{"ResourceType", "vpc"}, {"Tags", json::array({{{"Key", "env"}, {"Value", value}}})}}});
  };
  Plan plan;
  plan.steps.push_back(step("main", "ec2", "CreateVpc",
                            {{"CidrBlock", "10.0.0.0/16"}, {"TagSpecifications", tagged("prod")}}));
  plan.steps.push_back(step("main.g.in", "ec2", "AuthorizeSecurityGroupIngress",
                            {{"GroupId", "sg-1"}, {"TagSpecifications", tagged("prod")}}));
  plan.steps.push_back(step("main.g.in2", "ec2", "AuthorizeSecurityGroupIngress",
                            {{"GroupId", "sg-1"}, {"TagSpecifications", tagged("prod")}}));
  apply::State state =
      applied(plan, {{"main", {{"Vpc.VpcId", "vpc-1"}}},
                     {"main.g.in2", {{"SecurityGroupRules[0].SecurityGroupRuleId", "sgr-1"}}}});
  plan.steps[0].params["TagSpecifications"] = tagged("staging");
  plan.steps[1].params["TagSpecifications"] = tagged("staging");
  plan.steps[2].params["TagSpecifications"] = tagged("staging");
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].action, apply::Action::Update);
  EXPECT_EQ(changes[0].call, "ec2:CreateTags");
  EXPECT_EQ(changes[0].reason, "tags env prod -> staging");
  // A rule whose id is not recorded (by an older eclc, or its answer lost): its tags change by
  // replacing it.
  EXPECT_EQ(changes[1].action, apply::Action::Replace);
  EXPECT_EQ(changes[1].reason,
            "its tags cannot change in place: its id is not recorded (tags env prod -> staging)");
  // A rule of a recorded id: on that id, in place (replacing it left a moment without it).
  EXPECT_EQ(changes[2].action, apply::Action::Update);
  EXPECT_EQ(changes[2].call, "ec2:CreateTags");
}

// Issue 15, bug 1: a stack tag change beside a VPC CIDR change. What names the replaced VPC is
// renewed with it whatever else changed: a tag change does not hide the replacement, and an
// update takes the renewed member.
TEST(Diff, ARenewedUpstreamIsNeverOnlyRetagged) {
  auto tagged = [](std::string type, std::string value) {
    return json::array(
        {{{"ResourceType", type}, {"Tags", json::array({{{"Key", "env"}, {"Value", value}}})}}});
  };
  auto ecs_tags = [](std::string value) {
    return json::array({{{"key", "env"}, {"value", value}}});
  };
  Plan plan;
  plan.steps.push_back(
      step("main", "ec2", "CreateVpc",
           {{"CidrBlock", "10.0.0.0/16"}, {"TagSpecifications", tagged("vpc", "a")}}));
  plan.steps.push_back(step("main.a", "ec2", "CreateSubnet",
                            {{"VpcId", "${main.Vpc.VpcId}"},
                             {"CidrBlock", "10.0.1.0/24"},
                             {"TagSpecifications", tagged("subnet", "a")}}));
  plan.steps.push_back(step("main.g", "ec2", "CreateSecurityGroup",
                            {{"VpcId", "${main.Vpc.VpcId}"},
                             {"GroupName", "g"},
                             {"Description", "g"},
                             {"TagSpecifications", tagged("security-group", "a")}}));
  plan.steps.push_back(
      step("svc", "ecs", "CreateService",
           {{"serviceName", "svc"},
            {"networkConfiguration",
             {{"awsvpcConfiguration", {{"subnets", json::array({"${main.a.Subnet.SubnetId}"})}}}}},
            {"tags", ecs_tags("a")}}));
  apply::State state = applied(plan, {{"main", {{"Vpc.VpcId", "vpc-1"}}},
                                      {"main.a", {{"Subnet.SubnetId", "subnet-1"}}},
                                      {"main.g", {{"GroupId", "sg-1"}}},
                                      {"svc", {{"service.serviceArn", "arn:svc"}}}});
  // The tags alone change in place.
  plan.steps[0].params["TagSpecifications"] = tagged("vpc", "b");
  plan.steps[1].params["TagSpecifications"] = tagged("subnet", "b");
  plan.steps[2].params["TagSpecifications"] = tagged("security-group", "b");
  plan.steps[3].params["tags"] = ecs_tags("b");
  for (const apply::Change& c : apply::diff(plan, state)) {
    EXPECT_EQ(c.action, apply::Action::Update) << c.id;
    EXPECT_TRUE(c.reason.starts_with("tags ")) << c.id << ": " << c.reason;
  }
  // With the CIDR block too, everything in the VPC is renewed.
  plan.steps[0].params["CidrBlock"] = "10.1.0.0/16";
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 4u);
  for (const char* id : {"main", "main.a", "main.g"}) {
    const apply::Change* c = change_of(changes, id);
    ASSERT_NE(c, nullptr) << id;
    EXPECT_EQ(c->action, apply::Action::Replace) << id << ": " << c->reason;
  }
  EXPECT_EQ(change_of(changes, "main.a")->reason, "`main` is renewed");
  EXPECT_EQ(change_of(changes, "main.a")->renewed, ""); // its tags changed too
  EXPECT_EQ(change_of(changes, "main.g")->call, "ec2:CreateSecurityGroup");
  // The service takes its new subnet in place, with its tags.
  const apply::Change* service = change_of(changes, "svc");
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->action, apply::Action::Update);
  EXPECT_EQ(service->call, "ecs:UpdateService");
  EXPECT_EQ(service->reason, "tags env a -> b, `main.a` is renewed");
  // What an update cannot take replaces: a service in a renewed cluster.
  plan.steps[3].params["cluster"] = "${main.g.GroupId}";
  state.find("svc")->params["cluster"] = "${main.g.GroupId}";
  const std::vector<apply::Change> renewed_cluster = apply::diff(plan, state);
  service = change_of(renewed_cluster, "svc");
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->action, apply::Action::Replace);
}

// Issue 15, bug 2: a replaced auto scaling group. The read of its ARN names it as a literal, so
// it runs again because it follows the group, and the capacity provider that takes the ARN is
// replaced (it pointed at the deleted group, and the next plan said `No changes.`). A new subnet
// no longer replaces the group: it moves in place.
TEST(Diff, AReadRunsAgainWhenWhatItFollowsIsRenewed) {
  Plan plan;
  plan.steps.push_back(step("subnet", "ec2", "CreateSubnet", {{"CidrBlock", "10.0.1.0/24"}}));
  plan.steps.push_back(
      step("cap#asg", "autoscaling", "CreateAutoScalingGroup",
           {{"AutoScalingGroupName", "cap"}, {"VPCZoneIdentifier", "${subnet.Subnet.SubnetId}"}}));
  Step read = step("cap#read", "autoscaling", "DescribeAutoScalingGroups",
                   {{"AutoScalingGroupNames", json::array({"cap"})}});
  read.read = true;
  read.depends_on = {"cap#asg"};
  plan.steps.push_back(read);
  plan.steps.push_back(
      step("cap", "ecs", "CreateCapacityProvider",
           {{"name", "cap"},
            {"autoScalingGroupProvider",
             {{"autoScalingGroupArn", "${cap#read.AutoScalingGroups[0].AutoScalingGroupARN}"}}}}));
  apply::State state = applied(plan);
  EXPECT_TRUE(apply::diff(plan, state).empty());
  // A new subnet: the group moves to it in place (UpdateAutoScalingGroup), the provider stays.
  plan.steps[0].params["CidrBlock"] = "10.0.2.0/24";
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[1].call, "autoscaling:UpdateAutoScalingGroup");
  // What the group cannot change in place replaces it.
  plan.steps[0].params["CidrBlock"] = "10.0.1.0/24";
  plan.steps[1].params["HealthCheckType"] = "ELB";
  changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].action, apply::Action::Replace);
  EXPECT_EQ(changes[1].id, "cap#read");
  EXPECT_EQ(changes[1].action, apply::Action::Create);
  EXPECT_EQ(changes[2].id, "cap");
  EXPECT_EQ(changes[2].action, apply::Action::Replace);
  EXPECT_EQ(changes[2].reason, "`cap#read` is renewed");
}

// A read the program takes more of (a third zone of availability_zones()) is made again, but
// what it gave before stays: the subnets made from it do not move.
TEST(Diff, AReadTakenFurtherKeepsWhatItGave) {
  Plan plan;
  Step zones = step("availability-zones", "ec2", "DescribeAvailabilityZones", json::object());
  zones.read = true;
  zones.produces = {{"zone0", "AvailabilityZones[0].ZoneName"}};
  plan.steps.push_back(zones);
  plan.steps.push_back(
      step("a", "ec2", "CreateSubnet",
           {{"AvailabilityZone", "${availability-zones.AvailabilityZones[0].ZoneName}"}}));
  plan.steps[1].depends_on = {"availability-zones"};
  apply::State state =
      applied(plan, {{"availability-zones", {{"AvailabilityZones[0].ZoneName", "us-east-1a"}}}});
  EXPECT_TRUE(apply::diff(plan, state).empty());
  plan.steps[0].produces["zone1"] = "AvailabilityZones[1].ZoneName";
  plan.steps.push_back(
      step("b", "ec2", "CreateSubnet",
           {{"AvailabilityZone", "${availability-zones.AvailabilityZones[1].ZoneName}"}}));
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].id, "availability-zones");
  EXPECT_TRUE(changes[0].extends);
  EXPECT_EQ(changes[0].reason, "the program takes more of its answer");
  EXPECT_EQ(changes[1].id, "b");
  EXPECT_EQ(changes[1].action, apply::Action::Create);
}

// A NAT gateway replaced renews its Elastic IP (Operation::renews): the old gateway holds it (on
// moto for ever), so the new one could not take it.
TEST(Diff, AnElasticIpIsRenewedWithItsNatGateway) {
  Plan plan;
  plan.steps.push_back(step("public", "ec2", "CreateSubnet", {{"CidrBlock", "10.0.1.0/24"}}));
  plan.steps.push_back(step("nat#eip", "ec2", "AllocateAddress", {{"Domain", "vpc"}}));
  plan.steps.push_back(step(
      "nat", "ec2", "CreateNatGateway",
      {{"SubnetId", "${public.Subnet.SubnetId}"}, {"AllocationId", "${nat#eip.AllocationId}"}}));
  plan.steps.push_back(
      step("route", "ec2", "CreateRoute", {{"NatGatewayId", "${nat.NatGateway.NatGatewayId}"}}));
  apply::State state = applied(plan);
  plan.steps[0].params["CidrBlock"] = "10.0.2.0/24";
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 4u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(changes[i].action, apply::Action::Replace) << changes[i].id;
  }
  // The route is moved to the new gateway (ReplaceRoute), never missing.
  EXPECT_EQ(changes[3].action, apply::Action::Update);
  EXPECT_EQ(changes[3].call, "ec2:ReplaceRoute");
  EXPECT_EQ(changes[1].id, "nat#eip");
  EXPECT_EQ(changes[1].reason, "renewed with `nat`");
  EXPECT_EQ(changes[1].renewed, "nat");
  EXPECT_EQ(changes[2].reason, "`public` is renewed");
  // A gateway that stays keeps its address.
  plan.steps[0].params["CidrBlock"] = "10.0.1.0/24";
  plan.steps[3].params["DestinationCidrBlock"] = "0.0.0.0/0";
  changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].id, "route");
}

// Create before destroy (resources::CreateFirst): a replacement is made beside the old one where
// AWS allows both, and the plan says why not where it does not.
TEST(Diff, ReplacementsAreMadeFirstWhereAwsAllowsTwo) {
  Plan plan;
  plan.steps.push_back(step("vpc", "ec2", "CreateVpc", {{"CidrBlock", "10.0.0.0/16"}}));
  Step made =
      step("web", "ec2", "CreateSecurityGroup",
           {{"GroupName", "prod-web"}, {"Description", "a"}, {"VpcId", "${vpc.Vpc.VpcId}"}});
  made.made_name = true;
  made.depends_on = {"vpc"};
  plan.steps.push_back(made);
  Step written = step("db", "ec2", "CreateSecurityGroup",
                      {{"GroupName", "db"}, {"Description", "a"}, {"VpcId", "${vpc.Vpc.VpcId}"}});
  written.depends_on = {"vpc"};
  plan.steps.push_back(written);
  plan.steps.push_back(step("task", "ecs", "RegisterTaskDefinition", {{"family", "api"}}));
  apply::State state = applied(plan);
  plan.steps[1].params["Description"] = "b";
  plan.steps[2].params["Description"] = "b";
  plan.steps[3].params["cpu"] = "512";
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 3u);
  for (const apply::Change& c : changes) {
    EXPECT_EQ(c.action, apply::Action::Replace) << c.id;
  }
  // A made name: the new group takes another (made at apply time).
  EXPECT_TRUE(changes[0].create_first);
  // A written name is taken until the old group is deleted.
  EXPECT_FALSE(changes[1].create_first);
  EXPECT_EQ(changes[1].deleted_first, "deleted first: the new one reuses its GroupName `db`");
  // A new revision of a task definition.
  EXPECT_TRUE(changes[2].create_first);
  // In a new VPC (two may have the same CIDR block), the written name is free.
  plan.steps[0].params["CidrBlock"] = "10.1.0.0/16";
  changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 4u);
  for (const apply::Change& c : changes) {
    EXPECT_TRUE(c.create_first) << c.id;
  }
}

// A VPC replaced with a service running in it: all that is in it is made beside the old one (the
// gateway too, as a gateway is attached to one VPC at a time), the service is moved in place, and
// nothing is deleted first, so that the old network goes only once the service has left it. A
// subnet whose CIDR block changes in the same VPC goes first, and what is in it with it.
TEST(Diff, AVpcReplacedIsMadeBesideWhatRunsInIt) {
  Plan plan;
  plan.steps.push_back(step("net", "ec2", "CreateVpc", {{"CidrBlock", "10.0.0.0/16"}}));
  Step subnet = step("net.a", "ec2", "CreateSubnet",
                     {{"VpcId", "${net.Vpc.VpcId}"}, {"CidrBlock", "10.0.0.0/24"}});
  subnet.depends_on = {"net"};
  plan.steps.push_back(subnet);
  plan.steps.push_back(step("net.igw", "ec2", "CreateInternetGateway", json::object()));
  Step attach = step("net.igw#attach", "ec2", "AttachInternetGateway",
                     {{"InternetGatewayId", "${net.igw.InternetGateway.InternetGatewayId}"},
                      {"VpcId", "${net.Vpc.VpcId}"}});
  attach.depends_on = {"net.igw", "net"};
  plan.steps.push_back(attach);
  Step eip = step("net.nat#eip", "ec2", "AllocateAddress", {{"Domain", "vpc"}});
  plan.steps.push_back(eip);
  Step gateway = step(
      "net.nat", "ec2", "CreateNatGateway",
      {{"SubnetId", "${net.a.Subnet.SubnetId}"}, {"AllocationId", "${net.nat#eip.AllocationId}"}});
  gateway.depends_on = {"net.a", "net.nat#eip"};
  plan.steps.push_back(gateway);
  Step group = step("net.web", "ec2", "CreateSecurityGroup",
                    {{"GroupName", "web"}, {"Description", "a"}, {"VpcId", "${net.Vpc.VpcId}"}});
  group.depends_on = {"net"};
  plan.steps.push_back(group);
  Step service = step("web", "ecs", "CreateService",
                      {{"serviceName", "web"},
                       {"networkConfiguration",
                        {{"awsvpcConfiguration",
                          {{"subnets", json::array({"${net.a.Subnet.SubnetId}"})},
                           {"securityGroups", json::array({"${net.web.GroupId}"})}}}}}});
  service.depends_on = {"net.a", "net.web"};
  plan.steps.push_back(service);
  apply::State state = applied(plan);
  plan.steps[0].params["CidrBlock"] = "10.1.0.0/16";
  plan.steps[1].params["CidrBlock"] = "10.1.0.0/24";
  std::vector<apply::Change> changes = apply::diff(plan, state);
  std::map<std::string, const apply::Change*> by_id;
  for (const apply::Change& c : changes) {
    by_id[c.id] = &c;
  }
  ASSERT_EQ(changes.size(), 8u);
  for (const char* id :
       {"net", "net.a", "net.igw", "net.igw#attach", "net.nat#eip", "net.nat", "net.web"}) {
    ASSERT_TRUE(by_id.count(id)) << id;
    EXPECT_EQ(by_id[id]->action, apply::Action::Replace) << id;
    EXPECT_TRUE(by_id[id]->create_first) << id << ": " << by_id[id]->deleted_first;
  }
  EXPECT_EQ(by_id["net.igw"]->reason, "renewed with `net.igw#attach`");
  EXPECT_EQ(by_id["web"]->action, apply::Action::Update);
  EXPECT_EQ(by_id["web"]->call, "ecs:UpdateService");

  // The same VPC: a subnet's new CIDR block may overlap the old one's, so the old one goes first,
  // and the NAT gateway in it first too; the internet gateway stays where it is.
  plan.steps[0].params["CidrBlock"] = "10.0.0.0/16";
  changes = apply::diff(plan, state);
  by_id.clear();
  for (const apply::Change& c : changes) {
    by_id[c.id] = &c;
  }
  ASSERT_TRUE(by_id.count("net.a") && by_id.count("net.nat"));
  EXPECT_FALSE(by_id.count("net.igw"));
  EXPECT_FALSE(by_id["net.a"]->create_first);
  EXPECT_EQ(by_id["net.a"]->deleted_first,
            "deleted first: its CIDR block may be the old one's or overlap it");
  EXPECT_FALSE(by_id["net.nat"]->create_first);
  EXPECT_EQ(by_id["net.nat"]->deleted_first, "deleted first, as `net.a` is");
  EXPECT_EQ(by_id["web"]->call, "ecs:UpdateService");
}

// Routes move with their table: the new table gets its routes, its subnets move to it in place
// (ReplaceRouteTableAssociation), and only then is the old table deleted.
TEST(Diff, RoutesMoveToANewTable) {
  Plan plan;
  plan.steps.push_back(step("rt", "ec2", "CreateRouteTable", {{"VpcId", "vpc-1"}}));
  Step route = step("rt.out", "ec2", "CreateRoute",
                    {{"RouteTableId", "${rt.RouteTable.RouteTableId}"},
                     {"DestinationCidrBlock", "0.0.0.0/0"},
                     {"GatewayId", "igw-1"}});
  route.depends_on = {"rt"};
  plan.steps.push_back(route);
  Step association = step("rt#associate.a", "ec2", "AssociateRouteTable",
                          {{"RouteTableId", "${rt.RouteTable.RouteTableId}"}, {"SubnetId", "s-1"}});
  association.depends_on = {"rt"};
  plan.steps.push_back(association);
  apply::State state = applied(plan);
  plan.steps[0].params["VpcId"] = "vpc-2";
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_TRUE(changes[0].create_first);
  EXPECT_EQ(changes[1].action, apply::Action::Replace);
  EXPECT_TRUE(changes[1].create_first);
  EXPECT_EQ(changes[2].action, apply::Action::Update);
  EXPECT_EQ(changes[2].call, "ec2:ReplaceRouteTableAssociation");
  // A route of the same table to the same destination is moved, or replaced after the old one.
  state = applied(plan);
  plan.steps[1].params["GatewayId"] = "igw-2";
  changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].call, "ec2:ReplaceRoute");
}

// An apply that stopped between a replacement made first and the update of what uses it: the
// user's request still holds the old id, and the next plan updates it.
TEST(Diff, AnUpdateLeftByAStoppedApplyIsMade) {
  Plan plan;
  plan.steps.push_back(step("web", "ec2", "CreateSecurityGroup", {{"GroupName", "web"}}));
  plan.steps.push_back(
      step("svc", "ecs", "CreateService",
           {{"serviceName", "svc"},
            {"networkConfiguration",
             {{"awsvpcConfiguration", {{"securityGroups", json::array({"${web.GroupId}"})}}}}}}));
  apply::State state = applied(plan, {{"web", {{"GroupId", "sg-new"}}}});
  state.entries[1].request["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"] =
      json::array({"sg-old"});
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].id, "svc");
  EXPECT_EQ(changes[0].action, apply::Action::Update);
  EXPECT_EQ(changes[0].call, "ecs:UpdateService");
  state.entries[1].request["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"] =
      json::array({"sg-new"});
  EXPECT_TRUE(apply::diff(plan, state).empty());
}

// A name eclc made and changed (`web-2`, made beside the old group), now written as AWS holds it:
// no change; with another change beside, the written name is reused, so the old group goes first.
TEST(Diff, ANameWrittenAsTheOneSentIsNoChange) {
  Plan plan;
  Step made = step("web", "ec2", "CreateSecurityGroup",
                   {{"GroupName", "shop-web"}, {"Description", "a"}, {"VpcId", "vpc-1"}});
  made.made_name = true;
  plan.steps.push_back(made);
  apply::State state = applied(plan);
  state.entries[0].request["GroupName"] = "shop-web-2";
  plan.steps[0].params["GroupName"] = "shop-web-2";
  plan.steps[0].made_name = false;
  EXPECT_TRUE(apply::diff(plan, state).empty());
  plan.steps[0].params["Description"] = "b";
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].action, apply::Action::Replace);
  EXPECT_FALSE(changes[0].create_first);
  EXPECT_EQ(changes[0].deleted_first,
            "deleted first: the new one reuses its GroupName `shop-web-2`");
}

// A call that configures what another step made, naming it by a literal (a log group's retention
// by the group's name), is made again when that step is made again (deleted outside eclc).
TEST(Diff, AConfigurationIsMadeAgainWithWhatItConfigures) {
  Plan plan;
  plan.steps.push_back(step("logs", "logs", "CreateLogGroup", {{"logGroupName", "/shop"}}));
  Step retention = step("logs#retention", "logs", "PutRetentionPolicy",
                        {{"logGroupName", "/shop"}, {"retentionInDays", 14}});
  retention.after = {"logs"};
  plan.steps.push_back(retention);
  apply::State state = applied(plan);
  EXPECT_TRUE(apply::diff(plan, state).empty());
  state.erase("logs"); // deleted outside eclc: the refresh drops it
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].action, apply::Action::Create);
  EXPECT_EQ(changes[1].action, apply::Action::Update);
  EXPECT_EQ(changes[1].call, "logs:PutRetentionPolicy");
  EXPECT_EQ(changes[1].reason, "`logs` is renewed");
}

// A new-user run: a changed desired count replaced the Auto Scaling group, terminating its
// instances, and the capacity provider with it. It changes in place, as the bounds do.
TEST(Diff, AnAutoScalingGroupsDesiredCountChangesInPlace) {
  Plan plan;
  plan.steps.push_back(step(
      "cap#asg", "autoscaling", "CreateAutoScalingGroup",
      {{"AutoScalingGroupName", "cap"}, {"MinSize", 1}, {"MaxSize", 4}, {"DesiredCapacity", 1}}));
  apply::State state = applied(plan);
  plan.steps[0].params["DesiredCapacity"] = 2;
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].action, apply::Action::Update);
  EXPECT_EQ(changes[0].call, "autoscaling:UpdateAutoScalingGroup");
  EXPECT_EQ(changes[0].reason, "DesiredCapacity 1 -> 2");
}

// A new-user run: turning managed scaling on, or a new target capacity, replaced the capacity
// provider (deleted while its cluster used it). UpdateCapacityProvider takes them; another Auto
// Scaling group is still another provider.
TEST(Diff, ACapacityProvidersScalingChangesInPlace) {
  auto provider = [](json managed, std::string group) {
    return json{{"name", "cap"},
                {"autoScalingGroupProvider",
                 {{"autoScalingGroupArn", group},
                  {"managedScaling", std::move(managed)},
                  {"managedTerminationProtection", "DISABLED"}}}};
  };
  Plan plan;
  plan.steps.push_back(step("cap", "ecs", "CreateCapacityProvider",
                            provider({{"status", "DISABLED"}}, "arn:asg:1")));
  apply::State state = applied(plan, {{"cap", {{"capacityProvider.capacityProviderArn", "arn"}}}});
  plan.steps[0].params = provider({{"status", "ENABLED"}, {"targetCapacity", 80}}, "arn:asg:1");
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].action, apply::Action::Update);
  EXPECT_EQ(changes[0].call, "ecs:UpdateCapacityProvider");
  EXPECT_EQ(changes[0].reason, "autoScalingGroupProvider.managedScaling {\"status\":\"DISABLED\"} "
                               "-> {\"status\":\"ENABLED\",\"targetCapacity\":80}");
  plan.steps[0].params = provider({{"status", "DISABLED"}}, "arn:asg:2");
  changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].action, apply::Action::Replace);
  EXPECT_EQ(changes[0].reason, "a capacity provider's Auto Scaling group cannot change "
                               "(autoScalingGroupProvider.autoScalingGroupArn arn:asg:1 -> "
                               "arn:asg:2)");
}

// A new-user run: a changed `ttl` replaced the Cloud Map service, deleting it first, which Cloud
// Map refuses while tasks are registered. UpdateService takes its records' TTL; another record
// type still replaces it.
TEST(Diff, ACloudMapServicesTtlChangesInPlace) {
  auto service = [](std::string type, int ttl) {
    return json{{"Name", "api"},
                {"NamespaceId", "ns-1"},
                {"DnsConfig",
                 {{"RoutingPolicy", "MULTIVALUE"},
                  {"DnsRecords", json::array({{{"Type", type}, {"TTL", ttl}}})}}},
                {"HealthCheckCustomConfig", {{"FailureThreshold", 1}}}};
  };
  Plan plan;
  plan.steps.push_back(
      step("prod.api.discovery[0]", "servicediscovery", "CreateService", service("A", 60)));
  apply::State state = applied(plan, {{"prod.api.discovery[0]", {{"Service.Id", "srv-1"}}}});
  plan.steps[0].params = service("A", 30);
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].action, apply::Action::Update);
  EXPECT_EQ(changes[0].call, "servicediscovery:UpdateService");
  EXPECT_EQ(changes[0].reason, "DnsConfig.DnsRecords.TTL 60 -> 30");
  plan.steps[0].params = service("SRV", 60);
  changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].action, apply::Action::Replace);
  EXPECT_EQ(changes[0].reason, "a Cloud Map service's name, namespace and record type are set "
                               "when it is made (DnsConfig.DnsRecords.Type A -> SRV)");
}

// A new-user run: a renamed service's scalable target was registered again under the new
// ResourceId as an update, and the old one and its policy were left behind, even by destroy.
// What a call made again names is another resource: it replaces (the old one deleted).
TEST(Diff, AScalableTargetOfAnotherResourceReplaces) {
  auto subject = [](std::string id) {
    return json{{"ServiceNamespace", "ecs"},
                {"ResourceId", id},
                {"ScalableDimension", "ecs:service:DesiredCount"}};
  };
  Plan plan;
  json target = subject("service/c/api");
  target["MinCapacity"] = 1;
  target["MaxCapacity"] = 3;
  plan.steps.push_back(
      step("svc#scalable-target", "application-autoscaling", "RegisterScalableTarget", target));
  json policy = subject("service/c/api");
  policy["PolicyName"] = "api-cpu";
  plan.steps.push_back(
      step("svc#policy-cpu", "application-autoscaling", "PutScalingPolicy", policy));
  apply::State state = applied(plan);
  // Its bounds: registered again.
  plan.steps[0].params["MaxCapacity"] = 4;
  std::vector<apply::Change> changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].action, apply::Action::Update);
  EXPECT_EQ(changes[0].call, "application-autoscaling:RegisterScalableTarget");
  // Another service: another target and policy.
  plan.steps[0].params["ResourceId"] = "service/c/api2";
  plan.steps[1].params["ResourceId"] = "service/c/api2";
  plan.steps[1].params["PolicyName"] = "api2-cpu";
  changes = apply::diff(plan, state);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].action, apply::Action::Replace);
  EXPECT_EQ(changes[0].reason, "a scalable target is named by its resource (ResourceId "
                               "service/c/api -> service/c/api2)");
  EXPECT_EQ(changes[1].action, apply::Action::Replace);
}
