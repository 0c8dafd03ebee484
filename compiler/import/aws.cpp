#include "compiler/import/aws.h"

#include "apply/aws.h"
#include "apply/command.h"
#include "apply/credentials.h"
#include "apply/engine.h"
#include "apply/network_libraries.h"
#include "apply/state.h"
#include "backends/plan/plan.h"
#include "compiler/diagnostics/render.h"
#include "compiler/driver/driver.h"
#include "compiler/format/format.h"
#include "compiler/import/importers.h"
#include "compiler/import/program.h"
#include "compiler/schema/schema.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <unistd.h>

namespace ecl::import {
namespace {

using apply::json;
using apply::response_value;

constexpr int kExitClean = 0;
constexpr int kExitErrors = 1;
constexpr int kExitUsage = 2;

std::string str(const json& v, const std::string& path) {
  json x = response_value(v, path);
  return x.is_string() ? x.get<std::string>() : x.is_null() ? "" : x.dump();
}

json list_at(const json& v, const std::string& path) {
  json x = response_value(v, path);
  return x.is_array() ? x : x.is_object() ? json::array({x}) : json::array();
}

bool truthy(const json& v, const std::string& path) {
  json x = response_value(v, path);
  return x.is_boolean() ? x.get<bool>() : x.is_string() && x.get<std::string>() == "true";
}

// The member of the `metric` attribute `attribute` (an enum) that a CloudWatch value is, or "":
// `SampleCount` is `sample_count`, `Bytes/Second` `bytes_per_second`.
std::string cloudwatch_member(const std::string& value, std::string_view attribute) {
  std::string out;
  for (char c : value) {
    if (c == '/') {
      out += "_per_";
    } else if (std::isupper(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != '_') {
        out += '_';
      }
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  const std::vector<std::string_view>& members =
      schema::find_kind("metric")->attribute(attribute)->type->members;
  return std::find(members.begin(), members.end(), out) != members.end() ? out : "";
}

// A resource's tags as key -> value, from [{Key, Value}], [{key, value}] or a map.
std::map<std::string, std::string> tags_of(const json& tags) {
  std::map<std::string, std::string> out;
  if (tags.is_object()) {
    for (const auto& [k, v] : tags.items()) {
      out[k] = v.is_string() ? v.get<std::string>() : v.dump();
    }
  }
  for (const json& t : tags.is_array() ? tags : json::array()) {
    if (t.is_object()) {
      json k = t.value("Key", t.value("key", json("")));
      json v = t.value("Value", t.value("value", json("")));
      out[k.is_string() ? k.get<std::string>() : k.dump()] =
          v.is_string() ? v.get<std::string>() : v.dump();
    }
  }
  return out;
}

// What AWS or eclc itself puts on a resource, which a program does not write: `aws:` tags are
// reserved, `ecl:` tags are eclc's own.
bool user_tag(const std::string& key) {
  return !key.starts_with("aws:") && !key.starts_with("ecl:");
}

class Importer {
public:
  Importer(const apply::Client& client, const AwsOptions& options, Diagnostics& diags,
           SourceManager& sources)
      : client_(client), options_(options), diags_(diags), sources_(sources) {}

  bool read();
  bool write(std::string& program);
  // The live item each create step made, by its block's path and operation (the resource as
  // the step's lookup lists it).
  using Items = std::map<std::pair<std::string, std::string>, json>;
  const Items& items() const { return items_; }
  const std::string& stack() const { return stack_; }
  std::string error;

private:
  bool call(const std::string& service, const std::string& operation, const json& params,
            json& out);
  // Every page of a call whose answer continues at `token`.
  bool pages(const std::string& service, const std::string& operation, json params,
             const std::string& items, const std::string& token, json& out);
  std::string name_for(std::set<std::string>& taken, const std::map<std::string, std::string>& tags,
                       const std::string& fallback);
  Range where(const std::string& id);
  void todo(const std::string& id, std::vector<std::string>& todos, const std::string& what,
            const std::string& why);
  std::string tags_attr(const std::map<std::string, std::string>& tags);

  bool read_cluster();
  bool read_vpc();
  bool read_task(const std::string& arn, Block& task);
  const json* get_role(const std::string& name);
  bool role_value(const std::string& arn, Block& task, std::string& value);
  void vpc_blocks();
  bool scaling(const json& service, Block& b);
  bool service_block(const json& service, const std::vector<std::string>& capacity,
                     std::set<std::string>& names, Block& cluster);
  bool read_load_balancers();
  bool neighbours_in_vpc(std::vector<std::string>& out);
  void load_balancer_blocks();
  void action(const json& actions, const std::string& id, Block& b);
  void security_group_rules(const json& group, Block& block, bool egress);
  std::string group_ref(const std::string& group_id);
  bool only_default(const json& ids) const;

  const apply::Client& client_;
  const AwsOptions& options_;
  Diagnostics& diags_;
  SourceManager& sources_;
  json read_ = json::object(); // what was read, shown as the diagnostics' source
  FileId read_file_ = 0;
  std::string stack_;
  Items items_;

  // The program.
  json cluster_ = nullptr;
  json schedules_ = json::array(); // the schedules that run tasks on the cluster
  json services_ = json::array();
  std::map<std::string, json> task_definitions_; // ARN -> DescribeTaskDefinition's answer
  std::string vpc_id_;
  json vpc_ = nullptr;
  bool dns_support_ = true, dns_hostnames_ = true;
  json subnets_ = json::array(), gateways_ = json::array(), nats_ = json::array(),
       addresses_ = json::array(), tables_ = json::array(), endpoints_ = json::array(),
       groups_ = json::array();
  std::map<std::string, std::string> subnet_names_, gateway_names_, nat_names_, table_names_,
      group_names_; // AWS id -> block name in the VPC
  std::vector<Block> tasks_, log_groups_;
  std::map<std::string, std::string> task_names_; // task definition ARN -> block name
  std::map<std::string, json> roles_read_;        // role name -> GetRole's answer
  std::set<std::string> missing_roles_;           // role names GetRole answered NoSuchEntity
  std::string last_code_;                         // the error code of the last call, or ""
  // Elastic Load Balancing in the VPC: load balancers with their attributes, listeners and rules
  // (`Attributes`, `Listeners[].Rules`), target groups with their attributes; tags by ARN.
  json load_balancers_ = json::array(), target_groups_ = json::array();
  std::map<std::string, std::map<std::string, std::string>> elb_tags_;
  std::map<std::string, std::string> target_group_names_; // ARN -> block name in the VPC
  std::map<std::string, std::string> role_values_;        // role ARN -> what a task names it by
  std::vector<Block> roles_;
  // Block names taken: at the top, by kind (a role and a task may share one), but the stack, the
  // VPC and the cluster, which paths start with (`scope`); in the VPC.
  std::map<std::string, std::set<std::string>> top_names_;
  std::set<std::string> vpc_names_;
  std::string vpc_name_;
  Block vpc_block_{"vpc", "", {}, {}, {}, {}};
  Block cluster_block_{"cluster", "", {}, {}, {}, {}};
  std::map<std::string, std::string> stack_tags_;
};

bool Importer::call(const std::string& service, const std::string& operation, const json& params,
                    json& out) {
  apply::Result r = client_.call(service, operation, params);
  last_code_ = r.code;
  if (!r.ok) {
    error =
        client_.redact(fmt::format("{}:{} failed: {}: {}", service, operation, r.code, r.message));
    return false;
  }
  out = std::move(r.response);
  return true;
}

bool Importer::pages(const std::string& service, const std::string& operation, json params,
                     const std::string& items, const std::string& token, json& out) {
  out = json::array();
  for (int page = 0; page < 1000; ++page) {
    json answer;
    if (!call(service, operation, params, answer)) {
      return false;
    }
    for (const json& item : list_at(answer, items)) {
      out.push_back(item);
    }
    std::string next = str(answer, token.empty() ? "NextToken" : token);
    if (next.empty()) {
      return true;
    }
    params[token.empty() ? "NextToken" : token] = next;
  }
  return true;
}

// The block name of a live resource: the last part of the `ecl:path` tag eclc gave it (so that a
// stack eclc made gets its blocks' names back, and the names made from them), else its `Name`
// tag, else `fallback`; unique among `taken`.
std::string Importer::name_for(std::set<std::string>& taken,
                               const std::map<std::string, std::string>& tags,
                               const std::string& fallback) {
  std::string base = fallback;
  if (auto it = tags.find("ecl:path"); it != tags.end() && !it->second.empty()) {
    std::string path = it->second.substr(0, it->second.find_first_of("#@~"));
    base = path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
  } else if (auto name = tags.find("Name"); name != tags.end() && !name->second.empty()) {
    base = name->second;
  }
  base = identifier(base);
  std::string out = base;
  for (int n = 2; taken.count(out); ++n) {
    out = fmt::format("{}_{}", base, n);
  }
  taken.insert(out);
  return out;
}

// The place of a resource in what was read (the diagnostics' source): its id's first mention.
Range Importer::where(const std::string& id) {
  const std::string& text = sources_.file(read_file_).text();
  std::size_t at = std::string::npos;
  // Where the resource is described (`"GroupId": "sg-…"`), else its first mention.
  for (const char* member :
       {"VpcId", "SubnetId", "InternetGatewayId", "NatGatewayId", "RouteTableId", "VpcEndpointId",
        "GroupId", "clusterArn", "serviceArn", "taskDefinitionArn"}) {
    std::size_t found = text.find(fmt::format("\"{}\": {}", member, json(id).dump()));
    if (!id.empty() && found != std::string::npos) {
      at = text.find(json(id).dump(), found + std::strlen(member) + 3);
      break;
    }
  }
  at = at != std::string::npos || id.empty() ? at : text.find(json(id).dump());
  if (at == std::string::npos) {
    return Range{read_file_, 0, 0};
  }
  return Range{read_file_, static_cast<std::uint32_t>(at),
               static_cast<std::uint32_t>(at + json(id).dump().size())};
}

void Importer::todo(const std::string& id, std::vector<std::string>& todos, const std::string& what,
                    const std::string& why) {
  not_carried(diags_, where(id), todos, what, why);
}

std::string Importer::tags_attr(const std::map<std::string, std::string>& tags) {
  std::vector<std::pair<std::string, std::string>> fields;
  for (const auto& [k, v] : tags) {
    if (user_tag(k) && !(stack_tags_.count(k) && stack_tags_.at(k) == v)) {
      fields.emplace_back(k, quote(v));
    }
  }
  return fields.empty() ? "" : object(fields);
}

// ---- Reading ------------------------------------------------------------------------------------

bool Importer::read_cluster() {
  json answer;
  if (!call("ecs", "DescribeClusters",
            {{"clusters", json::array({options_.cluster})},
             {"include", json::array({"TAGS", "SETTINGS"})}},
            answer)) {
    return false;
  }
  for (const json& c : list_at(answer, "clusters")) {
    if (str(c, "status") == "ACTIVE") {
      cluster_ = c;
    }
  }
  if (cluster_.is_null()) {
    error = fmt::format("there is no active ECS cluster `{}` in {}", options_.cluster,
                        client_.region());
    return false;
  }
  read_["cluster"] = cluster_;
  json arns;
  if (!pages("ecs", "ListServices", {{"cluster", str(cluster_, "clusterArn")}}, "serviceArns",
             "nextToken", arns)) {
    return false;
  }
  for (std::size_t i = 0; i < arns.size(); i += 10) {
    json some = json::array();
    for (std::size_t k = i; k < std::min(arns.size(), i + 10); ++k) {
      some.push_back(arns[k]);
    }
    if (!call("ecs", "DescribeServices",
              {{"cluster", str(cluster_, "clusterArn")},
               {"services", some},
               {"include", json::array({"TAGS"})}},
              answer)) {
      return false;
    }
    for (const json& s : list_at(answer, "services")) {
      if (str(s, "status") == "ACTIVE") {
        services_.push_back(s);
      }
    }
  }
  read_["services"] = services_;
  // The EventBridge Scheduler schedules that run tasks on the cluster: jobs, not imported yet.
  json schedules;
  if (!pages("scheduler", "ListSchedules", json::object(), "Schedules", "NextToken", schedules)) {
    return false;
  }
  for (const json& schedule : schedules) {
    if (str(schedule, "Target.Arn") == str(cluster_, "clusterArn")) {
      schedules_.push_back(schedule);
    }
  }
  if (!schedules_.empty()) {
    read_["schedules"] = schedules_;
  }
  for (const json& s : services_) {
    std::string arn = str(s, "taskDefinition");
    if (arn.empty() || task_definitions_.count(arn)) {
      continue;
    }
    if (!call("ecs", "DescribeTaskDefinition",
              {{"taskDefinition", arn}, {"include", json::array({"TAGS"})}}, answer)) {
      return false;
    }
    task_definitions_[arn] = answer;
    read_["taskDefinitions"].push_back(answer);
  }
  return true;
}

bool Importer::read_vpc() {
  vpc_id_ = options_.vpc;
  if (vpc_id_.empty()) {
    // The VPC of the services' subnets.
    for (const json& s : services_) {
      json subnets = list_at(s, "networkConfiguration.awsvpcConfiguration.subnets");
      if (!subnets.empty()) {
        json answer;
        if (!call("ec2", "DescribeSubnets", {{"SubnetIds", json::array({subnets[0]})}}, answer)) {
          return false;
        }
        vpc_id_ = str(answer, "Subnets[0].VpcId");
        break;
      }
    }
  }
  if (vpc_id_.empty()) {
    return true; // a cluster without awsvpc services: no VPC to read
  }
  auto by_vpc = [&](const char* filter) {
    return json{{"Filters", json::array({{{"Name", filter}, {"Values", json::array({vpc_id_})}}})}};
  };
  json vpcs;
  if (!pages("ec2", "DescribeVpcs", by_vpc("vpc-id"), "Vpcs", "", vpcs)) {
    return false;
  }
  if (vpcs.empty()) {
    error = fmt::format("there is no VPC `{}` in {}", vpc_id_, client_.region());
    return false;
  }
  vpc_ = vpcs[0];
  read_["vpc"] = vpc_;
  for (auto [attribute, flag] : {std::pair{"enableDnsSupport", &dns_support_},
                                 std::pair{"enableDnsHostnames", &dns_hostnames_}}) {
    json answer;
    if (!call("ec2", "DescribeVpcAttribute", {{"VpcId", vpc_id_}, {"Attribute", attribute}},
              answer)) {
      return false;
    }
    std::string member(attribute);
    member[0] = 'E';
    *flag = truthy(answer, member + ".Value");
  }
  // moto does not honour every filter: what is not in the VPC is left out here as well.
  auto in_vpc = [&](json items, const std::string& path) {
    json out = json::array();
    for (const json& item : items) {
      if (path.empty() || str(item, path) == vpc_id_) {
        out.push_back(item);
      }
    }
    return out;
  };
  json all;
  if (!pages("ec2", "DescribeSubnets", by_vpc("vpc-id"), "Subnets", "", all)) {
    return false;
  }
  subnets_ = in_vpc(all, "VpcId");
  if (!pages("ec2", "DescribeInternetGateways", by_vpc("attachment.vpc-id"), "InternetGateways", "",
             all)) {
    return false;
  }
  gateways_ = in_vpc(all, "Attachments[0].VpcId");
  json filter = by_vpc("vpc-id");
  if (!pages("ec2", "DescribeNatGateways", {{"Filter", filter["Filters"]}}, "NatGateways", "",
             all)) {
    return false;
  }
  nats_ = json::array();
  for (const json& n : in_vpc(all, "VpcId")) {
    std::string state = str(n, "State");
    if (state == "available" || state == "pending") {
      nats_.push_back(n);
    }
  }
  json allocations = json::array();
  for (const json& n : nats_) {
    for (const json& a : list_at(n, "NatGatewayAddresses")) {
      if (!str(a, "AllocationId").empty()) {
        allocations.push_back(str(a, "AllocationId"));
      }
    }
  }
  if (!allocations.empty()) {
    json answer;
    if (!call("ec2", "DescribeAddresses", {{"AllocationIds", allocations}}, answer)) {
      return false;
    }
    addresses_ = list_at(answer, "Addresses");
  }
  if (!pages("ec2", "DescribeRouteTables", by_vpc("vpc-id"), "RouteTables", "", all)) {
    return false;
  }
  tables_ = in_vpc(all, "VpcId");
  if (!pages("ec2", "DescribeVpcEndpoints", by_vpc("vpc-id"), "VpcEndpoints", "", all)) {
    return false;
  }
  endpoints_ = json::array();
  for (const json& e : in_vpc(all, "VpcId")) {
    std::string state = str(e, "State");
    std::transform(state.begin(), state.end(), state.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (state != "deleted" && state != "deleting" && state != "failed" && state != "rejected") {
      endpoints_.push_back(e);
    }
  }
  if (!pages("ec2", "DescribeSecurityGroups", by_vpc("vpc-id"), "SecurityGroups", "", all)) {
    return false;
  }
  groups_ = in_vpc(all, "VpcId");
  read_["subnets"] = subnets_;
  read_["internetGateways"] = gateways_;
  read_["natGateways"] = nats_;
  read_["addresses"] = addresses_;
  read_["routeTables"] = tables_;
  read_["vpcEndpoints"] = endpoints_;
  read_["securityGroups"] = groups_;
  return read_load_balancers();
}

bool Importer::read_load_balancers() {
  json answer;
  if (!call("elbv2", "DescribeLoadBalancers", {{"PageSize", 400}}, answer)) {
    return false;
  }
  std::vector<std::string> arns;
  for (json lb : list_at(answer, "LoadBalancers")) {
    if (str(lb, "VpcId") != vpc_id_) {
      continue;
    }
    const std::string arn = str(lb, "LoadBalancerArn");
    arns.push_back(arn);
    json attributes;
    if (!call("elbv2", "DescribeLoadBalancerAttributes", {{"LoadBalancerArn", arn}}, attributes)) {
      return false;
    }
    lb["Attributes"] = list_at(attributes, "Attributes");
    json listeners;
    if (!call("elbv2", "DescribeListeners", {{"LoadBalancerArn", arn}}, listeners)) {
      return false;
    }
    lb["Listeners"] = list_at(listeners, "Listeners");
    for (json& listener : lb["Listeners"]) {
      arns.push_back(str(listener, "ListenerArn"));
      json rules;
      if (!call("elbv2", "DescribeRules", {{"ListenerArn", str(listener, "ListenerArn")}}, rules)) {
        return false;
      }
      listener["Rules"] = list_at(rules, "Rules");
      for (const json& rule : listener["Rules"]) {
        if (!truthy(rule, "IsDefault")) {
          arns.push_back(str(rule, "RuleArn"));
        }
      }
    }
    load_balancers_.push_back(std::move(lb));
  }
  if (!call("elbv2", "DescribeTargetGroups", {{"PageSize", 400}}, answer)) {
    return false;
  }
  for (json tg : list_at(answer, "TargetGroups")) {
    if (str(tg, "VpcId") != vpc_id_) {
      continue;
    }
    arns.push_back(str(tg, "TargetGroupArn"));
    json attributes;
    if (!call("elbv2", "DescribeTargetGroupAttributes",
              {{"TargetGroupArn", str(tg, "TargetGroupArn")}}, attributes)) {
      return false;
    }
    tg["Attributes"] = list_at(attributes, "Attributes");
    target_groups_.push_back(std::move(tg));
  }
  for (std::size_t i = 0; i < arns.size(); i += 20) {
    json some = json::array();
    for (std::size_t k = i; k < std::min(arns.size(), i + 20); ++k) {
      some.push_back(arns[k]);
    }
    json tags;
    if (!call("elbv2", "DescribeTags", {{"ResourceArns", some}}, tags)) {
      return false;
    }
    for (const json& d : list_at(tags, "TagDescriptions")) {
      elb_tags_[str(d, "ResourceArn")] = tags_of(response_value(d, "Tags"));
    }
  }
  read_["loadBalancers"] = load_balancers_;
  read_["targetGroups"] = target_groups_;
  return true;
}

bool Importer::read() {
  if (!options_.cluster.empty() && !read_cluster()) {
    return false;
  }
  if (!read_vpc()) {
    return false;
  }
  if (vpc_.is_null() && cluster_.is_null()) {
    error = "nothing to import: the cluster's services run in no VPC; name one with --vpc";
    return false;
  }
  std::vector<std::string> neighbours;
  if (!vpc_.is_null() && !neighbours_in_vpc(neighbours)) {
    return false;
  }
  // What was read, as the source the diagnostics point into.
  read_file_ =
      sources_.add(fmt::format("aws:{}{}", client_.region(),
                               options_.cluster.empty() ? "" : "/cluster/" + options_.cluster),
                   read_.dump(2) + "\n");
  for (const std::string& n : neighbours) {
    diags_.report(Diag::ImportSharedVpc, Range{read_file_, 0, 0}, n, vpc_id_);
  }
  return true;
}

// The services of other clusters whose tasks run in the imported VPC ("cluster/service"): the
// program owns the whole VPC (its subnets, groups, load balancers), so destroying it would take
// what they use away.
bool Importer::neighbours_in_vpc(std::vector<std::string>& out) {
  std::set<std::string> subnet_ids;
  for (const json& s : subnets_) {
    subnet_ids.insert(str(s, "SubnetId"));
  }
  json clusters;
  if (!pages("ecs", "ListClusters", json::object(), "clusterArns", "nextToken", clusters)) {
    return false;
  }
  for (const json& arn : clusters) {
    if (!arn.is_string() || (!cluster_.is_null() && arn == cluster_["clusterArn"])) {
      continue;
    }
    json arns;
    if (!pages("ecs", "ListServices", {{"cluster", arn}}, "serviceArns", "nextToken", arns)) {
      return false;
    }
    for (std::size_t i = 0; i < arns.size(); i += 10) {
      json some = json::array();
      for (std::size_t k = i; k < std::min(arns.size(), i + 10); ++k) {
        some.push_back(arns[k]);
      }
      json answer;
      if (!call("ecs", "DescribeServices", {{"cluster", arn}, {"services", some}}, answer)) {
        return false;
      }
      for (const json& svc : list_at(answer, "services")) {
        for (const json& subnet :
             list_at(svc, "networkConfiguration.awsvpcConfiguration.subnets")) {
          if (str(svc, "status") == "ACTIVE" && subnet.is_string() &&
              subnet_ids.count(subnet.get<std::string>())) {
            std::string cluster = arn.get<std::string>();
            out.push_back(cluster.substr(cluster.find_last_of('/') + 1) + "/" +
                          str(svc, "serviceName"));
            break;
          }
        }
      }
    }
  }
  return true;
}

// ---- Writing ------------------------------------------------------------------------------------

// The made name of a block at `path` (model::made_name): the stack's name and the path, `-` for
// what is not a letter, digit, `_` or `-`.
std::string made(const std::string& stack, const std::string& path, const std::string& role = "") {
  std::string name = stack + "-";
  for (char c : path) {
    name += std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ? c : '-';
  }
  return role.empty() ? name : name + "-" + role;
}

std::string protocol_of(const std::string& p) {
  return p == "-1" ? "all" : p == "6" ? "tcp" : p == "17" ? "udp" : p == "1" ? "icmp" : p;
}

std::string Importer::group_ref(const std::string& group_id) {
  auto it = group_names_.find(group_id);
  return it == group_names_.end() ? "" : it->second;
}

// Whether `ids` (strings, or objects with a GroupId) is the VPC's default group alone: what a
// service, load balancer or interface endpoint that names no group is in, in ECL as in AWS.
bool Importer::only_default(const json& ids) const {
  if (ids.size() != 1) {
    return false;
  }
  std::string id = ids[0].is_string() ? ids[0].get<std::string>() : str(ids[0], "GroupId");
  return std::any_of(groups_.begin(), groups_.end(), [&](const json& g) {
    return str(g, "GroupName") == "default" && str(g, "GroupId") == id;
  });
}

// The ingress (or egress) rules of a group: one ECL rule a source of each permission.
void Importer::security_group_rules(const json& group, Block& block, bool egress) {
  const std::string id = str(group, "GroupId");
  json permissions = list_at(group, egress ? "IpPermissionsEgress" : "IpPermissions");
  // AWS's default egress (everything to everywhere) is what a group without egress rules has.
  if (egress && permissions.size() == 1 && str(permissions[0], "IpProtocol") == "-1" &&
      list_at(permissions[0], "IpRanges").size() == 1 &&
      str(permissions[0], "IpRanges[0].CidrIp") == "0.0.0.0/0" &&
      str(permissions[0], "IpRanges[0].Description").empty() &&
      list_at(permissions[0], "UserIdGroupPairs").empty() &&
      list_at(permissions[0], "Ipv6Ranges").empty() &&
      list_at(permissions[0], "PrefixListIds").empty()) {
    return;
  }
  const char* kind = egress ? "egress" : "ingress";
  const char* peer = egress ? "to" : "from";
  const std::size_t first = block.children.size();
  for (const json& p : permissions) {
    std::string protocol = protocol_of(str(p, "IpProtocol"));
    if (protocol != "tcp" && protocol != "udp" && protocol != "icmp" && protocol != "all") {
      todo(id, block.todos, fmt::format("{} rule of protocol `{}`", kind, protocol),
           "ECL's rules are tcp, udp, icmp or all");
      continue;
    }
    auto rule = [&](const std::string& source, const std::string& description) {
      Block r{kind, "", {}, {}, {}, {}};
      if (protocol != "tcp") {
        r.set("protocol", protocol);
      }
      std::string from = str(p, "FromPort"), to = str(p, "ToPort");
      if (protocol == "tcp" || protocol == "udp") {
        if (!from.empty() && from == to) {
          r.set("port", from);
        } else if (!from.empty()) {
          r.set("from_port", from);
          r.set("to_port", to);
        }
      } else if (protocol == "icmp" && !from.empty()) {
        r.set("from_port", from);
        r.set("to_port", to);
      }
      r.set(peer, source);
      if (!description.empty()) {
        r.set("description", quote(description));
      }
      block.children.push_back(std::move(r));
    };
    for (const json& range : list_at(p, "IpRanges")) {
      rule(quote(str(range, "CidrIp")), str(range, "Description"));
    }
    for (const json& pair : list_at(p, "UserIdGroupPairs")) {
      std::string ref = group_ref(str(pair, "GroupId"));
      if (ref.empty()) {
        todo(id, block.todos,
             fmt::format("the {} rule {} the security group `{}`", kind, egress ? "to" : "from",
                         str(pair, "GroupId")),
             "it is not a group of this VPC");
        continue;
      }
      rule(ref, str(pair, "Description"));
    }
    std::string ports = str(p, "FromPort") == str(p, "ToPort")
                            ? str(p, "FromPort")
                            : str(p, "FromPort") + "-" + str(p, "ToPort");
    ports = protocol == "all" || ports.empty() ? protocol : protocol + " " + ports;
    for (const json& range : list_at(p, "Ipv6Ranges")) {
      todo(id, block.todos,
           fmt::format("the {} rule {} {} `{}`", kind, ports, peer, str(range, "CidrIpv6")),
           "ECL's rules are IPv4");
    }
    for (const json& list : list_at(p, "PrefixListIds")) {
      todo(id, block.todos,
           fmt::format("the {} rule {} {} the prefix list `{}`", kind, ports, peer,
                       str(list, "PrefixListId")),
           "ECL's rules name CIDR blocks and security groups");
    }
  }
  // In a stable order (AWS answers the permissions in its own): by port, protocol and peer.
  auto key = [](const Block& r) {
    std::string out;
    for (const char* a :
         {"port", "from_port", "to_port", "protocol", "from", "to", "description"}) {
      for (const auto& [name, value] : r.attrs) {
        out += name == a ? fmt::format("{:>12}|", value) : "";
      }
    }
    return out;
  };
  std::stable_sort(block.children.begin() + static_cast<std::ptrdiff_t>(first),
                   block.children.end(),
                   [&](const Block& a, const Block& b) { return key(a) < key(b); });
}

void Importer::vpc_blocks() {
  const std::map<std::string, std::string> vpc_tags = tags_of(response_value(vpc_, "Tags"));
  vpc_name_ = name_for(top_names_["scope"], vpc_tags, "main");
  vpc_block_.name = vpc_name_;
  items_[{vpc_name_, "CreateVpc"}] = vpc_;
  vpc_block_.set("cidr", quote(str(vpc_, "CidrBlock")));
  vpc_block_.set("dns_support", dns_support_ ? "true" : "false");
  vpc_block_.set("dns_hostnames", dns_hostnames_ ? "true" : "false");
  if (str(vpc_, "InstanceTenancy") == "dedicated") {
    vpc_block_.set("instance_tenancy", "dedicated");
  }
  if (auto t = tags_attr(vpc_tags); !t.empty()) {
    vpc_block_.set("tags", t);
  }
  for (const json& a : list_at(vpc_, "CidrBlockAssociationSet")) {
    if (str(a, "CidrBlock") != str(vpc_, "CidrBlock")) {
      todo(vpc_id_, vpc_block_.todos, fmt::format("the CIDR block `{}`", str(a, "CidrBlock")),
           "an ECL VPC has one CIDR block");
    }
  }
  for (const json& a : list_at(vpc_, "Ipv6CidrBlockAssociationSet")) {
    todo(vpc_id_, vpc_block_.todos,
         fmt::format("the IPv6 CIDR block `{}`", str(a, "Ipv6CidrBlock")), "ECL's VPCs are IPv4");
  }
  std::vector<Block>& children = vpc_block_.children;
  // Subnets in the order of their addresses.
  auto address = [](const json& subnet) {
    std::uint64_t out = 0;
    std::string cidr = str(subnet, "CidrBlock");
    for (char& c : cidr) {
      c = c == '.' || c == '/' ? ' ' : c;
    }
    std::istringstream in(cidr);
    for (std::uint64_t part = 0; in >> part;) {
      out = out * 256 + part;
    }
    return out;
  };
  std::stable_sort(subnets_.begin(), subnets_.end(),
                   [&](const json& a, const json& b) { return address(a) < address(b); });
  // Names first: rules and routes name other blocks.
  for (const json& s : subnets_) {
    subnet_names_[str(s, "SubnetId")] =
        name_for(vpc_names_, tags_of(response_value(s, "Tags")), "subnet");
  }
  for (const json& g : gateways_) {
    gateway_names_[str(g, "InternetGatewayId")] =
        name_for(vpc_names_, tags_of(response_value(g, "Tags")), "igw");
  }
  for (const json& n : nats_) {
    nat_names_[str(n, "NatGatewayId")] =
        name_for(vpc_names_, tags_of(response_value(n, "Tags")), "nat");
  }
  for (const json& g : groups_) {
    if (str(g, "GroupName") != "default") {
      group_names_[str(g, "GroupId")] =
          name_for(vpc_names_, tags_of(response_value(g, "Tags")), identifier(str(g, "GroupName")));
    }
  }
  auto path = [&](const std::string& name) { return vpc_name_ + "." + name; };

  for (const json& s : subnets_) {
    const std::string id = str(s, "SubnetId");
    Block b{"subnet", subnet_names_[id], {}, {}, {}, {}};
    items_[{path(b.name), "CreateSubnet"}] = s;
    b.set("cidr", quote(str(s, "CidrBlock")));
    b.set("zone", quote(str(s, "AvailabilityZone")));
    if (truthy(s, "MapPublicIpOnLaunch")) {
      b.set("public", "true");
    }
    if (auto t = tags_attr(tags_of(response_value(s, "Tags"))); !t.empty()) {
      b.set("tags", t);
    }
    if (!list_at(s, "Ipv6CidrBlockAssociationSet").empty()) {
      todo(id, b.todos, "the subnet's IPv6 CIDR block", "ECL's subnets are IPv4");
    }
    for (const char* setting : {"AssignIpv6AddressOnCreation", "MapCustomerOwnedIpOnLaunch",
                                "EnableDns64", "Ipv6Native"}) {
      if (truthy(s, setting)) {
        todo(id, b.todos, fmt::format("`{}: true`", setting), "ECL's subnets do not set it");
      }
    }
    children.push_back(std::move(b));
  }
  for (std::size_t i = 0; i < gateways_.size(); ++i) {
    const json& g = gateways_[i];
    const std::string id = str(g, "InternetGatewayId");
    if (i > 0) {
      todo(id, vpc_block_.todos, fmt::format("the internet gateway `{}`", id),
           "a VPC has one internet gateway");
      continue;
    }
    Block b{"internet_gateway", gateway_names_[id], {}, {}, {}, {}};
    items_[{path(b.name), "CreateInternetGateway"}] = g;
    if (auto t = tags_attr(tags_of(response_value(g, "Tags"))); !t.empty()) {
      b.set("tags", t);
    }
    children.push_back(std::move(b));
  }
  for (const json& n : nats_) {
    const std::string id = str(n, "NatGatewayId");
    if (str(n, "ConnectivityType") == "private") {
      todo(id, vpc_block_.todos, fmt::format("the private NAT gateway `{}`", id),
           "ECL's NAT gateways are public, with an Elastic IP");
      nat_names_.erase(id);
      continue;
    }
    Block b{"nat_gateway", nat_names_[id], {}, {}, {}, {}};
    items_[{path(b.name), "CreateNatGateway"}] = n;
    std::string allocation = str(n, "NatGatewayAddresses[0].AllocationId");
    for (const json& a : addresses_) {
      if (str(a, "AllocationId") == allocation) {
        items_[{path(b.name), "AllocateAddress"}] = a;
      }
    }
    auto subnet = subnet_names_.find(str(n, "SubnetId"));
    if (subnet != subnet_names_.end()) {
      b.set("subnet", subnet->second);
    }
    if (auto t = tags_attr(tags_of(response_value(n, "Tags"))); !t.empty()) {
      b.set("tags", t);
    }
    children.push_back(std::move(b));
  }
  for (const json& t : tables_) {
    const std::string id = str(t, "RouteTableId");
    bool main = false;
    std::vector<std::string> subnets;
    for (const json& a : list_at(t, "Associations")) {
      main = main || truthy(a, "Main");
      auto subnet = subnet_names_.find(str(a, "SubnetId"));
      if (subnet != subnet_names_.end()) {
        subnets.push_back(subnet->second);
      }
    }
    std::vector<json> routes;
    for (const json& r : list_at(t, "Routes")) {
      std::string gateway = str(r, "GatewayId");
      if (gateway == "local" || gateway.starts_with("vpce-") ||
          str(r, "Origin") == "CreateRouteTable") {
        continue; // the VPC's own route, and the routes of gateway endpoints
      }
      routes.push_back(r);
    }
    if (main) {
      // The VPC's main table came with the VPC and goes with it.
      if (!routes.empty() || !subnets.empty()) {
        todo(id, vpc_block_.todos,
             fmt::format("the main route table `{}`'s routes and subnets", id),
             "ECL does not manage a VPC's main route table; make a `route_table` for them");
      }
      continue;
    }
    Block b{"route_table",
            name_for(vpc_names_, tags_of(response_value(t, "Tags")), "routes"),
            {},
            {},
            {},
            {}};
    table_names_[id] = b.name;
    for (const json& g : list_at(t, "PropagatingVgws")) {
      todo(id, b.todos, fmt::format("the routes propagated from `{}`", str(g, "GatewayId")),
           "ECL has no virtual private gateways");
    }
    items_[{path(b.name), "CreateRouteTable"}] = t;
    if (!subnets.empty()) {
      std::sort(subnets.begin(), subnets.end());
      b.set("subnets", list(subnets));
    }
    if (auto tags = tags_attr(tags_of(response_value(t, "Tags"))); !tags.empty()) {
      b.set("tags", tags);
    }
    for (const json& r : routes) {
      std::string destination = str(r, "DestinationCidrBlock");
      std::string target;
      if (auto g = gateway_names_.find(str(r, "GatewayId")); g != gateway_names_.end()) {
        target = g->second;
      } else if (auto n = nat_names_.find(str(r, "NatGatewayId")); n != nat_names_.end()) {
        target = n->second;
      }
      if (destination.empty() || target.empty()) {
        std::string to;
        for (const char* m : {"GatewayId", "NatGatewayId", "TransitGatewayId", "InstanceId",
                              "NetworkInterfaceId", "VpcPeeringConnectionId"}) {
          to = to.empty() ? str(r, m) : to;
        }
        std::string dest = destination.empty() ? str(r, "DestinationIpv6CidrBlock") +
                                                     str(r, "DestinationPrefixListId")
                                               : destination;
        todo(id, b.todos, fmt::format("the route to `{}` through `{}`", dest, to),
             "ECL's routes go to IPv4 CIDR blocks through this VPC's internet or NAT gateway");
        continue;
      }
      Block route{"route", "", {}, {}, {}, {}};
      route.set("destination", quote(destination));
      route.set("target", target);
      b.children.push_back(std::move(route));
    }
    children.push_back(std::move(b));
  }
  const std::string prefix = "com.amazonaws." + client_.region() + ".";
  for (const json& e : endpoints_) {
    const std::string id = str(e, "VpcEndpointId");
    std::string service = str(e, "ServiceName");
    if (!service.starts_with(prefix)) {
      todo(id, vpc_block_.todos, fmt::format("the endpoint `{}` of `{}`", id, service),
           "ECL's endpoints are of AWS services of the stack's region");
      continue;
    }
    service = service.substr(prefix.size());
    Block b{"endpoint", name_for(vpc_names_, tags_of(response_value(e, "Tags")), service),
            {},         {},
            {},         {}};
    items_[{path(b.name), "CreateVpcEndpoint"}] = e;
    b.set("service", quote(service));
    std::string type = str(e, "VpcEndpointType");
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    bool derived_gateway = service == "s3" || service == "dynamodb";
    if (type == "gateway" || type == "interface") {
      if ((type == "gateway") != derived_gateway) {
        b.set("type", type);
      }
    } else {
      todo(id, b.todos, fmt::format("the endpoint type `{}`", type),
           "ECL's endpoints are gateway or interface endpoints");
    }
    std::vector<std::string> tables, subnets, groups;
    for (const json& t : list_at(e, "RouteTableIds")) {
      auto it = table_names_.find(t.is_string() ? t.get<std::string>() : "");
      if (it != table_names_.end()) {
        tables.push_back(it->second);
      } else {
        todo(id, b.todos,
             fmt::format("the route table `{}`", (t.is_string() ? t.get<std::string>() : t.dump())),
             "it is the VPC's main table, which ECL does not manage");
      }
    }
    for (const json& s : list_at(e, "SubnetIds")) {
      auto it = subnet_names_.find(s.is_string() ? s.get<std::string>() : "");
      if (it != subnet_names_.end()) {
        subnets.push_back(it->second);
      }
    }
    const json endpoint_groups = list_at(e, "Groups");
    for (const json& g : only_default(endpoint_groups) ? json::array() : endpoint_groups) {
      std::string ref = group_ref(str(g, "GroupId"));
      if (!ref.empty()) {
        groups.push_back(ref);
      } else {
        todo(id, b.todos, fmt::format("the security group `{}`", str(g, "GroupId")),
             "it is the VPC's default group, or not of this VPC");
      }
    }
    if (!tables.empty()) {
      b.set("route_tables", list(tables));
    }
    if (!subnets.empty()) {
      b.set("subnets", list(subnets));
    }
    if (!groups.empty()) {
      b.set("security_groups", list(groups));
    }
    if (type == "interface" && !truthy(e, "PrivateDnsEnabled")) {
      b.set("private_dns", "false");
    }
    if (auto t = tags_attr(tags_of(response_value(e, "Tags"))); !t.empty()) {
      b.set("tags", t);
    }
    std::string policy = str(e, "PolicyDocument");
    if (!policy.empty()) {
      json doc = json::parse(policy, nullptr, false);
      json statements = doc.is_object() ? doc.value("Statement", json::array()) : json();
      bool full = statements.is_array() && statements.size() == 1 &&
                  statements[0].value("Effect", "") == "Allow" &&
                  statements[0].value("Principal", json()).dump().find('*') != std::string::npos &&
                  statements[0].value("Action", json()).dump() == "\"*\"" &&
                  statements[0].value("Resource", json()).dump() == "\"*\"" &&
                  !statements[0].contains("Condition");
      if (!full) {
        todo(id, b.todos, fmt::format("the endpoint policy `{}`", excerpt(policy)),
             "ECL's endpoints allow everything (AWS's default policy)");
      }
    }
    children.push_back(std::move(b));
  }
  for (const json& g : groups_) {
    const std::string id = str(g, "GroupId");
    if (!group_names_.count(id)) {
      continue; // the VPC's default group came with the VPC and goes with it
    }
    Block b{"security_group", group_names_[id], {}, {}, {}, {}};
    items_[{path(b.name), "CreateSecurityGroup"}] = g;
    b.set("description", quote(str(g, "Description")));
    if (str(g, "GroupName") != made(stack_, path(b.name))) {
      b.set("name", quote(str(g, "GroupName")));
    }
    if (auto t = tags_attr(tags_of(response_value(g, "Tags"))); !t.empty()) {
      b.set("tags", t);
    }
    security_group_rules(g, b, false);
    security_group_rules(g, b, true);
    children.push_back(std::move(b));
  }
  load_balancer_blocks();
  // Each kind together, as read; within a kind but subnets, by name.
  std::map<std::string, std::size_t> rank;
  for (const Block& b : children) {
    rank.emplace(b.kind, rank.size());
  }
  std::stable_sort(children.begin(), children.end(), [&](const Block& a, const Block& b) {
    if (a.kind != b.kind) {
      return rank[a.kind] < rank[b.kind];
    }
    return a.kind != "subnet" && a.name < b.name;
  });
}

// `%7B%22Version...`: IAM's query answers carry policy documents URL-encoded.
std::string url_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i] == '+' ? ' ' : text[i];
    }
  }
  return out;
}

json policy(const std::string& text) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    doc = json::parse(url_decode(text), nullptr, false);
  }
  return doc.is_discarded() ? json() : doc;
}

