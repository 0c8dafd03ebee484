// The load balancing kinds: load_balancer (+ its attributes), target_group (+ its attributes),
// listener and rule; all Elastic Load Balancing v2 calls (common/elbv2_requests.cpp builds them).
#include "backends/common/aws.h"
#include "backends/common/elbv2_requests.h"
#include "backends/plan/planner.h"
#include "compiler/model/made_names.h"

#include <fmt/format.h>

namespace ecl::backend::plan {

namespace {

std::string action_text(Planner& p, const model::Block& b) {
  if (const model::Block* group = p.get_ref(b, "forward")) {
    return fmt::format("forward to {}", group->path);
  }
  if (const model::Value* redirect = p.get(b, "redirect")) {
    const model::Value* protocol = redirect->field("protocol");
    const std::string* name = protocol ? protocol->enum_member() : nullptr;
    return fmt::format("redirect to {}", name ? common::upper(*name) : "?");
  }
  if (const model::Value* fixed = p.get(b, "fixed_response")) {
    const model::Value* status = fixed->field("status");
    auto code = status ? status->integer() : std::nullopt;
    return fmt::format("answer {}", code ? std::to_string(*code) : "?");
  }
  return "no action";
}

// A load balancer's or target group's create call: named by the program, or by the plan (which
// may take another name for a replacement made beside it: Step::made_name).
Step& add_named(Planner& p, const model::Block& b, std::string_view operation, json request) {
  Step& s = p.add(b, "", "elbv2", operation);
  s.params["Name"] = model::made_name_of(p.program(), b);
  s.made_name = !request.contains("Name");
  s.params.update(request);
  p.add_tags(s, b);
  return s;
}

} // namespace

void lower_load_balancer(Planner& p, const model::Block& b) {
  Step& s = add_named(p, b, "CreateLoadBalancer", common::load_balancer(p, b));
  const std::size_t subnets = s.params["Subnets"].size();
  s.summary = fmt::format("{} {}, {} subnet{}", s.params["Scheme"].get<std::string>(),
                          s.params.value("Type", "application"), subnets, subnets == 1 ? "" : "s");
  // An internet-facing load balancer needs its VPC's internet gateway attached.
  if (const model::Block* vpc = b.ancestor("vpc")) {
    std::string attachment = p.attachment_step(*vpc);
    if (!attachment.empty()) {
      s.after.push_back(attachment);
    }
  }
  Step& a = p.add(b, "attributes", "elbv2", "ModifyLoadBalancerAttributes");
  a.params["LoadBalancerArn"] = p.ref(b);
  a.params["Attributes"] = common::load_balancer_attributes(p, b);
  std::string attributes;
  for (const json& kv : a.params["Attributes"]) {
    attributes += fmt::format("{}{}={}", attributes.empty() ? "" : ", ",
                              kv["Key"].get<std::string>(), kv["Value"].get<std::string>());
  }
  a.summary = attributes;
}

void lower_target_group(Planner& p, const model::Block& b) {
  Step& s = add_named(p, b, "CreateTargetGroup", common::target_group(p, p.program(), b));
  s.summary = fmt::format("{} {}, targets by {}", s.params["Protocol"].get<std::string>(),
                          s.params.value("Port", 0), s.params.value("TargetType", "?"));
  Step& a = p.add(b, "attributes", "elbv2", "ModifyTargetGroupAttributes");
  a.params["TargetGroupArn"] = p.ref(b);
  a.params["Attributes"] = common::target_group_attributes(p, b);
  a.summary =
      fmt::format("deregistration delay {}s", p.get_int(b, "deregistration_delay").value_or(0));
}

void lower_listener(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "elbv2", "CreateListener");
  s.params = common::listener(p, b);
  p.add_tags(s, b);
  s.summary = fmt::format("{} {}: {}", s.params["Protocol"].get<std::string>(),
                          s.params.value("Port", 0), action_text(p, b));
}

void lower_listener_rule(Planner& p, const model::Block& b) {
  Step& s = p.add(b, "", "elbv2", "CreateRule");
  s.params = common::listener_rule(p, b);
  p.add_tags(s, b);
  std::string conditions;
  for (const json& c : s.params["Conditions"]) {
    for (const auto& [config, values] : c.items()) {
      if (config == "Field") {
        continue;
      }
      for (const json& v : values["Values"]) {
        conditions +=
            (conditions.empty() ? "" : " ") + (v.is_string() ? v.get<std::string>() : v.dump());
      }
    }
  }
  s.summary = fmt::format("priority {}, {}: {}", s.params.value("Priority", 0), conditions,
                          action_text(p, b));
}

} // namespace ecl::backend::plan
