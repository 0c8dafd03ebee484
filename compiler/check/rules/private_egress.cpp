// A Fargate task pulls its image through the internet (a public IP in a public subnet, or a NAT
// gateway) or through VPC endpoints: `ecr.api` and `ecr.dkr`, `s3` for the image layers, and
// `logs` when a container logs with awslogs, `secretsmanager` or `ssm` when a container reads
// secrets from them. A service whose Fargate tasks sit in a private subnet (or in a public one
// without a public IP) with neither a NAT route nor those endpoints cannot start them: warn, naming
// what is missing and what fails for it, with the quick fixes that would resolve it:
// `public_ip = true` in a public subnet, a route to a NAT gateway of the VPC, the endpoints.
// Endpoints serve only private ECR: an image from any other registry (Docker Hub,
// `public.ecr.aws`) needs the internet, and the warning says so instead of asking for endpoints.
// An endpoint of the VPC whose service is no AWS service's (E3013) may be the one missing,
// misspelt: the VPC's services are not judged until it is named.
#include "compiler/check/rules/private_egress.h"

#include "compiler/check/fixes.h"
#include "compiler/check/rules/endpoint_services.h"
#include "compiler/check/rules/internet_route.h"
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"
#include "compiler/model/execution_needs.h"
#include "compiler/model/image.h"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace ecl::check {
namespace private_egress_rule {
namespace {

// `ecr.api` matches "ecr.api" and the full name "com.amazonaws.us-east-1.ecr.api".
bool names_service(const std::string& written, std::string_view service) {
  if (written == service) {
    return true;
  }
  return written.size() > service.size() &&
         written.compare(written.size() - service.size(), service.size(), service) == 0 &&
         written[written.size() - service.size() - 1] == '.';
}

// A name for a new child of `vpc`: `base`, or `base_2`, `base_3`… when a child has it.
std::string free_name(const model::Block& vpc, std::string_view base) {
  std::string name(base);
  for (int n = 2;; ++n) {
    bool taken = std::any_of(vpc.children.begin(), vpc.children.end(),
                             [&](const model::Block* child) { return child->name == name; });
    if (!taken) {
      return name;
    }
    name = fmt::format("{}_{}", base, n);
  }
}

// The quick fix "set `public_ip = true`", for tasks in a subnet routed to an internet gateway.
void fix_public_ip(RuleContext& c, Diagnostic& d, const model::Block& service) {
  const model::Attribute* written = service.attribute("public_ip");
  if (written && !written->defaulted) {
    d.fix(written->value.range, "true", "set `public_ip = true`");
  } else {
    fix_add_item(d, c.sources, service.range, "public_ip = true", "set `public_ip = true`");
  }
}

// The quick fix "add a route from 0.0.0.0/0 to a NAT gateway" to the subnet's table, when the
// table has no 0.0.0.0/0 route and the VPC a NAT gateway (one in the subnet's zone if it can).
void fix_nat_route(RuleContext& c, Diagnostic& d, const model::Block& subnet,
                   const model::Block& vpc, const model::Block* table) {
  if (!table || table->parent != &vpc || default_route_of(table)) {
    return;
  }
  const model::Block* nat = nullptr;
  const std::string* zone = model::zone_of(subnet);
  for (const model::Block* candidate : vpc.each_child("nat_gateway")) {
    const model::Block* in = candidate->get_ref("subnet");
    const std::string* nat_zone = in ? model::zone_of(*in) : nullptr;
    if (!nat || (zone && nat_zone && *zone == *nat_zone)) {
      nat = candidate;
    }
    if (zone && nat_zone && *zone == *nat_zone) {
      break;
    }
  }
  if (nat && !nat->name.empty()) {
    fix_add_item(d, c.sources, table->range, default_route_item(nat->name),
                 fmt::format("add a route from 0.0.0.0/0 to `{}`", nat->name));
  }
}

// The first security group of the VPC's own that one of its interface endpoints is behind, or
// null: the endpoints a fix adds go behind it too, not behind another group alike.
const model::Block* endpoint_group(const model::Program& program, const model::Block& vpc) {
  for (const model::Block* endpoint : program.of_kind("endpoint")) {
    const model::Value* groups =
        vpc_of(endpoint) == &vpc ? endpoint->get("security_groups") : nullptr;
    const model::List* list = groups ? groups->as<model::List>() : nullptr;
    if (!list) {
      continue;
    }
    for (const model::Value& group : *list) {
      if (group.block() && group.block()->parent == &vpc && !group.block()->name.empty()) {
        return group.block();
      }
    }
  }
  return nullptr;
}

// The quick fix "add the missing endpoints" to the VPC: a gateway endpoint for `s3` on the route
// tables of the service's subnets, and for the others an interface endpoint in the service's
// subnets (one per zone) behind the group of the VPC's other interface endpoints, or else a new
// security group that admits HTTPS from the VPC. Offered only
// when it resolves the warning: the subnet has a route table of the VPC, the VPC resolves DNS
// (private DNS needs both settings), and no interface endpoint for a missing service exists
// already (the VPC's one with private DNS would clash with it).
void fix_endpoints(RuleContext& c, Diagnostic& d, const model::Block& service,
                   const model::Block& vpc, const model::Block* table,
                   const std::vector<std::string_view>& missing) {
  if (!table || table->parent != &vpc || vpc.get_bool("dns_support") == false ||
      vpc.get_bool("dns_hostnames") == false) {
    return;
  }
  // The service's subnets and their route tables in this VPC.
  std::vector<std::string> subnets, zones, tables;
  for (const services::RefItem& item : services::ref_items(service, "subnets")) {
    if (item.block->parent != &vpc) {
      continue;
    }
    const std::string* zone = model::zone_of(*item.block);
    if (!zone || std::find(zones.begin(), zones.end(), *zone) == zones.end()) {
      subnets.push_back(item.block->name);
      if (zone) {
        zones.push_back(*zone);
      }
    }
    const model::Block* t = c.route_table_of(item.block, false);
    if (t && t->parent == &vpc && !egress::endpoint_for(c.program, vpc, t, "s3") &&
        std::find(tables.begin(), tables.end(), t->name) == tables.end()) {
      tables.push_back(t->name);
    }
  }
  std::string blocks;
  std::string group;
  for (std::string_view service_name : missing) {
    if (service_name == "s3") {
      blocks += fmt::format("endpoint {} {{\n  service      = \"s3\"\n  route_tables = [{}]\n}}\n",
                            free_name(vpc, "s3"), fmt::join(tables, ", "));
      continue;
    }
    for (const model::Block* endpoint : c.program.of_kind("endpoint")) {
      const std::string* name = endpoint->get_string("service");
      if (vpc_of(endpoint) == &vpc && name && names_service(*name, service_name)) {
        return;
      }
    }
    if (const model::Block* existing = group.empty() ? endpoint_group(c.program, vpc) : nullptr) {
      group = existing->name;
    } else if (group.empty()) {
      group = free_name(vpc, "endpoints");
      blocks += fmt::format("security_group {} {{\n"
                            "  description = \"VPC endpoints: HTTPS from the VPC\"\n"
                            "  ingress {{\n"
                            "    protocol = tcp\n"
                            "    port     = 443\n"
                            "    from     = {}.cidr\n"
                            "  }}\n"
                            "}}\n",
                            group, vpc.name);
    }
    std::string name(service_name);
    std::replace(name.begin(), name.end(), '.', '_');
    blocks += fmt::format("endpoint {} {{\n"
                          "  service         = \"{}\"\n"
                          "  subnets         = [{}]\n"
                          "  security_groups = [{}]\n"
                          "}}\n",
                          free_name(vpc, name), service_name, fmt::join(subnets, ", "), group);
  }
  blocks.pop_back(); // the last newline: fix_add_item ends the item's last line
  fix_add_item(d, c.sources, vpc.range, blocks,
               fmt::format("add endpoints for `{}`", fmt::join(missing, "`, `")));
}

// Some container of the task sends its output to CloudWatch Logs.
bool logs_with_awslogs(const model::Block& task) {
  for (const model::Block* container : task.each_child("container")) {
    for (const model::Block* log : container->each_child("log")) {
      const std::string* driver = log->get_enum("driver");
      if (driver && *driver == "awslogs") {
        return true;
      }
    }
  }
  return false;
}

// The first image of the task that only the internet serves (not in a private ECR registry), as
// written, or "".
std::string internet_image(const model::Block& task) {
  for (const model::Block* container : task.each_child("container")) {
    const model::Value* image = container->get("image");
    if (!image || model::image_source(*image) != model::ImageSource::Internet) {
      continue;
    }
    if (const std::string* s = image->string()) {
      return *s;
    }
    const auto& parts = image->as<model::Template>()->parts;
    return std::get<std::string>(parts.front()) + "…";
  }
  return "";
}

// What fails for want of the `missing` endpoints: "images cannot be pulled", and the tasks fail to
// start without their logs' or secrets' endpoint.
std::string consequence(const std::vector<std::string_view>& missing) {
  std::vector<std::string_view> parts;
  auto missing_one = [&](std::initializer_list<std::string_view> names) {
    return std::any_of(missing.begin(), missing.end(), [&](std::string_view m) {
      return std::find(names.begin(), names.end(), m) != names.end();
    });
  };
  if (missing_one({"ecr.api", "ecr.dkr", "s3"})) {
    parts.push_back("images cannot be pulled");
  }
  if (missing_one({"logs"})) {
    parts.push_back("the awslogs driver cannot deliver the containers' logs");
  }
  if (missing_one({"secretsmanager", "ssm"})) {
    parts.push_back("the containers' secrets cannot be read");
  }
  std::string out = fmt::format("{}", fmt::join(parts, " and "));
  if (missing_one({"logs", "secretsmanager", "ssm"})) {
    out += ", so the tasks fail to start";
  }
  return out;
}

void check_service(RuleContext& c, const model::Block& service) {
  const std::vector<services::RefItem> subnets = egress::subnets_without_internet(c, service);
  if (subnets.empty()) {
    return;
  }
  const model::Block* task = service.get_ref("task");
  const std::string from_internet = internet_image(*task);
  const std::vector<std::string_view> needed = egress::endpoint_services(*task);
  for (const services::RefItem& item : subnets) {
    const model::Block& subnet = *item.block;
    const bool is_public = routes_to_internet(c, &subnet);
    const model::Block* vpc = vpc_of(&subnet);
    const model::Block* table = c.route_table_of(&subnet, false);
    auto note_route = [&](Diagnostic& d) {
      if (table) {
        d.note(
            table->header_range,
            fmt::format("route table `{}` has no 0.0.0.0/0 route to a nat_gateway", table->path));
      } else {
        d.note(subnet.header_range,
               fmt::format("subnet `{}` has no route table, so no NAT route", subnet.path));
      }
      if (is_public) {
        d.note(attribute_range(service, "public_ip"),
               "with `public_ip = true` the tasks could pull through the internet gateway");
        fix_public_ip(c, d, service);
      }
      fix_nat_route(c, d, subnet, *vpc, table);
    };
    const char* where = is_public ? "without a public IP in public subnet" : "in private subnet";
    if (!from_internet.empty()) {
      auto& d = c.diags.report(Diag::ImageNeedsInternet, item.value->range, service.kind_name,
                               service.path, where, subnet.path, from_internet,
                               model::registry_of(from_internet));
      note_route(d);
      continue;
    }
    const std::vector<std::string_view> missing =
        egress::missing_endpoints(c.program, *vpc, table, needed);
    if (missing.empty()) {
      continue;
    }
    auto& d = c.diags.report(Diag::PrivateSubnetNoEgress, item.value->range, service.kind_name,
                             service.path, where, subnet.path,
                             fmt::format("`{}`", fmt::join(missing, "`, `")), consequence(missing));
    note_route(d);
    fix_endpoints(c, d, service, *vpc, table, missing);
  }
}

void run(RuleContext& c) {
  for (const model::Block* service : services::runners(c.program)) {
    check_service(c, *service);
  }
}

} // namespace
} // namespace private_egress_rule