// A string or a list of strings as a list of quoted strings; nullopt for anything else.
std::optional<std::vector<std::string>> strings_of(const json& v) {
  std::vector<std::string> out;
  for (const json& x : v.is_array() ? v : json::array({v})) {
    if (!x.is_string()) {
      return std::nullopt;
    }
    out.push_back(quote(x.get<std::string>()));
  }
  return out;
}

// A role's inline policy as ECL statements, or nullopt when it says more than they can.
std::optional<std::string> statements_of(const json& doc) {
  std::vector<std::string> out;
  json statements = doc.is_object() ? doc.value("Statement", json()) : json();
  for (const json& st : statements.is_array() ? statements : json::array({statements})) {
    if (!st.is_object()) {
      return std::nullopt;
    }
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& [key, value] : st.items()) {
      if (key == "Sid") {
        continue;
      }
      if (key == "Effect") {
        if (value == "Deny") {
          fields.emplace_back("effect", "deny");
        } else if (value != "Allow") {
          return std::nullopt;
        }
      } else if (key == "Action" || key == "Resource") {
        auto items = strings_of(value);
        if (!items) {
          return std::nullopt;
        }
        fields.emplace_back(key == "Action" ? "actions" : "resources", list(*items));
      } else if (key == "Condition" && value.is_object()) {
        std::vector<std::string> conditions;
        for (const auto& [test, variables] : value.items()) {
          for (const auto& [variable, values] : variables.items()) {
            auto items = strings_of(values);
            if (!items) {
              return std::nullopt;
            }
            conditions.push_back(object(
                {{"test", quote(test)}, {"variable", quote(variable)}, {"values", list(*items)}}));
          }
        }
        fields.emplace_back("conditions", list(conditions));
      } else {
        return std::nullopt; // NotAction, NotResource, Principal...
      }
    }
    std::stable_sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) {
      auto rank = [](const std::string& f) {
        return f == "effect" ? 0 : f == "actions" ? 1 : f == "resources" ? 2 : 3;
      };
      return rank(a.first) < rank(b.first);
    });
    out.push_back(object(fields));
  }
  return list(out);
}

