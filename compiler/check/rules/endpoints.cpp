// VPC endpoints: gateway endpoints exist only for S3 and DynamoDB and are reached through route
// tables; interface endpoints put network interfaces in subnets (one per zone) guarded by
// security groups. Everything an endpoint names belongs to the endpoint's VPC. A short service
// name must be one AWS has endpoints for (E3013, with the nearest as a suggestion); then the shape
// of a type that follows from it is not judged: it follows from a name that is not the one meant.
#include "compiler/check/rules/endpoint_services.h"
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>
#include <map>
#include <utility>

namespace ecl::check {
namespace endpoints_rule {
namespace {

// The elements of a list-of-references attribute, with the range of each.
std::vector<std::pair<const model::Block*, Range>> refs_of(const model::Block& block,
                                                           std::string_view name) {
  std::vector<std::pair<const model::Block*, Range>> out;
  if (const model::Value* v = block.get(name)) {
    if (const auto* list = v->as<model::List>()) {
      for (const model::Value& item : *list) {
        if (const model::Block* b = item.block()) {
          out.emplace_back(b, item.range);
        }
      }
    }
  }
  return out;
}

// Whether the attribute was written in the source with a non-empty list.
bool written_nonempty(const model::Block& block, std::string_view name) {
  const model::Attribute* a = block.attribute(name);
  if (!a || a->defaulted) {
    return false;
  }
  const auto* list = a->value.as<model::List>();
  return list && !list->empty();
}

void check_shape(RuleContext& c, const model::Block& endpoint, bool gateway) {
  const std::string_view type = gateway ? "gateway" : "interface";
  auto forbid = [&](std::string_view attr, std::string_view what, std::string_view instead) {
    if (written_nonempty(endpoint, attr)) {
      c.diags.report(Diag::EndpointShape, attribute_range(endpoint, attr), type, endpoint.name,
                     fmt::format("takes no {}; {}", what, instead));
    }
  };
  auto require = [&](std::string_view attr, std::string_view what, std::string_view why) {
    const model::Value* v = endpoint.get(attr);
    const auto* list = v ? v->as<model::List>() : nullptr;
    if (list && list->empty()) {
      c.diags.report(Diag::EndpointShape, attribute_range(endpoint, attr), type, endpoint.name,
                     fmt::format("needs at least one {} in `{}`; {}", what, attr, why));
    }
  };
  if (gateway) {
    require("route_tables", "route table", "a gateway endpoint is a route target");
    forbid("subnets", "subnets", "a gateway endpoint is reached through `route_tables`");
    forbid("security_groups", "security groups",
           "a gateway endpoint is reached through `route_tables`");
    return;
  }
  require("subnets", "subnet", "an interface endpoint puts a network interface in each");
  forbid("route_tables", "route tables",
         "an interface endpoint is reached through `subnets` and `security_groups`");
  // One network interface per availability zone.
  std::map<std::string, std::pair<const model::Block*, Range>> zones;
  for (const auto& [subnet, at] : refs_of(endpoint, "subnets")) {
    const std::string* zone = model::zone_of(*subnet);
    if (!zone) {
      continue;
    }
    auto [it, first] = zones.emplace(*zone, std::make_pair(subnet, at));
    if (!first && it->second.first != subnet) {
      c.diags
          .report(Diag::EndpointShape, at, type, endpoint.name,
                  fmt::format("lists subnets `{}` and `{}`, both in zone `{}`; an interface "
                              "endpoint takes one subnet per zone",
                              it->second.first->name, subnet->name, *zone))
          .note(it->second.second,
                fmt::format("subnet `{}` is listed here", it->second.first->name));
    }
  }
}

void run(RuleContext& c) {
  for (const model::Block* endpoint : c.program.of_kind("endpoint")) {
    const std::string* type = endpoint->get_enum("type");
    const std::string* service = endpoint->get_string("service");
    if (service && unknown_endpoint_service(*service)) {
      const std::string suggestion = nearest(*service, kEndpointServices);
      c.diags.report(Diag::UnknownEndpointService, attribute_range(*endpoint, "service"),
                     endpoint->path, *service,
                     suggestion.empty()
                         ? std::string("; short names are like `ecr.dkr` and `secretsmanager`, "
                                       "and a full name (`com.amazonaws.REGION.NAME`) is taken "
                                       "as written")
                         : did_you_mean(suggestion));
      const model::Attribute* written = endpoint->attribute("type");
      if (written && !written->defaulted && type) {
        check_shape(c, *endpoint, *type == "gateway");
      }
    } else if (type && *type == "gateway" && service && *service != "s3" &&
               *service != "dynamodb") {
      c.diags.report(Diag::GatewayEndpointService, attribute_range(*endpoint, "type"), *service)
          .note(attribute_range(*endpoint, "service"),
                fmt::format("the service is `{}` here", *service));
    } else if (type) {
      check_shape(c, *endpoint, *type == "gateway");
    }

    const model::Block* vpc = vpc_of(endpoint);
    for (std::string_view attr : {"route_tables", "subnets", "security_groups"}) {
      for (const auto& [other, at] : refs_of(*endpoint, attr)) {
        const model::Block* theirs = vpc_of(other);
        if (vpc && theirs && vpc != theirs) {
          c.diags
              .report(Diag::CrossVpcReference, at, other->kind_name, other->name, theirs->name,
                      fmt::format("endpoint `{}`", endpoint->name), vpc->name)
              .note(other->header_range,
                    fmt::format("{} `{}` is declared here", other->kind_name, other->name));
        }
      }
    }
  }
}

} // namespace
} // namespace endpoints_rule

extern const Rule kEndpointRule;
const Rule kEndpointRule{
    "endpoints",
    "Endpoints name an AWS service with endpoints; gateway endpoints serve only S3 and DynamoDB "
    "through route tables; interface endpoints take subnets and security groups; all of the "
    "endpoint's VPC",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
    "aws-resource-ec2-vpcendpoint.html",
    {Diag::UnknownEndpointService, Diag::GatewayEndpointService, Diag::EndpointShape,
     Diag::CrossVpcReference},
    endpoints_rule::run};

} // namespace ecl::check