namespace egress {

bool misnamed_endpoint(const model::Program& program, const model::Block& vpc) {
  for (const model::Block* endpoint : program.of_kind("endpoint")) {
    const std::string* name = endpoint->get_string("service");
    if (vpc_of(endpoint) == &vpc && name && unknown_endpoint_service(*name)) {
      return true;
    }
  }
  return false;
}

bool has_nat_route(const model::Block* table) {
  if (!table) {
    return false;
  }
  for (const model::Block* route : table->each_child("route")) {
    const std::string* destination = route->get_string("destination");
    const model::Block* target = route->get_ref("target");
    if (destination && *destination == "0.0.0.0/0" && target &&
        target->kind_name == "nat_gateway") {
      return true;
    }
  }
  return false;
}

const model::Block* endpoint_for(const model::Program& program, const model::Block& vpc,
                                 const model::Block* table, std::string_view service) {
  for (const model::Block* endpoint : program.of_kind("endpoint")) {
    const std::string* name = endpoint->get_string("service");
    if (vpc_of(endpoint) != &vpc || !name || !private_egress_rule::names_service(*name, service)) {
      continue;
    }
    const std::string* type = endpoint->get_enum("type");
    if (type && *type == "gateway") {
      for (const model::Block* t : endpoint->get_refs("route_tables")) {
        if (table && t == table) {
          return endpoint;
        }
      }
    } else if (endpoint->get_bool("private_dns") != false) {
      return endpoint;
    }
  }
  return nullptr;
}

std::vector<std::string_view> endpoint_services(const model::Block& task) {
  std::vector<std::string_view> needed = {"ecr.api", "ecr.dkr"};
  if (private_egress_rule::logs_with_awslogs(task)) {
    needed.push_back("logs");
  }
  needed.push_back("s3");
  // The stores of the containers' secrets: Secrets Manager for its ARNs, Parameter Store (`ssm`)
  // for the rest (its ARNs and parameter names).
  for (const model::ExecutionNeed& need : model::execution_needs(task)) {
    const std::string_view store = need.secrets_manager ? "secretsmanager" : "ssm";
    if (need.kind == model::ExecutionNeed::ReadSecret && need.source &&
        std::find(needed.begin(), needed.end(), store) == needed.end()) {
      needed.push_back(store);
    }
  }
  return needed;
}

std::vector<std::string_view> missing_endpoints(const model::Program& program,
                                                const model::Block& vpc, const model::Block* table,
                                                std::span<const std::string_view> services) {
  std::vector<std::string_view> missing;
  if (misnamed_endpoint(program, vpc)) {
    return missing;
  }
  for (std::string_view service : services) {
    if (!endpoint_for(program, vpc, table, service)) {
      missing.push_back(service);
    }
  }
  return missing;
}

std::vector<services::RefItem> subnets_without_internet(RuleContext& c,
                                                        const model::Block& service) {
  std::vector<services::RefItem> out;
  const model::Block* task = service.get_ref("task");
  const std::string* mode = services::network_mode(task);
  if (!mode || *mode != "awsvpc" || !services::runs_on_fargate(service)) {
    return out;
  }
  const bool public_ip = service.get_bool("public_ip") == true;
  for (const services::RefItem& item : services::ref_items(service, "subnets")) {
    const model::Block* subnet = item.block;
    if (routes_unknown(c, subnet) || !vpc_of(subnet)) {
      continue; // made elsewhere: where it reaches is not the program's to know
    }
    // Public as AWS sees it, whatever `public` says: routed to an internet gateway.
    if (public_ip && routes_to_internet(c, subnet)) {
      continue;
    }
    if (!egress::has_nat_route(c.route_table_of(subnet, false))) {
      out.push_back(item);
    }
  }
  return out;
}

} // namespace egress

extern const Rule kPrivateEgressRule;
const Rule kPrivateEgressRule{
    "private-egress",
    "Fargate tasks without a public IP reach ECR, S3, CloudWatch Logs and their secrets' stores "
    "through a NAT gateway or VPC endpoints",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
    {Diag::PrivateSubnetNoEgress, Diag::ImageNeedsInternet},
    private_egress_rule::run};

} // namespace ecl::check