const json* Importer::get_role(const std::string& name) {
  if (auto it = roles_read_.find(name); it != roles_read_.end()) {
    return &it->second;
  }
  json got;
  if (!call("iam", "GetRole", {{"RoleName", name}}, got)) {
    if (last_code_ == "NoSuchEntity") {
      error.clear(); // named by its ARN, with a TODO (role_value)
      missing_roles_.insert(name);
    }
    return nullptr;
  }
  read_["roles"].push_back(got);
  return &(roles_read_[name] = std::move(got));
}

// What a task names the role `arn` by: the `role` block of a role eclc made for one (it carries an
// `ecl:path` tag) when a block can say all of it (its trust policy, managed policies and the
// inline policy `statements`); else its ARN, made elsewhere (with a TODO when eclc made it).
bool Importer::role_value(const std::string& arn, Block& task, std::string& value) {
  if (auto it = role_values_.find(arn); it != role_values_.end()) {
    value = it->second;
    return true;
  }
  value = quote(arn);
  const std::string role_name = arn.substr(arn.rfind('/') + 1);
  const json* got = get_role(role_name);
  if (!got && missing_roles_.count(role_name)) {
    // A role the task names that does not exist: its tasks cannot start until it does.
    todo(arn, task.todos, fmt::format("the role `{}`", arn),
         "it does not exist (IAM answers NoSuchEntity): the task names it by its ARN, and its "
         "tasks cannot start until it is made");
    role_values_[arn] = value;
    return true;
  }
  if (!got) {
    return false;
  }
  const json role = response_value(*got, "Role");
  const auto tags = tags_of(response_value(role, "Tags"));
  if (!tags.count("ecl:path")) {
    role_values_[arn] = value; // made elsewhere
    return true;
  }
  std::string why;
  // The trust policy: sts:AssumeRole for services and accounts.
  std::vector<std::string> principals;
  json trust = policy(str(role, "AssumeRolePolicyDocument"));
  json statements = trust.is_object() ? trust.value("Statement", json()) : json();
  const json empty = json::object();
  for (const json& st : statements.is_array() ? statements : json::array({statements})) {
    bool plain = st.is_object() && st.value("Effect", "") == "Allow" &&
                 strings_of(st.value("Action", json())) ==
                     std::optional<std::vector<std::string>>({quote("sts:AssumeRole")}) &&
                 st.value("Principal", json()).is_object();
    const json& members = st.is_object() ? st : empty;
    for (const auto& [key, v] : members.items()) {
      plain = plain && (key == "Effect" || key == "Action" || key == "Principal" || key == "Sid");
    }
    const json& who_all = plain ? st["Principal"] : empty;
    for (const auto& [kind, who] : who_all.items()) {
      auto items = strings_of(who);
      plain = plain && (kind == "Service" || kind == "AWS") && items;
      for (const std::string& p : items ? *items : std::vector<std::string>{}) {
        principals.push_back(p);
      }
    }
    if (!plain) {
      why = "its trust policy says more than `assumed_by`";
    }
  }
  json attached;
  if (!pages("iam", "ListAttachedRolePolicies", {{"RoleName", role_name}}, "AttachedPolicies",
             "Marker", attached)) {
    return false;
  }
  std::vector<std::string> managed;
  for (const json& a : attached) {
    managed.push_back(quote(str(a, "PolicyArn")));
  }
  json names;
  if (!pages("iam", "ListRolePolicies", {{"RoleName", role_name}}, "PolicyNames", "Marker",
             names)) {
    return false;
  }
  std::optional<std::string> inline_statements;
  for (const json& n : names) {
    std::string policy_name = n.is_string() ? n.get<std::string>() : n.dump();
    if (policy_name != "statements") {
      why = fmt::format("its inline policy `{}` is not ECL's `statements`", policy_name);
      continue;
    }
    json doc;
    if (!call("iam", "GetRolePolicy", {{"RoleName", role_name}, {"PolicyName", policy_name}},
              doc)) {
      return false;
    }
    inline_statements = statements_of(policy(str(doc, "PolicyDocument")));
    if (!inline_statements) {
      why = "its inline policy says more than `statements` can";
    }
  }
  if (!why.empty() || principals.empty()) {
    todo(arn, task.todos, fmt::format("the role `{}`, which eclc made,", role_name),
         (why.empty() ? std::string("nobody may assume it") : why) +
             "; the task names it by its ARN, and the program neither changes nor deletes it");
    role_values_[arn] = value;
    return true;
  }
  Block b{"role", name_for(top_names_["role"], tags, role_name), {}, {}, {}, {}};
  if (role_name != made(stack_, b.name)) {
    b.set("name", quote(role_name));
  }
  b.set("assumed_by", list(principals));
  if (!managed.empty()) {
    b.set("managed_policies", list(managed));
  }
  if (inline_statements) {
    b.set("statements", *inline_statements);
  }
  if (std::string path = str(role, "Path"); !path.empty() && path != "/") {
    b.set("path", quote(path));
  }
  if (std::string description = str(role, "Description"); !description.empty()) {
    b.set("description", quote(description));
  }
  if (auto t = tags_attr(tags); !t.empty()) {
    b.set("tags", t);
  }
  value = b.name;
  role_values_[arn] = value;
  roles_.push_back(std::move(b));
  return true;
}

