// A Fargate task pulls its image through the internet (a public IP in a public subnet, or a NAT
// gateway) or through VPC endpoints: `ecr.api` and `ecr.dkr`, `s3` for the image layers, and
// `logs` when a container logs with awslogs. A service whose Fargate tasks sit in a private
// subnet (or in a public one without a public IP) with neither a NAT route nor those endpoints
// cannot start them: warn, naming what is missing.
#include "compiler/check/rules/internet_route.h"
#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <fmt/format.h>

namespace ecl::check {
namespace {

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

// `ecr.api` matches "ecr.api" and the full name "com.amazonaws.us-east-1.ecr.api".
bool names_service(const std::string& written, std::string_view service) {
  if (written == service) {
    return true;
  }
  return written.size() > service.size() &&
         written.compare(written.size() - service.size(), service.size(), service) == 0 &&
         written[written.size() - service.size() - 1] == '.';
}

// The VPC has an endpoint for `service` that the subnet's traffic uses: an interface endpoint
// with private DNS anywhere in the VPC, or a gateway endpoint on the subnet's route table.
bool has_endpoint(const model::Program& program, const model::Block& vpc, const model::Block* table,
                  std::string_view service) {
  for (const model::Block* endpoint : program.of_kind("endpoint")) {
    const std::string* name = endpoint->get_string("service");
    if (vpc_of(endpoint) != &vpc || !name || !names_service(*name, service)) {
      continue;
    }
    const std::string* type = endpoint->get_enum("type");
    if (type && *type == "gateway") {
      for (const model::Block* t : endpoint->get_refs("route_tables")) {
        if (table && t == table) {
          return true;
        }
      }
    } else if (endpoint->get_bool("private_dns") != false) {
      return true;
    }
  }
  return false;
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

void check_service(RuleContext& c, const model::Block& service) {
  const model::Block* task = service.get_ref("task");
  const std::string* mode = services::network_mode(task);
  if (!mode || *mode != "awsvpc" || !services::runs_on_fargate(service)) {
    return;
  }
  const bool public_ip = service.get_bool("public_ip") == true;
  // What the tasks must reach, worked out only for a subnet without a NAT route (rarely).
  std::vector<std::string_view> needed;
  auto need = [&]() -> const std::vector<std::string_view>& {
    if (needed.empty()) {
      needed = {"ecr.api", "ecr.dkr"};
      if (logs_with_awslogs(*task)) {
        needed.push_back("logs");
      }
      needed.push_back("s3");
    }
    return needed;
  };
  for (const services::RefItem& item : services::ref_items(service, "subnets")) {
    const model::Block& subnet = *item.block;
    // Public as AWS sees it, whatever `public` says: routed to an internet gateway.
    const bool is_public = routes_to_internet(c, &subnet);
    const model::Block* vpc = vpc_of(&subnet);
    if ((is_public && public_ip) || !vpc) {
      continue;
    }
    const model::Block* table = c.route_table_of(&subnet, false);
    if (has_nat_route(table)) {
      continue;
    }
    std::string missing;
    std::size_t count = 0;
    for (std::string_view service_name : need()) {
      if (!has_endpoint(c.program, *vpc, table, service_name)) {
        missing += fmt::format("{}`{}`", missing.empty() ? "" : ", ", service_name);
        ++count;
      }
    }
    if (count == 0) {
      continue;
    }
    const char* where = is_public ? "without a public IP in public subnet" : "in private subnet";
    auto& d = c.diags.report(Diag::PrivateSubnetNoEgress, item.value->range, service.path, where,
                             subnet.path, missing);
    if (table) {
      d.note(table->header_range,
             fmt::format("route table `{}` has no 0.0.0.0/0 route to a nat_gateway", table->path));
    } else {
      d.note(subnet.header_range,
             fmt::format("subnet `{}` has no route table, so no NAT route", subnet.path));
    }
    if (is_public) {
      d.note(attribute_range(service, "public_ip"),
             "with `public_ip = true` the tasks could pull through the internet gateway");
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* service : c.program.of_kind("service")) {
    check_service(c, *service);
  }
}

} // namespace

extern const Rule kPrivateEgressRule;
const Rule kPrivateEgressRule{
    "private-egress",
    "Fargate tasks without a public IP reach ECR, S3 and CloudWatch Logs through a NAT gateway or "
    "VPC endpoints",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
    {Diag::PrivateSubnetNoEgress},
    run};

} // namespace ecl::check
