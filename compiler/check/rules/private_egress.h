// How Fargate tasks without a way to the internet reach AWS: through VPC endpoints. Shared by the
// rule that asks for the endpoints (W0004) and the one that checks they let the tasks in (W0024).
#pragma once

#include "compiler/check/rules/rule.h"
#include "compiler/check/rules/service_common.h"

#include <span>
#include <string_view>
#include <vector>

namespace ecl::check::egress {

// The items of the service's `subnets` in which its Fargate awsvpc tasks reach neither a NAT
// gateway nor (with `public_ip = true`) an internet gateway, so that they pull images and log
// through VPC endpoints; empty for a service of another kind or network mode. Subnets made
// elsewhere whose routes the program does not know are left out.
std::vector<services::RefItem> subnets_without_internet(RuleContext& c,
                                                        const model::Block& service);

// The endpoint services the task needs to start there: `ecr.api`, `ecr.dkr`, `logs` when a
// container logs with awslogs, `s3` (which serves the image layers), and `secretsmanager` or `ssm`
// when a container reads secrets from Secrets Manager or Parameter Store.
std::vector<std::string_view> endpoint_services(const model::Block& task);

// Whether an endpoint of `vpc` names no AWS service (E3013): it may be the one a rule would find
// missing, misspelt, and the rule waits for the name.
bool misnamed_endpoint(const model::Program& program, const model::Block& vpc);

// Whether the route table sends 0.0.0.0/0 to a NAT gateway.
bool has_nat_route(const model::Block* table);

// The endpoint of `vpc` for `service` (`ecr.api`, or its full name) that the traffic of a subnet
// using route table `table` goes through: an interface endpoint with private DNS, or a gateway
// endpoint on that table; nullptr when there is none.
const model::Block* endpoint_for(const model::Program& program, const model::Block& vpc,
                                 const model::Block* table, std::string_view service);

// Those of `services` that have no endpoint_for() the subnets of route table `table`; none while
// an endpoint of `vpc` is misnamed (misnamed_endpoint()).
std::vector<std::string_view> missing_endpoints(const model::Program& program,
                                                const model::Block& vpc, const model::Block* table,
                                                std::span<const std::string_view> services);

} // namespace ecl::check::egress