// The value of an Elastic Load Balancing attribute ([{Key, Value}]), or "".
std::string attribute(const json& item, const std::string& key) {
  for (const json& a : list_at(item, "Attributes")) {
    if (str(a, "Key") == key) {
      return str(a, "Value");
    }
  }
  return "";
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The name the plan makes for a load balancer or target group (model::made_elb_name) when it is
// the plain one: the stack's name and the path with `-` for what is not a letter or digit; "" when
// the made one would be hashed (a path with `_`, over 32 characters, `internal-`).
std::string made_elb(const std::string& stack, const std::string& path) {
  if (path.find('_') != std::string::npos) {
    return "";
  }
  std::string name;
  for (char c : stack + "-" + path) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  }
  return name.size() > 32 || name.starts_with("internal-") ? "" : name;
}

// A listener's or rule's action (its one action) set on `b`; a TODO for what ECL cannot say.
void Importer::action(const json& actions, const std::string& id, Block& b) {
  if (actions.size() != 1) {
    todo(id, b.todos, fmt::format("the actions `{}`", excerpt(actions.dump())),
         "an ECL listener or rule has one action");
    return;
  }
  const json& a = actions[0];
  std::string type = str(a, "Type");
  if (type == "forward") {
    std::string arn = str(a, "TargetGroupArn");
    json groups = list_at(a, "ForwardConfig.TargetGroups");
    if (arn.empty() && groups.size() == 1) {
      arn = str(groups[0], "TargetGroupArn");
    }
    auto it = target_group_names_.find(arn);
    if (it == target_group_names_.end()) {
      todo(id, b.todos, fmt::format("the forward `{}`", excerpt(a.dump())),
           "ECL forwards to one target group of the VPC");
      return;
    }
    b.set("forward", it->second);
  } else if (type == "redirect") {
    std::string protocol = lower(str(a, "RedirectConfig.Protocol"));
    std::string port = str(a, "RedirectConfig.Port");
    if (protocol != "http" && protocol != "https") {
      todo(id, b.todos, fmt::format("the redirect `{}`", excerpt(a.dump())),
           "ECL redirects to http or https");
      return;
    }
    std::vector<std::pair<std::string, std::string>> fields{{"protocol", protocol}};
    if (port != (protocol == "https" ? "443" : "80")) {
      fields.emplace_back("port", port);
    }
    for (auto [member, field, request] :
         {std::tuple{"Host", "host", "#{host}"}, std::tuple{"Path", "path", "/#{path}"},
          std::tuple{"Query", "query", "#{query}"}}) {
      std::string v = str(a, std::string("RedirectConfig.") + member);
      if (!v.empty() && v != request) {
        fields.emplace_back(field, quote(v));
      }
    }
    if (str(a, "RedirectConfig.StatusCode") == "HTTP_302") {
      fields.emplace_back("permanent", "false");
    }
    b.set("redirect", fields.size() == 1 ? protocol : object(fields));
  } else if (type == "fixed-response") {
    std::vector<std::pair<std::string, std::string>> fields{
        {"status", str(a, "FixedResponseConfig.StatusCode")}};
    std::string content = str(a, "FixedResponseConfig.ContentType");
    if (!content.empty()) {
      std::string member = lower(content);
      std::replace(member.begin(), member.end(), '/', '_');
      fields.emplace_back("content_type", member);
    }
    if (std::string body = str(a, "FixedResponseConfig.MessageBody"); !body.empty()) {
      fields.emplace_back("body", quote(body));
    }
    b.set("fixed_response", fields.size() == 1 ? fields[0].second : object(fields));
  } else {
    todo(id, b.todos, fmt::format("the action `{}`", type),
         "ECL's actions forward, redirect or answer");
  }
}

