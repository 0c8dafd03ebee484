#include "backends/common/elbv2_requests.h"

#include "backends/common/aws.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

namespace ecl::backend::common {

namespace {

// `tcp_udp` -> "TCP_UDP".
json protocol(Spelling& s, const model::Block& b) {
  const std::string* p = s.get_enum(b, "protocol");
  return p ? json(upper(*p)) : json(nullptr);
}

// `text_plain` -> "text/plain".
std::string content_type(std::string member) {
  auto at = member.find('_');
  if (at != std::string::npos) {
    member[at] = '/';
  }
  return member;
}

// The action of a listener or rule: [{Type, ...}], one action.
json actions(Spelling& s, const model::Block& b) {
  json action = json::object();
  if (const model::Block* group = s.get_ref(b, "forward")) {
    action["Type"] = "forward";
    action["TargetGroupArn"] = s.ref(*group);
  }
  if (const model::Value* redirect = s.get(b, "redirect")) {
    json config = json::object();
    const model::Value* p = s.field(b, "redirect", *redirect, "protocol");
    const std::string* name = p ? p->enum_member() : nullptr;
    if (name) {
      config["Protocol"] = upper(*name);
    }
    // The port of the protocol, rather than AWS's default (the request's: 80 to HTTPS).
    if (const model::Value* port = s.field(b, "redirect", *redirect, "port")) {
      config["Port"] = std::to_string(whole(*port));
    } else if (name) {
      config["Port"] = *name == "https" ? "443" : "80";
    }
    for (auto [field, member] : {std::pair{"host", "Host"}, {"path", "Path"}, {"query", "Query"}}) {
      if (const model::Value* v = s.field(b, "redirect", *redirect, field)) {
        config[member] = s.value(*v);
      }
    }
    const model::Value* permanent = s.field(b, "redirect", *redirect, "permanent");
    config["StatusCode"] = permanent && permanent->boolean() == false ? "HTTP_302" : "HTTP_301";
    action["Type"] = "redirect";
    action["RedirectConfig"] = std::move(config);
  }
  if (const model::Value* fixed = s.get(b, "fixed_response")) {
    json config = json::object();
    if (const model::Value* status = s.field(b, "fixed_response", *fixed, "status")) {
      config["StatusCode"] = std::to_string(whole(*status));
    }
    if (const model::Value* type = s.field(b, "fixed_response", *fixed, "content_type")) {
      const std::string* member = type->enum_member();
      config["ContentType"] = content_type(member ? *member : "");
    }
    if (const model::Value* body = s.field(b, "fixed_response", *fixed, "body")) {
      config["MessageBody"] = s.value(*body);
    }
    action["Type"] = "fixed-response";
    action["FixedResponseConfig"] = std::move(config);
  }
  return json::array({std::move(action)});
}

json key_value(std::string key, std::string value) {
  return {{"Key", std::move(key)}, {"Value", std::move(value)}};
}

} // namespace

json load_balancer(Spelling& s, const model::Block& b) {
  json out = json::object();
  // Only a name the program gives: otherwise CloudFormation, or the plan, makes one.
  if (const model::Value* name = s.get(b, "name")) {
    out["Name"] = s.value(*name);
  }
  out["Subnets"] = s.refs(s.get_refs(b, "subnets"));
  auto groups = s.get_refs(b, "security_groups");
  if (!groups.empty()) {
    out["SecurityGroups"] = s.refs(groups);
  }
  const std::string* scheme = s.get_enum(b, "scheme");
  out["Scheme"] = scheme && *scheme == "internal" ? "internal" : "internet-facing";
  if (const std::string* type = s.get_enum(b, "type")) {
    out["Type"] = *type;
  }
  return out;
}

json load_balancer_attributes(Spelling& s, const model::Block& b) {
  json out = json::array();
  out.push_back(key_value("deletion_protection.enabled",
                          s.get_bool(b, "deletion_protection") ? "true" : "false"));
  const std::string* type = s.get_enum(b, "type");
  auto idle = s.get_int(b, "idle_timeout");
  if (type && *type == "application" && idle) { // a network load balancer's is fixed
    out.push_back(key_value("idle_timeout.timeout_seconds", std::to_string(*idle)));
  }
  const model::Value* logs = s.get(b, "access_logs");
  out.push_back(key_value("access_logs.s3.enabled", logs ? "true" : "false"));
  if (logs) {
    for (auto [field, key] :
         {std::pair{"bucket", "access_logs.s3.bucket"}, {"prefix", "access_logs.s3.prefix"}}) {
      if (const model::Value* v = s.field(b, "access_logs", *logs, field)) {
        out.push_back({{"Key", key}, {"Value", s.value(*v)}});
      }
    }
  }
  return out;
}

namespace {

// Whether a service sends the group's targets to a `bridge` task's container port mapped to a
// dynamic host port (`host = 0` or none): each target is then registered on the port ECS picked,
// and the health check must go to that port, the `traffic-port` (cfn-lint E3049).
bool dynamic_host_ports(const model::Program& program, const model::Block& group) {
  for (const model::Block* service : program.of_kind("service")) {
    const model::Block* task = service->get_ref("task");
    const std::string* mode = task ? task->get_enum("network_mode") : nullptr;
    const model::Value* attachments = service->get("load_balancers");
    const model::List* list = attachments ? attachments->as<model::List>() : nullptr;
    if (!mode || *mode != "bridge" || !list) {
      continue;
    }
    for (const model::Value& item : *list) {
      const model::Value* to = item.field("target_group");
      const model::Value* name = item.field("container");
      const model::Value* port = item.field("port");
      const model::Block* c = name && name->string() && to && to->block() == &group
                                  ? model::container_named(*task, *name->string())
                                  : nullptr;
      const model::Value* ports = c ? c->get("ports") : nullptr;
      const model::List* mappings = ports ? ports->as<model::List>() : nullptr;
      if (!mappings) {
        continue;
      }
      for (const model::Value& mapping : *mappings) {
        const model::Value* container = mapping.field("container");
        const model::Value* host = mapping.field("host");
        if (container && port && container->integer() == port->integer() &&
            (!host || host->integer().value_or(0) == 0)) {
          return true;
        }
      }
    }
  }
  return false;
}

} // namespace

json target_group(Spelling& s, const model::Program& program, const model::Block& b) {
  json out = json::object();
  if (const model::Value* name = s.get(b, "name")) {
    out["Name"] = s.value(*name);
  }
  out["Protocol"] = protocol(s, b);
  if (auto port = s.get_int(b, "port")) {
    out["Port"] = *port;
  }
  if (const model::Block* vpc = b.ancestor("vpc")) {
    out["VpcId"] = s.ref(*vpc);
  }
  if (const std::string* type = s.get_enum(b, "target_type")) {
    out["TargetType"] = *type;
  }
  if (const model::Value* check = s.get(b, "health_check")) {
    auto field = [&](std::string_view name) { return s.field(b, "health_check", *check, name); };
    if (const model::Value* v = field("path")) {
      out["HealthCheckPath"] = s.value(*v);
    }
    if (const model::Value* v = field("interval")) {
      out["HealthCheckIntervalSeconds"] = whole(*v);
    }
    if (const model::Value* v = field("timeout")) {
      out["HealthCheckTimeoutSeconds"] = whole(*v);
    }
    if (const model::Value* v = field("healthy_threshold")) {
      out["HealthyThresholdCount"] = whole(*v);
    }
    if (const model::Value* v = field("unhealthy_threshold")) {
      out["UnhealthyThresholdCount"] = whole(*v);
    }
    if (const model::Value* v = field("matcher")) {
      out["Matcher"] = {{"HttpCode", s.value(*v)}};
    }
  }
  if (dynamic_host_ports(program, b)) {
    out["HealthCheckPort"] = "traffic-port"; // AWS's default, which cfn-lint wants written
  }
  return out;
}

json target_group_attributes(Spelling& s, const model::Block& b) {
  json out = json::array();
  if (auto delay = s.get_int(b, "deregistration_delay")) {
    out.push_back(key_value("deregistration_delay.timeout_seconds", std::to_string(*delay)));
  }
  auto sticky = s.get_int(b, "stickiness");
  out.push_back(key_value("stickiness.enabled", sticky ? "true" : "false"));
  if (sticky) {
    const std::string* protocol = s.get_enum(b, "protocol");
    const bool application = protocol && (*protocol == "http" || *protocol == "https");
    out.push_back(key_value("stickiness.type", application ? "lb_cookie" : "source_ip"));
    if (application) {
      out.push_back(key_value("stickiness.lb_cookie.duration_seconds", std::to_string(*sticky)));
    }
  }
  return out;
}

json listener(Spelling& s, const model::Block& b) {
  json out = json::object();
  if (const model::Block* lb = b.ancestor("load_balancer")) {
    out["LoadBalancerArn"] = s.ref(*lb);
  }
  out["Protocol"] = protocol(s, b);
  if (auto port = s.get_int(b, "port")) {
    out["Port"] = *port;
  }
  const model::List& certificates = s.get_list(b, "certificates");
  if (!certificates.empty()) {
    json& list = out["Certificates"] = json::array();
    for (const model::Value& arn : certificates) {
      list.push_back({{"CertificateArn", s.value(arn)}});
    }
  }
  if (const model::Value* policy = s.get(b, "ssl_policy")) {
    out["SslPolicy"] = s.value(*policy);
  }
  out["DefaultActions"] = actions(s, b);
  return out;
}

json listener_rule(Spelling& s, const model::Block& b) {
  json out = json::object();
  if (b.parent) {
    out["ListenerArn"] = s.ref(*b.parent);
  }
  if (auto priority = s.get_int(b, "priority")) {
    out["Priority"] = *priority;
  }
  json conditions = json::array();
  for (auto [attribute, field, config] : {std::tuple{"paths", "path-pattern", "PathPatternConfig"},
                                          {"hosts", "host-header", "HostHeaderConfig"}}) {
    const model::List& values = s.get_list(b, attribute);
    if (values.empty()) {
      continue;
    }
    json list = json::array();
    for (const model::Value& v : values) {
      list.push_back(s.value(v));
    }
    conditions.push_back({{"Field", field}, {config, {{"Values", std::move(list)}}}});
  }
  for (const model::Value& header : s.get_list(b, "headers")) {
    json config = json::object();
    if (const model::Value* name = s.field(b, "headers", header, "name")) {
      config["HttpHeaderName"] = s.value(*name);
    }
    if (const model::Value* values = s.field(b, "headers", header, "values")) {
      config["Values"] = s.value(*values);
    }
    conditions.push_back({{"Field", "http-header"}, {"HttpHeaderConfig", std::move(config)}});
  }
  out["Conditions"] = std::move(conditions);
  out["Actions"] = actions(s, b);
  return out;
}

std::vector<const model::Block*> service_forwarders(Spelling& s, const model::Program& program,
                                                    const model::Block& service) {
  std::vector<const model::Block*> groups;
  const model::List& attachments = s.get_list(service, "load_balancers");
  for (const model::Value& item : attachments) {
    const model::Value* group = s.field(service, "load_balancers", item, "target_group");
    if (group && group->block()) {
      groups.push_back(group->block());
    }
  }
  std::vector<const model::Block*> out;
  if (groups.empty()) {
    return out;
  }
  for (std::string_view kind : {"listener", "rule"}) {
    for (const model::Block* b : program.of_kind(kind)) {
      const model::Block* to = b->get_ref("forward");
      if (to && std::find(groups.begin(), groups.end(), to) != groups.end()) {
        out.push_back(b);
      }
    }
  }
  return out;
}

json request_count_label(Spelling& s, const model::Program& program, const model::Block& service) {
  const model::List& attachments = s.get_list(service, "load_balancers");
  const model::Value* first =
      attachments.empty() ? nullptr
                          : s.field(service, "load_balancers", attachments.front(), "target_group");
  const model::Block* group = first ? first->block() : nullptr;
  if (!group) {
    return nullptr;
  }
  for (const model::Block* b : service_forwarders(s, program, service)) {
    const model::Block* lb = b->ancestor("load_balancer");
    if (lb && b->get_ref("forward") == group) {
      return s.template_value(s.template_reference({lb, "full_name"}) + s.template_text("/") +
                              s.template_reference({group, "full_name"}));
    }
  }
  return nullptr;
}

} // namespace ecl::backend::common
