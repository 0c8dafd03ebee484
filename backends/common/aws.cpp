#include "backends/common/aws.h"

#include "compiler/model/arn.h"
#include "compiler/model/execution_needs.h"

#include <algorithm>
#include <map>

namespace ecl::backend::common {

std::string upper(std::string_view member) {
  // Enum members are ASCII names; no locale.
  std::string out(member);
  for (char& c : out) {
    c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::string camel(std::string_view member) {
  std::string out;
  bool up = false;
  for (char ch : member) {
    if (ch == '_') {
      up = true;
    } else {
      out += up && ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
      up = false;
    }
  }
  return out;
}

std::string log_group_name(std::string_view family) {
  return "/ecs/" + std::string(family);
}

LogGroupOwners::LogGroupOwners(const model::Program& program) {
  std::map<std::string_view, const model::Block*> first; // family -> its first task that logs
  for (const model::Block* task : program.of_kind("task")) {
    const model::Value* family = task->get("family");
    const std::string* name = family ? family->string() : nullptr;
    if (!name || !task_needs(*task).log_group) {
      continue;
    }
    auto [it, added] = first.emplace(*name, task);
    if (!added) {
      shared_.emplace_back(task, it->second);
    }
  }
}

const model::Block& LogGroupOwners::owner(const model::Block& task) const {
  for (const auto& [shared, owner] : shared_) {
    if (shared == &task) {
      return *owner;
    }
  }
  return task;
}

namespace {

void add_secret(TaskNeeds& needs, const model::ExecutionNeed& need) {
  const std::string& from = *need.source;
  if (need.secrets_manager) {
    // IAM authorizes GetSecretValue on the secret's own ARN, which ends with its name: the JSON
    // key, version stage and version ID that ECS takes after it (`…:secret:db-AbCdEf:user::`)
    // would make a Resource that matches no secret.
    const std::string_view id = model::Arn::parse(from)->resource_id(); // NAME[:KEY:STAGE:ID]
    std::string secret =
        from.substr(0, from.size() - id.size() + id.substr(0, id.find(':')).size());
    if (std::find(needs.secret_arns.begin(), needs.secret_arns.end(), secret) ==
        needs.secret_arns.end()) {
      needs.secret_arns.push_back(std::move(secret));
    }
    return;
  }
  SecretSource source = from.starts_with("arn:") ? SecretSource{true, from}
                        : from.starts_with('/')  ? SecretSource{false, from.substr(1)}
                                                 : SecretSource{false, from};
  if (std::find(needs.parameters.begin(), needs.parameters.end(), source) ==
      needs.parameters.end()) {
    needs.parameters.push_back(std::move(source));
  }
}

} // namespace

TaskNeeds task_needs(const model::Block& task) {
  TaskNeeds needs;
  for (const model::ExecutionNeed& need : model::execution_needs(task)) {
    needs.execution_role = true;
    needs.log_group = needs.log_group || need.generated_group;
    if (need.source) {
      add_secret(needs, need);
    }
  }
  // Extra policies are for the generated role: asking for them asks for the role.
  for (std::string_view extra : {"execution_policies", "execution_statements"}) {
    const model::Value* v = task.get(extra);
    const model::List* list = v ? v->as<model::List>() : nullptr;
    needs.execution_role = needs.execution_role || (list && !list->empty());
  }
  return needs;
}

const char* rule_peer(const model::Block& rule) {
  return rule.kind_name == "ingress" ? "from" : "to";
}

RulePorts rule_ports(const std::string* protocol, std::optional<std::int64_t> port,
                     std::optional<std::int64_t> from_port, std::optional<std::int64_t> to_port) {
  std::string p = protocol ? *protocol : "tcp";
  if (p == "all") {
    return {"-1", std::nullopt, std::nullopt}; // every protocol and port
  }
  if (port) {
    return {p, port, port};
  }
  if (from_port || to_port) {
    return {p, from_port ? from_port : to_port, to_port ? to_port : from_port};
  }
  if (p == "icmp") {
    return {p, -1, -1}; // every ICMP type and code
  }
  return {p, 0, 65535};
}

} // namespace ecl::backend::common