void Importer::load_balancer_blocks() {
  std::vector<Block>& children = vpc_block_.children;
  auto path = [&](const std::string& name) { return vpc_name_ + "." + name; };
  for (const json& tg : target_groups_) {
    const std::string arn = str(tg, "TargetGroupArn");
    Block b{"target_group",
            name_for(vpc_names_, elb_tags_[arn], str(tg, "TargetGroupName")),
            {},
            {},
            {},
            {}};
    target_group_names_[arn] = b.name;
    if (str(tg, "TargetGroupName") != made_elb(stack_, path(b.name))) {
      b.set("name", quote(str(tg, "TargetGroupName")));
    }
    b.set("port", str(tg, "Port"));
    if (std::string protocol = lower(str(tg, "Protocol")); protocol != "http") {
      b.set("protocol", protocol);
    }
    if (std::string type = lower(str(tg, "TargetType")); type != "ip") {
      b.set("target_type", type);
    }
    // The health check, where it is not AWS's default.
    std::vector<std::pair<std::string, std::string>> check;
    bool http = str(tg, "HealthCheckProtocol").starts_with("HTTP");
    if (std::string v = str(tg, "HealthCheckPath"); http && !v.empty() && v != "/") {
      check.emplace_back("path", quote(v));
    }
    if (std::string v = str(tg, "HealthCheckIntervalSeconds"); !v.empty() && v != "30") {
      check.emplace_back("interval", v + "s");
    }
    if (std::string v = str(tg, "HealthCheckTimeoutSeconds"); !v.empty() && v != "5") {
      check.emplace_back("timeout", v + "s");
    }
    if (std::string v = str(tg, "HealthyThresholdCount"); !v.empty() && v != "5") {
      check.emplace_back("healthy_threshold", v);
    }
    if (std::string v = str(tg, "UnhealthyThresholdCount"); !v.empty() && v != "2") {
      check.emplace_back("unhealthy_threshold", v);
    }
    if (std::string v = str(tg, "Matcher.HttpCode"); http && !v.empty() && v != "200") {
      check.emplace_back("matcher", quote(v));
    }
    if (!check.empty()) {
      b.set("health_check", object(check));
    }
    if (std::string v = attribute(tg, "deregistration_delay.timeout_seconds");
        !v.empty() && v != "300") {
      b.set("deregistration_delay", v + "s");
    }
    if (attribute(tg, "stickiness.enabled") == "true") {
      std::string v = attribute(tg, "stickiness.lb_cookie.duration_seconds");
      b.set("stickiness", (v.empty() ? "86400" : v) + "s");
    }
    if (auto t = tags_attr(elb_tags_[arn]); !t.empty()) {
      b.set("tags", t);
    }
    children.push_back(std::move(b));
  }
  for (const json& lb : load_balancers_) {
    const std::string arn = str(lb, "LoadBalancerArn");
    const std::string type = lower(str(lb, "Type"));
    if (type != "application" && type != "network") {
      todo(arn, vpc_block_.todos, fmt::format("the {} load balancer `{}`", type, arn),
           "ECL's load balancers are application or network ones");
      continue;
    }
    Block b{"load_balancer",
            name_for(vpc_names_, elb_tags_[arn], str(lb, "LoadBalancerName")),
            {},
            {},
            {},
            {}};
    if (str(lb, "LoadBalancerName") != made_elb(stack_, path(b.name))) {
      b.set("name", quote(str(lb, "LoadBalancerName")));
    }
    if (type == "network") {
      b.set("type", "network");
    }
    if (str(lb, "Scheme") == "internal") {
      b.set("scheme", "internal");
    }
    std::vector<std::string> subnets, groups;
    for (const json& z : list_at(lb, "AvailabilityZones")) {
      auto it = subnet_names_.find(str(z, "SubnetId"));
      if (it != subnet_names_.end()) {
        subnets.push_back(it->second);
      }
    }
    const json lb_groups = list_at(lb, "SecurityGroups");
    for (const json& g : only_default(lb_groups) ? json::array() : lb_groups) {
      std::string ref = group_ref(g.is_string() ? g.get<std::string>() : "");
      if (!ref.empty()) {
        groups.push_back(ref);
      } else {
        todo(arn, b.todos, fmt::format("the security group `{}`", g.dump()),
             "it is the VPC's default group, or not of this VPC");
      }
    }
    std::sort(subnets.begin(), subnets.end());
    b.set("subnets", list(subnets));
    if (!groups.empty()) {
      b.set("security_groups", list(groups));
    }
    if (std::string v = attribute(lb, "idle_timeout.timeout_seconds");
        type == "application" && !v.empty() && v != "60") {
      b.set("idle_timeout", v + "s");
    }
    if (attribute(lb, "deletion_protection.enabled") == "true") {
      b.set("deletion_protection", "true");
    }
    if (attribute(lb, "access_logs.s3.enabled") == "true") {
      std::vector<std::pair<std::string, std::string>> logs{
          {"bucket", quote(attribute(lb, "access_logs.s3.bucket"))}};
      if (std::string prefix = attribute(lb, "access_logs.s3.prefix"); !prefix.empty()) {
        logs.emplace_back("prefix", quote(prefix));
      }
      b.set("access_logs", object(logs));
    }
    if (auto t = tags_attr(elb_tags_[arn]); !t.empty()) {
      b.set("tags", t);
    }
    std::set<std::string> listener_names;
    for (const json& l : list_at(lb, "Listeners")) {
      const std::string listener_arn = str(l, "ListenerArn");
      const std::string protocol = lower(str(l, "Protocol"));
      Block listener{
          "listener",
          name_for(listener_names, elb_tags_[listener_arn], protocol + "_" + str(l, "Port")),
          {},
          {},
          {},
          {}};
      listener.set("port", str(l, "Port"));
      if (protocol != (type == "network" ? "tcp" : "http")) {
        listener.set("protocol", protocol);
      }
      std::vector<std::string> certificates;
      for (const json& c : list_at(l, "Certificates")) {
        certificates.push_back(quote(str(c, "CertificateArn")));
      }
      if (!certificates.empty()) {
        listener.set("certificates", list(certificates));
      }
      // moto answers an SslPolicy for plain listeners too, which have none.
      if (std::string policy = str(l, "SslPolicy");
          !policy.empty() && (protocol == "https" || protocol == "tls")) {
        listener.set("ssl_policy", quote(policy));
      }
      action(list_at(l, "DefaultActions"), listener_arn, listener);
      std::set<std::string> rule_names;
      for (const json& r : list_at(l, "Rules")) {
        if (truthy(r, "IsDefault")) {
          continue;
        }
        const std::string rule_arn = str(r, "RuleArn");
        Block rule{"rule", name_for(rule_names, elb_tags_[rule_arn], "rule_" + str(r, "Priority")),
                   {},     {},
                   {},     {}};
        rule.set("priority", str(r, "Priority"));
        std::vector<std::string> headers;
        for (const json& c : list_at(r, "Conditions")) {
          const std::string field = str(c, "Field");
          json values = list_at(c, field == "path-pattern"  ? "PathPatternConfig.Values"
                                   : field == "host-header" ? "HostHeaderConfig.Values"
                                                            : "HttpHeaderConfig.Values");
          if (values.empty()) {
            values = list_at(c, "Values");
          }
          auto items = strings_of(values);
          if ((field == "path-pattern" || field == "host-header") && items) {
            rule.set(field == "path-pattern" ? "paths" : "hosts", list(*items));
          } else if (field == "http-header" && items) {
            headers.push_back(object({{"name", quote(str(c, "HttpHeaderConfig.HttpHeaderName"))},
                                      {"values", list(*items)}}));
          } else {
            todo(rule_arn, rule.todos, fmt::format("the condition `{}`", excerpt(c.dump())),
                 "ECL's rules match paths, hosts and headers");
          }
        }
        if (!headers.empty()) {
          rule.set("headers", list(headers));
        }
        action(list_at(r, "Actions"), rule_arn, rule);
        listener.children.push_back(std::move(rule));
      }
      b.children.push_back(std::move(listener));
    }
    children.push_back(std::move(b));
  }
}

