#include "backends/common/aws.h"

#include <algorithm>

namespace ecl::backend::common {

std::string upper(std::string_view member) {
  // Enum members are ASCII names; no locale.
  std::string out(member);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return out;
}

std::string placement_constraint_type(std::string_view member) {
  return member == "member_of" ? "memberOf" : "distinctInstance";
}

std::string log_driver(std::string_view member) {
  return member == "json_file" ? "json-file" : std::string(member);
}

namespace {

// Whether `text` starts with a private ECR registry: what the regular expression
// `^[0-9]{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/` matches, by hand (every
// container of every task is asked; a std::regex search costs more than the rest of its lowering).
bool private_ecr_prefix(std::string_view text) {
  auto take = [&](std::string_view prefix) {
    if (text.substr(0, prefix.size()) != prefix) {
      return false;
    }
    text.remove_prefix(prefix.size());
    return true;
  };
  for (int i = 0; i < 12; ++i) {
    if (text.empty() || text[0] < '0' || text[0] > '9') {
      return false;
    }
    text.remove_prefix(1);
  }
  if (!take(".dkr.ecr")) {
    return false;
  }
  take("-fips");
  if (!take(".")) {
    return false;
  }
  // The region: [a-z0-9-]+ up to the `.amazonaws.com` that ends the host (a region has no dot).
  std::size_t region = 0;
  while (region < text.size() &&
         ((text[region] >= 'a' && text[region] <= 'z') ||
          (text[region] >= '0' && text[region] <= '9') || text[region] == '-')) {
    ++region;
  }
  text.remove_prefix(region);
  if (region == 0 || !take(".amazonaws.com")) {
    return false;
  }
  take(".cn");
  return take("/");
}

} // namespace

bool from_private_ecr(const model::Value& image) {
  if (const std::string* s = image.string()) {
    return private_ecr_prefix(*s);
  }
  if (auto* t = image.as<model::Template>()) {
    auto* first = t->parts.empty() ? nullptr : std::get_if<std::string>(&t->parts.front());
    return first && private_ecr_prefix(*first);
  }
  return false;
}

std::string log_group_name(std::string_view family) {
  return "/ecs/" + std::string(family);
}

namespace {

void add_secret(TaskNeeds& needs, const std::string& from) {
  if (from.rfind("arn:", 0) == 0) {
    if (from.find(":secretsmanager:") != std::string::npos) {
      if (std::find(needs.secret_arns.begin(), needs.secret_arns.end(), from) ==
          needs.secret_arns.end()) {
        needs.secret_arns.push_back(from);
      }
      return;
    }
    SecretSource arn{true, from};
    if (std::find(needs.parameters.begin(), needs.parameters.end(), arn) ==
        needs.parameters.end()) {
      needs.parameters.push_back(std::move(arn));
    }
    return;
  }
  SecretSource name{false, from.rfind('/', 0) == 0 ? from.substr(1) : from};
  if (std::find(needs.parameters.begin(), needs.parameters.end(), name) == needs.parameters.end()) {
    needs.parameters.push_back(std::move(name));
  }
}

} // namespace

TaskNeeds task_needs(const model::Block& task) {
  TaskNeeds needs;
  for (const model::Block* c : task.each_child("container")) {
    if (const model::Value* image = c->get("image")) {
      needs.execution_role = needs.execution_role || from_private_ecr(*image);
    }
    if (const model::Value* secrets = c->get("secrets")) {
      const model::Map* map = secrets->as<model::Map>();
      if (map && !map->empty()) {
        needs.execution_role = true;
        for (const auto& [name, from] : *map) {
          if (const std::string* s = from.string()) {
            add_secret(needs, *s);
          }
        }
      }
    }
    const model::Block* log = c->first_child("log");
    if (!log) {
      continue;
    }
    const std::string* driver = log->get_enum("driver");
    if (!driver || *driver == "awslogs") {
      needs.execution_role = true;
      needs.log_group = needs.log_group || log->get_string("group") == nullptr;
    }
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