// The `metric` block of a target tracking policy `name` of service `service_name` on a customized
// metric: named by what follows `SERVICE-`, an identifier; nullopt when ECL cannot say it (metric
// math, a statistic or unit it has no member for, a dimension that is not a string).
std::optional<Block> custom_metric(const std::string& name, const std::string& service_name,
                                   const json& custom, const std::string& target) {
  const std::string prefix = service_name + "-";
  const std::string block = name.starts_with(prefix) ? name.substr(prefix.size()) : "";
  const std::string statistic = cloudwatch_member(str(custom, "Statistic"), "statistic");
  const std::string unit = str(custom, "Unit");
  if (!is_identifier(block) || custom.contains("Metrics") || statistic.empty() ||
      (!unit.empty() && cloudwatch_member(unit, "unit").empty()) || target.empty()) {
    return std::nullopt;
  }
  Block metric{"metric", block, {}, {}, {}, {}};
  metric.set("namespace", quote(str(custom, "Namespace")));
  metric.set("name", quote(str(custom, "MetricName")));
  std::vector<std::pair<std::string, std::string>> dimensions;
  for (const json& d : list_at(custom, "Dimensions")) {
    const json value = response_value(d, "Value");
    if (!value.is_string()) {
      return std::nullopt;
    }
    dimensions.emplace_back(str(d, "Name"), quote(value.get<std::string>()));
  }
  if (!dimensions.empty()) {
    metric.set("dimensions", object(dimensions));
  }
  if (statistic != "average") {
    metric.set("statistic", statistic);
  }
  if (!unit.empty()) {
    metric.set("unit", cloudwatch_member(unit, "unit"));
  }
  metric.set("target", target);
  return metric;
}

// The Application Auto Scaling of a service: its scalable target, target tracking policies of
// the names ECL gives them (`SERVICE-cpu`..., `SERVICE-NAME` for a `metric`) and scheduled
// actions, as a `scaling` block.
bool Importer::scaling(const json& service, Block& b) {
  const std::string service_name = str(service, "serviceName");
  const std::string resource = "service/" + str(cluster_, "clusterName") + "/" + service_name;
  const std::string arn = str(service, "serviceArn");
  json targets;
  if (!call("application-autoscaling", "DescribeScalableTargets",
            {{"ServiceNamespace", "ecs"},
             {"ResourceIds", json::array({resource})},
             {"ScalableDimension", "ecs:service:DesiredCount"}},
            targets)) {
    return false;
  }
  json target = list_at(targets, "ScalableTargets");
  if (target.empty()) {
    return true;
  }
  json policies, actions;
  if (!call("application-autoscaling", "DescribeScalingPolicies",
            {{"ServiceNamespace", "ecs"}, {"ResourceId", resource}}, policies) ||
      !call("application-autoscaling", "DescribeScheduledActions",
            {{"ServiceNamespace", "ecs"}, {"ResourceId", resource}}, actions)) {
    return false;
  }
  read_["scaling"].push_back({{"ResourceId", resource},
                              {"ScalableTargets", target},
                              {"ScalingPolicies", list_at(policies, "ScalingPolicies")},
                              {"ScheduledActions", list_at(actions, "ScheduledActions")}});
  Block scale{"scaling", "", {}, {}, {}, {}};
  scale.set("min", str(target[0], "MinCapacity"));
  scale.set("max", str(target[0], "MaxCapacity"));
  std::string in_cooldown, out_cooldown;
  for (const json& p : list_at(policies, "ScalingPolicies")) {
    const std::string name = str(p, "PolicyName");
    const json config = response_value(p, "TargetTrackingScalingPolicyConfiguration");
    const std::string metric = str(config, "PredefinedMetricSpecification.PredefinedMetricType");
    std::string attribute = metric == "ECSServiceAverageCPUUtilization"      ? "cpu"
                            : metric == "ECSServiceAverageMemoryUtilization" ? "memory"
                            : metric == "ALBRequestCountPerTarget"           ? "requests"
                                                                             : "";
    std::string value = str(config, "TargetValue");
    if (auto dot = value.find('.');
        dot != std::string::npos && value.find_first_not_of('0', dot + 1) == std::string::npos) {
      value = value.substr(0, dot); // 60.0
    }
    if (const json custom = response_value(config, "CustomizedMetricSpecification");
        custom.is_object()) {
      if (std::optional<Block> tracked = custom_metric(name, service_name, custom, value);
          tracked && str(p, "PolicyType") == "TargetTrackingScaling" &&
          !truthy(config, "DisableScaleIn") && !scale.has(tracked->name)) {
        scale.children.push_back(std::move(*tracked));
        in_cooldown = str(config, "ScaleInCooldown");
        out_cooldown = str(config, "ScaleOutCooldown");
      } else {
        todo(arn, b.todos, fmt::format("the scaling policy `{}`", name),
             "ECL's `metric` tracks one CloudWatch metric (no metric math) of a statistic and unit "
             "CloudWatch names, in a policy named SERVICE-NAME");
      }
      continue;
    }
    if (str(p, "PolicyType") != "TargetTrackingScaling" || attribute.empty() ||
        name != service_name + "-" + attribute || scale.has(attribute) ||
        value.find('.') != std::string::npos || truthy(config, "DisableScaleIn")) {
      todo(arn, b.todos, fmt::format("the scaling policy `{}`", name),
           "ECL's scaling tracks a whole CPU, memory or request target, in a policy named "
           "SERVICE-cpu, -memory or -requests");
      continue;
    }
    scale.set(attribute, value);
    in_cooldown = str(config, "ScaleInCooldown");
    out_cooldown = str(config, "ScaleOutCooldown");
  }
  if (!in_cooldown.empty() && in_cooldown != "300") {
    scale.set("scale_in_cooldown", in_cooldown + "s");
  }
  if (!out_cooldown.empty() && out_cooldown != "300") {
    scale.set("scale_out_cooldown", out_cooldown + "s");
  }
  for (const json& a : list_at(actions, "ScheduledActions")) {
    const std::string name = str(a, "ScheduledActionName");
    if (!is_identifier(name)) {
      todo(arn, b.todos, fmt::format("the scheduled action `{}`", name),
           "an ECL schedule is named by its block, an identifier");
      continue;
    }
    Block schedule{"schedule", name, {}, {}, {}, {}};
    schedule.set("expression", quote(str(a, "Schedule")));
    if (std::string zone = str(a, "Timezone"); !zone.empty() && zone != "UTC") {
      schedule.set("timezone", quote(zone));
    }
    if (std::string v = str(a, "ScalableTargetAction.MinCapacity"); !v.empty()) {
      schedule.set("min", v);
    }
    if (std::string v = str(a, "ScalableTargetAction.MaxCapacity"); !v.empty()) {
      schedule.set("max", v);
    }
    scale.children.push_back(std::move(schedule));
  }
  b.children.push_back(std::move(scale));
  return true;
}

// A task definition as the task-definition importer maps it, then fitted to the stack: the block
// named as eclc named it, the family, execution role and log group left to ECL's defaults where
// they are what the defaults make.
bool Importer::read_task(const std::string& arn, Block& out) {
  const json& answer = task_definitions_[arn];
  json td = answer.value("taskDefinition", json::object());
  const std::map<std::string, std::string> tags = tags_of(answer.value("tags", json::array()));
  const std::string family = str(td, "family");
  const std::string name = name_for(top_names_["task"], tags, family.empty() ? "task" : family);
  task_names_[arn] = name;
  items_[{name, "RegisterTaskDefinition"}] = answer;
  FileId id = sources_.add(
      fmt::format("aws:{}/task-definition/{}:{}", client_.region(), family, str(td, "revision")),
      json{{"taskDefinition", td}}.dump(2) + "\n");
  Program p;
  if (!import_task_definition(sources_.file(id), id, diags_, p) || p.tasks.empty()) {
    error = fmt::format("the task definition `{}` cannot be imported", arn);
    return false;
  }
  out = std::move(p.tasks.front());
  out.name = name;
  out.comments.clear();
  for (const std::string& t : p.todos) {
    out.todos.push_back(t);
  }
  auto erase = [&](const std::string& attr) {
    std::erase_if(out.attrs, [&](const auto& a) { return a.first == attr; });
  };
  auto attr = [&](const std::string& a) {
    for (const auto& [k, v] : out.attrs) {
      if (k == a) {
        return v;
      }
    }
    return std::string();
  };
  if (attr("family") == quote(made(stack_, name))) {
    erase("family");
  }
  // What the task-definition importer writes out because the API's defaults are not ECL's, where
  // the task has ECL's.
  for (auto [a, ecl_default] :
       {std::pair{"network_mode", "awsvpc"}, std::pair{"compatibilities", "[fargate]"},
        std::pair{"cpu_architecture", "x86_64"}}) {
    if (attr(a) == ecl_default) {
      erase(a);
    }
  }
  // ECS answers a container without CPU units with 0, which is what it means.
  for (Block& c : out.children) {
    std::erase_if(c.attrs, [](const auto& a) { return a.first == "cpu" && a.second == "0"; });
  }
  // The execution role eclc generates for the task (it carries the task's `ecl:path`), which the
  // program generates again; a role eclc made for a `role` block, that block; any other role is
  // made elsewhere, named by its ARN.
  for (auto [member, attribute] :
       {std::pair{"executionRoleArn", "execution_role"}, std::pair{"taskRoleArn", "task_role"}}) {
    std::string role = str(td, member);
    if (role.empty()) {
      continue;
    }
    std::string role_name = role.substr(role.rfind('/') + 1);
    const json* got = get_role(role_name);
    if (!got && !missing_roles_.count(role_name)) {
      return false;
    }
    auto role_tags =
        got ? tags_of(response_value(*got, "Role.Tags")) : std::map<std::string, std::string>{};
    if (std::string(member) == "executionRoleArn" && role_name == made(stack_, name, "execution") &&
        tags.count("ecl:path") && role_tags["ecl:path"] == tags.at("ecl:path")) {
      erase(attribute);
      continue;
    }
    std::string value;
    if (!role_value(role, out, value)) {
      return false;
    }
    for (auto& a : out.attrs) {
      if (a.first == attribute) {
        a.second = value;
      }
    }
  }
  // The log group ECL generates for the task, `/ecs/FAMILY`: the containers that log there with
  // the default stream prefix log as ECL does by default, and the group's retention is the task's
  // `log_retention`.
  const std::string generated = "/ecs/" + (family.empty() ? made(stack_, name) : family);
  std::map<std::string, json> groups; // log group name -> DescribeLogGroups item
  // The groups' names as the containers give them (a block's `name` is their ECL spelling).
  std::vector<std::string> named;
  for (const json& c : list_at(td, "containerDefinitions")) {
    named.push_back(str(c, "logConfiguration.options.awslogs-group"));
  }
  auto plain_of = [&](const Block& g) {
    auto it = std::find_if(named.begin(), named.end(), [&](const std::string& n) {
      return quote(n) == g.attrs.front().second;
    });
    return it == named.end() ? std::string() : *it;
  };
  for (Block& g : p.log_groups) {
    json all;
    std::string plain = plain_of(g);
    if (!pages("logs", "DescribeLogGroups", {{"logGroupNamePrefix", plain}}, "logGroups",
               "nextToken", all)) {
      return false;
    }
    for (const json& item : all) {
      if (str(item, "logGroupName") == plain) {
        groups[plain] = item;
      }
    }
  }
  std::string default_block;
  for (const Block& g : p.log_groups) {
    if (g.attrs.front().second == quote(generated) && groups.count(generated) &&
        !str(groups[generated], "retentionInDays").empty()) {
      default_block = g.name;
    }
  }
  // A container without a log configuration logs nowhere; ECL's default would be awslogs.
  for (Block& c : out.children) {
    if (c.kind == "container" && std::none_of(c.children.begin(), c.children.end(),
                                              [](const Block& b) { return b.kind == "log"; })) {
      Block none{"log", "", {}, {}, {}, {}};
      none.set("driver", "none");
      c.children.push_back(std::move(none));
    }
  }
  bool uses_generated = false;
  for (Block& c : out.children) {
    if (default_block.empty()) {
      break;
    }
    for (Block& log : c.children) {
      if (log.kind != "log" || !log.todos.empty() ||
          std::find(log.attrs.begin(), log.attrs.end(),
                    std::pair<std::string, std::string>{"group", default_block}) ==
              log.attrs.end()) {
        continue;
      }
      uses_generated = true;
      std::erase_if(log.attrs, [&](const auto& a) {
        return a.first == "group" || (a.first == "stream_prefix" && a.second == quote("ecs"));
      });
    }
    std::erase_if(c.children, [](const Block& b) {
      return b.kind == "log" && b.attrs.empty() && b.children.empty() && b.todos.empty();
    });
  }
  if (uses_generated) {
    std::string days = str(groups[generated], "retentionInDays");
    if (days != "30") {
      out.set("log_retention", days);
    }
  }
  for (Block& g : p.log_groups) {
    if (uses_generated && g.name == default_block) {
      continue;
    }
    std::string plain = plain_of(g);
    if (!groups.count(plain)) {
      // A group the containers name that does not exist (awslogs-create-group, or logs that
      // go nowhere): named as text, not made by the program.
      for (Block& c : out.children) {
        for (Block& log : c.children) {
          for (auto& [attribute, v] : log.attrs) {
            if (log.kind == "log" && attribute == "group" && v == g.name) {
              v = quote(plain);
            }
          }
        }
      }
      continue;
    }
    if (groups.count(plain) && !str(groups[plain], "retentionInDays").empty()) {
      g.set("retention", str(groups[plain], "retentionInDays"));
    }
    if (groups.count(plain) && !str(groups[plain], "kmsKeyId").empty()) {
      g.set("kms_key", quote(str(groups[plain], "kmsKeyId")));
    }
    // One block a group, whichever tasks log to it.
    auto same = std::find_if(log_groups_.begin(), log_groups_.end(), [&](const Block& other) {
      return other.attrs.front().second == g.attrs.front().second;
    });
    std::string block = same != log_groups_.end() ? same->name : g.name;
    if (same == log_groups_.end()) {
      std::set<std::string>& taken = top_names_["log_group"];
      for (int n = 2; taken.count(block); ++n) {
        block = fmt::format("{}_{}", g.name, n);
      }
      taken.insert(block);
    }
    for (Block& c : out.children) {
      for (Block& log : c.children) {
        for (auto& [attribute, v] : log.attrs) {
          if (log.kind == "log" && attribute == "group" && v == g.name) {
            v = block;
          }
        }
      }
    }
    if (same == log_groups_.end()) {
      g.name = block;
      log_groups_.push_back(std::move(g));
    }
  }
  if (auto t = tags_attr(tags); !t.empty()) {
    out.set("tags", t);
  }
  return true;
}

// A service of the cluster as a `service` block in `cluster`; `capacity` is the cluster's.
bool Importer::service_block(const json& s, const std::vector<std::string>& capacity,
                             std::set<std::string>& service_names, Block& cluster) {
  const std::string service_arn = str(s, "serviceArn");
  auto stags = tags_of(response_value(s, "tags"));
  Block b{"service", name_for(service_names, stags, str(s, "serviceName")), {}, {}, {}, {}};
  if (str(s, "serviceName") != b.name) {
    b.set("name", quote(str(s, "serviceName")));
  }
  b.set("task", task_names_[str(s, "taskDefinition")]);
  b.set("desired", str(s, "desiredCount"));
  std::string launch = str(s, "launchType");
  json service_strategy = list_at(s, "capacityProviderStrategy");
  // A service on EC2 whose task definition cannot run there is what AWS never answers, and
  // moto does for a service made with a capacity provider strategy, which it drops: the
  // service runs on the cluster's default capacity.
  json compatibilities = response_value(task_definitions_[str(s, "taskDefinition")],
                                        "taskDefinition.requiresCompatibilities");
  if (launch == "EC2" && compatibilities.is_array() &&
      std::find(compatibilities.begin(), compatibilities.end(), json("EC2")) ==
          compatibilities.end()) {
    launch.clear();
  }
  if (!launch.empty() && service_strategy.empty()) {
    std::transform(launch.begin(), launch.end(), launch.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    b.set("launch_type", launch);
  } else if (!service_strategy.empty() &&
             !(service_strategy.size() == 1 && !capacity.empty() &&
               str(service_strategy[0], "capacityProvider") ==
                   (capacity.front() == "fargate" ? "FARGATE" : "FARGATE_SPOT") &&
               (str(service_strategy[0], "base").empty() ||
                str(service_strategy[0], "base") == "0"))) {
    std::vector<std::string> items;
    for (const json& item : service_strategy) {
      std::string p = str(item, "capacityProvider");
      if (p != "FARGATE" && p != "FARGATE_SPOT") {
        todo(service_arn, b.todos, fmt::format("the capacity provider `{}`", p),
             "`eclc import aws` imports Fargate capacity; write an `ec2_capacity` for it");
        continue;
      }
      std::vector<std::pair<std::string, std::string>> fields{
          {"provider", p == "FARGATE" ? "fargate" : "fargate_spot"}};
      if (!str(item, "base").empty() && str(item, "base") != "0") {
        fields.emplace_back("base", str(item, "base"));
      }
      if (!str(item, "weight").empty()) {
        fields.emplace_back("weight", str(item, "weight"));
      }
      items.push_back(object(fields));
    }
    if (!items.empty()) {
      b.set("capacity", list(items));
    }
  }
  auto subnets = list_at(s, "networkConfiguration.awsvpcConfiguration.subnets");
  auto groups = list_at(s, "networkConfiguration.awsvpcConfiguration.securityGroups");
  std::vector<std::string> subnet_refs, group_refs;
  for (const json& id : subnets) {
    auto it = subnet_names_.find(id.is_string() ? id.get<std::string>() : "");
    if (it != subnet_names_.end()) {
      subnet_refs.push_back(vpc_name_ + "." + it->second);
    } else {
      todo(service_arn, b.todos, fmt::format("the subnet `{}`", id.dump()),
           "it is not a subnet of the VPC imported");
    }
  }
  for (const json& id : only_default(groups) ? json::array() : groups) {
    std::string ref = group_ref(id.is_string() ? id.get<std::string>() : "");
    if (!ref.empty()) {
      group_refs.push_back(vpc_name_ + "." + ref);
    } else {
      todo(service_arn, b.todos, fmt::format("the security group `{}`", id.dump()),
           "it is not a group of the VPC imported, or its default group");
    }
  }
  if (!subnet_refs.empty()) {
    b.set("subnets", list(subnet_refs));
  }
  if (!group_refs.empty()) {
    b.set("security_groups", list(group_refs));
  }
  if (str(s, "networkConfiguration.awsvpcConfiguration.assignPublicIp") == "ENABLED") {
    b.set("public_ip", "true");
  }
  std::string platform = str(s, "platformVersion");
  if (!platform.empty() && platform != "LATEST") {
    b.set("platform_version", quote(platform));
  }
  if (std::string grace = str(s, "healthCheckGracePeriodSeconds"); !grace.empty() && grace != "0") {
    b.set("health_check_grace_period", grace + "s");
  }
  if (truthy(s, "enableExecuteCommand")) {
    b.set("enable_execute_command", "true");
  }
  std::string propagate = str(s, "propagateTags");
  if (propagate == "TASK_DEFINITION") {
    b.set("propagate_tags", "task_definition");
  } else if (propagate == "NONE") {
    b.set("propagate_tags", "none");
  }
  if (str(s, "schedulingStrategy") == "DAEMON") {
    b.set("scheduling", "daemon");
  }
  std::vector<std::string> attachments;
  for (const json& lb : list_at(s, "loadBalancers")) {
    auto it = target_group_names_.find(str(lb, "targetGroupArn"));
    if (it == target_group_names_.end()) {
      todo(service_arn, b.todos, fmt::format("the load balancer `{}`", excerpt(lb.dump())),
           "it is not a target group of the VPC imported (a Classic Load Balancer, or "
           "another VPC's)");
      continue;
    }
    attachments.push_back(object({{"target_group", vpc_name_ + "." + it->second},
                                  {"container", quote(str(lb, "containerName"))},
                                  {"port", str(lb, "containerPort")}}));
  }
  if (!attachments.empty()) {
    b.set("load_balancers", list(attachments));
  }
  for (const char* member : {"serviceRegistries", "placementConstraints", "placementStrategy"}) {
    json v = response_value(s, member);
    if (v.is_array() && !v.empty()) {
      todo(service_arn, b.todos, fmt::format("`{}: {}`", member, excerpt(v.dump())),
           "`eclc import aws` does not import it yet; write it in ECL");
    }
  }
  // Service Connect is in the answer only with the deployments.
  for (const json& d : list_at(s, "deployments")) {
    if (str(d, "status") == "PRIMARY" && truthy(d, "serviceConnectConfiguration.enabled")) {
      todo(service_arn, b.todos,
           fmt::format("`serviceConnectConfiguration: {}`",
                       excerpt(response_value(d, "serviceConnectConfiguration").dump())),
           "`eclc import aws` does not import Service Connect yet; write a "
           "`service_connect` block and its namespace");
    }
  }
  // The deployment configuration: ECL's default is 100% kept, 200% allowed and the circuit
  // breaker with rollback (AWS's has no circuit breaker); another is a `deployment` block.
  json deployment = response_value(s, "deploymentConfiguration");
  if (deployment.is_object()) {
    std::string max = str(deployment, "maximumPercent"),
                min = str(deployment, "minimumHealthyPercent");
    bool breaker = truthy(deployment, "deploymentCircuitBreaker.enable"),
         rollback = truthy(deployment, "deploymentCircuitBreaker.rollback");
    if ((!max.empty() && max != "200") || (!min.empty() && min != "100") || !breaker || !rollback) {
      Block d{"deployment", "", {}, {}, {}, {}};
      if (!min.empty() && min != "100") {
        d.set("min_healthy_percent", min);
      }
      if (!max.empty() && max != "200" && str(s, "schedulingStrategy") != "DAEMON") {
        d.set("max_percent", max);
      }
      if (!breaker) {
        d.set("circuit_breaker", "false");
      }
      if (!rollback) {
        d.set("rollback", "false");
      }
      b.children.push_back(std::move(d));
    }
    if (truthy(deployment, "alarms.enable")) {
      todo(service_arn, b.todos,
           fmt::format("`alarms: {}`", excerpt(response_value(deployment, "alarms").dump())),
           "ECL's deployments have no alarms");
    }
  }
  if (!scaling(s, b)) {
    return false;
  }
  if (auto t = tags_attr(stags); !t.empty()) {
    b.set("tags", t);
  }
  cluster.children.push_back(std::move(b));
  return true;
}

bool Importer::write(std::string& text) {
  // The stack: the one eclc made the cluster (or VPC) for, when its name is the stack's and the
  // block's; else named after the cluster or VPC.
  std::map<std::string, std::string> main_tags = tags_of(
      response_value(cluster_.is_null() ? vpc_ : cluster_, cluster_.is_null() ? "Tags" : "tags"));
  std::string main_name = cluster_.is_null() ? main_tags["Name"] : str(cluster_, "clusterName");
  std::string path = main_tags.count("ecl:path") ? main_tags["ecl:path"] : "";
  if (!cluster_.is_null() && !path.empty() && main_name.ends_with("-" + path)) {
    stack_ = main_name.substr(0, main_name.size() - path.size() - 1);
  } else {
    stack_ = main_name.empty() ? "imported" : main_name;
  }
  // A VPC alone: the stack of a security group eclc named (`STACK-net-web`, tagged `net.web`).
  for (const json& g : cluster_.is_null() ? groups_ : json::array()) {
    auto tags = tags_of(response_value(g, "Tags"));
    std::string made_path = tags.count("ecl:path") ? made("", tags["ecl:path"]) : "";
    std::string name = str(g, "GroupName");
    if (made_path.size() > 1 && name.ends_with(made_path) && name.size() > made_path.size()) {
      stack_ = name.substr(0, name.size() - made_path.size());
      break;
    }
  }
  if (!is_identifier(stack_)) {
    stack_ = identifier(stack_);
  }
  top_names_["scope"].insert(stack_);
  // The stack's tags: those every resource read carries.
  std::vector<std::map<std::string, std::string>> all;
  auto add = [&](const json& item, const char* member) {
    std::map<std::string, std::string> t;
    for (const auto& [k, v] : tags_of(response_value(item, member))) {
      if (user_tag(k)) {
        t[k] = v;
      }
    }
    all.push_back(std::move(t));
  };
  if (!vpc_.is_null()) {
    add(vpc_, "Tags");
    for (const json* list : {&subnets_, &gateways_, &nats_, &endpoints_}) {
      for (const json& item : *list) {
        add(item, "Tags");
      }
    }
    for (const json& g : groups_) {
      if (str(g, "GroupName") != "default") {
        add(g, "Tags");
      }
    }
  }
  if (!cluster_.is_null()) {
    add(cluster_, "tags");
    for (const json& s : services_) {
      add(s, "tags");
    }
    for (const auto& [arn, answer] : task_definitions_) {
      add(answer, "tags");
    }
  }
  if (!all.empty()) {
    stack_tags_ = all.front();
    stack_tags_.erase("Name"); // each resource's own
    for (const auto& t : all) {
      std::erase_if(stack_tags_, [&](const auto& kv) {
        auto it = t.find(kv.first);
        return it == t.end() || it->second != kv.second;
      });
    }
  }

  if (!vpc_.is_null()) {
    vpc_blocks();
  }
  std::vector<Block> tasks;
  for (const auto& [arn, answer] : task_definitions_) {
    Block task{"task", "", {}, {}, {}, {}};
    if (!read_task(arn, task)) {
      return false;
    }
    tasks.push_back(std::move(task));
  }

  Block cluster{"cluster", "", {}, {}, {}, {}};
  if (!cluster_.is_null()) {
    const std::string arn = str(cluster_, "clusterArn");
    auto tags = tags_of(response_value(cluster_, "tags"));
    // The stack is named after a cluster eclc did not make: the block is `main`.
    const std::string fallback = identifier(str(cluster_, "clusterName")) == stack_
                                     ? std::string("main")
                                     : str(cluster_, "clusterName");
    cluster.name = name_for(top_names_["scope"], tags, fallback);
    items_[{cluster.name, "CreateCluster"}] = cluster_;
    if (str(cluster_, "clusterName") != made(stack_, cluster.name)) {
      cluster.set("name", quote(str(cluster_, "clusterName")));
    }
    // The capacity providers, the default strategy's first.
    std::vector<std::string> capacity;
    auto provider = [&](const std::string& p) {
      std::string out = p == "FARGATE" ? "fargate" : p == "FARGATE_SPOT" ? "fargate_spot" : "";
      if (out.empty()) {
        todo(arn, cluster.todos, fmt::format("the capacity provider `{}`", p),
             "`eclc import aws` imports Fargate capacity; write an `ec2_capacity` for it");
      } else if (std::find(capacity.begin(), capacity.end(), out) == capacity.end()) {
        capacity.push_back(out);
      }
    };
    json strategy = list_at(cluster_, "defaultCapacityProviderStrategy");
    for (const json& item : strategy) {
      provider(str(item, "capacityProvider"));
      if (!str(item, "base").empty() && str(item, "base") != "0") {
        todo(arn, cluster.todos,
             fmt::format("the default strategy's base of {}", str(item, "capacityProvider")),
             "ECL's default strategy is the first capacity provider");
      }
    }
    for (const json& p : list_at(cluster_, "capacityProviders")) {
      provider(p.is_string() ? p.get<std::string>() : "");
    }
    if (capacity.empty()) {
      cluster.set("capacity", "[]"); // ECL's default, [fargate], would associate FARGATE
    } else if (capacity != std::vector<std::string>{"fargate"}) {
      cluster.set("capacity", list(capacity));
    }
    if (!capacity.empty() && strategy.empty()) {
      todo(arn, cluster.todos, "the cluster's want of a default capacity provider strategy",
           fmt::format("ECL makes the first capacity provider the default; an apply would make "
                       "`{}` the cluster's default",
                       capacity.front()));
    }
    for (const json& setting : list_at(cluster_, "settings")) {
      if (str(setting, "name") == "containerInsights" && str(setting, "value") == "enabled") {
        cluster.set("container_insights", "true");
      }
    }
    // The namespace of the services' Service Connect that name none. Cloud Map is not imported:
    // no `namespace` block of the program is it, for `service_connect_namespace` to name.
    if (std::string ns = str(cluster_, "serviceConnectDefaults.namespace"); !ns.empty()) {
      todo(ns, cluster.todos,
           fmt::format("the cluster's default Service Connect namespace `{}`", ns),
           "`eclc import aws` does not import Cloud Map namespaces yet; declare the `namespace` "
           "and name it in the cluster's `service_connect_namespace`");
    }
    if (auto t = tags_attr(tags); !t.empty()) {
      cluster.set("tags", t);
    }
    for (const json& schedule : schedules_) {
      todo(arn, cluster.todos,
           fmt::format("the schedule `{}/{}` (it runs tasks on the cluster)",
                       str(schedule, "GroupName"), str(schedule, "Name")),
           "`eclc import aws` does not import jobs yet; write a `job` for it");
    }
    std::set<std::string> service_names;
    std::stable_sort(services_.begin(), services_.end(), [](const json& a, const json& b) {
      return str(a, "serviceName") < str(b, "serviceName");
    });
    for (const json& s : services_) {
      if (!service_block(s, capacity, service_names, cluster)) {
        return false;
      }
    }
  }

  // The program.
  std::string out;
  out += fmt::format("// Imported by `eclc import aws` from {}{}{}.\n", client_.region(),
                     cluster_.is_null() ? "" : ", cluster " + str(cluster_, "clusterName"),
                     vpc_.is_null() ? "" : ", VPC " + vpc_id_);
  out += "// `eclc plan --state` with the state written beside it says `No changes.`: the program\n"
         "// owns the blocks it declares (`eclc destroy` would delete them), not what it names by\n"
         "// ARN. See docs/import.md, `eclc import aws`.\n";
  out += "\n";
  Block stack{"stack", stack_, {}, {}, {}, {}};
  stack.set("region", quote(client_.region()));
  if (!stack_tags_.empty()) {
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& [k, v] : stack_tags_) {
      fields.emplace_back(k, quote(v));
    }
    stack.set("tags", object(fields));
  }
  write_block(stack, out);
  if (!vpc_.is_null()) {
    out += "\n";
    write_block(vpc_block_, out);
  }
  for (const Block& r : roles_) {
    out += "\n";
    write_block(r, out);
  }
  for (const Block& g : log_groups_) {
    out += "\n";
    write_block(g, out);
  }
  for (const Block& t : tasks) {
    out += "\n";
    write_block(t, out);
  }
  if (!cluster_.is_null()) {
    out += "\n";
    write_block(cluster, out);
  }
  // The formatter's diagnostics are about the generated text, a file of its own, not one of
  // `sources_`: a refusal is a bug of the importer, said as such.
  SourceManager generated;
  FileId id = generated.add("<imported>", std::move(out));
  Diagnostics formatting;
  if (!format::format_file(generated, id, formatting, text)) {
    error = fmt::format("the imported program does not parse ({}); this is a bug in eclc import",
                        formatting.items().empty() ? std::string("no diagnostic")
                                                   : formatting.items().front().message);
    return false;
  }
  return true;
}

// The import after the options are checked: read, write the program, adopt, write the state.
int run_import(Importer& im, const AwsOptions& options, const apply::Client& client,
               SourceManager& sources, Diagnostics& diags, const std::string& state_path) {
  std::string program, error;
  auto show = [&] {
    diags.sort();
    std::cerr << render_text(diags, sources, {options.color});
  };
  if (!im.read()) {
    show();
    std::cerr << "eclc: error: " << im.error << "\n";
    return kExitUsage;
  }
  if (!im.write(program)) {
    show();
    if (!im.error.empty()) {
      std::cerr << "eclc: error: " << im.error << "\n";
    }
    return kExitErrors;
  }

  // The program's plan, and for each of its steps the entry an apply would have recorded.
  driver::Compilation c;
  FileId file = c.sources.add(options.output.empty() ? "<imported>" : options.output, program);
  driver::compile_sources(c, {file}, {});
  backend::plan::Plan plan;
  bool built = false;
  if (c.program && !c.diags.has_errors()) {
    Diagnostics lowering;
    built = backend::plan::build_plan(*c.program, lowering, plan, nullptr, client.region());
    c.diags.append(std::move(lowering));
  }
  if (!built) {
    // What ECL says of what was read (a service on EC2 capacity, which is not imported): the
    // program is written for a person to finish, the state is not.
    show();
    c.diags.sort();
    std::cerr << render_text(c.diags, c.sources, {options.color});
    if (options.output.empty()) {
      std::cout << program;
    } else if (!driver::write_file_atomically(options.output, program, error)) {
      std::cerr << "eclc: error: cannot write `" << options.output << "`: " << error << "\n";
      return kExitUsage;
    }
    std::cerr << "eclc: error: the imported program does not check: it is written"
              << (options.output.empty() ? "" : " to `" + options.output + "`")
              << " for you to finish, and no state is\n";
    return kExitErrors;
  }
  plan.resources = backend::plan::resources_of(*c.program, plan);
  apply::State state;
  state.stack = plan.stack;
  state.region = plan.region;
  state.lineage = apply::new_lineage();
  for (const backend::plan::Step& step : plan.steps) {
    auto it = im.items().find({step.block, step.operation});
    if (!apply::adopt(client, plan, step, it == im.items().end() ? nullptr : &it->second, state,
                      error)) {
      show();
      std::cerr << "eclc: error: " << client.redact(error) << "; nothing was written\n";
      return kExitErrors;
    }
  }
  for (const auto& r : plan.resources) {
    state.blocks[r.key] = {{"kind", r.kind}, {"attributes", r.attributes}};
  }
  state.outputs = apply::filled_outputs(plan, state);

  show();
  // The state first: a program without its state would be applied as new resources. If the
  // program cannot be written, a state this run made goes too: nothing is left half written.
  const bool existed = std::filesystem::exists(state_path);
  if (!apply::save_state(state_path, state, error)) {
    std::cerr << "eclc: error: cannot write the state `" << state_path << "`: " << error
              << "; nothing was written\n";
    return kExitUsage;
  }
  if (options.output.empty()) {
    std::cout << program;
  } else if (!driver::write_file_atomically(options.output, program, error)) {
    std::error_code ignored;
    if (!existed) {
      std::filesystem::remove(state_path, ignored);
    }
    std::cerr << "eclc: error: cannot write `" << options.output << "`: " << error
              << "; nothing was written\n";
    return kExitUsage;
  }
  std::cerr << "eclc: imported " << state.entries.size() << " calls of " << plan.resources.size()
            << " resources into `" << state_path << "`\n";
  return kExitClean;
}

} // namespace

int import_aws(const AwsOptions& options) {
  if (options.cluster.empty() && options.vpc.empty()) {
    std::cerr << "eclc: error: `eclc import aws` needs --cluster NAME or --vpc ID\n";
    return kExitUsage;
  }
  std::string state_path = !options.state.empty()    ? options.state
                           : !options.output.empty() ? apply::default_state_path(options.output)
                                                     : "";
  if (state_path.empty()) {
    std::cerr << "eclc: error: `eclc import aws` writes a state: name it with --state FILE (or "
                 "the program with -o FILE.ecl, the state going beside it)\n";
    return kExitUsage;
  }
  if (!options.force && std::filesystem::exists(state_path)) {
    std::cerr << "eclc: error: the state `" << state_path
              << "` exists; `eclc import aws` does not overwrite a state (--force does)\n";
    return kExitUsage;
  }
  const std::string& url = options.endpoint_url;
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    std::cerr << "eclc: error: --endpoint-url `" << url << "`: only http:// and https:// URLs\n";
    return kExitUsage;
  }
  std::string error;
  apply::AwsConfig config;
  if (!apply::load_network_libraries(error) ||
      !apply::load_config({options.profile, options.endpoint_url}, config, error)) {
    std::cerr << "eclc: error: " << error << "\n";
    return kExitUsage;
  }
  if (!options.region.empty()) {
    config.region = options.region;
  }
  if (config.region.empty()) {
    config.region = backend::plan::kDefaultRegion;
  }
  config.endpoint_url = options.endpoint_url;
  apply::Client client(config);

  SourceManager sources;
  Diagnostics diags;
  Importer im(client, options, diags, sources);
  try {
    return run_import(im, options, client, sources, diags, state_path);
  } catch (const std::exception& e) {
    // An answer of a shape the import does not expect (nlohmann's type errors): not a crash.
    diags.sort();
    std::cerr << render_text(diags, sources, {options.color});
    std::cerr << "eclc: error: an answer of AWS is not what `eclc import aws` expects: " << e.what()
              << "; nothing was written\n";
    return kExitErrors;
  }
}

} // namespace ecl::import
