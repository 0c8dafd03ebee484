// `eclc diagram`: the architecture as AWS diagrams draw it, in Graphviz dot, from the checked
// model: the internet, each VPC with its zones as columns, public and private subnets, internet
// and NAT gateways, endpoints, and the services in their subnets with their task counts; arrows
// for traffic (internet -> internet gateway -> public services, services -> NAT gateway or
// endpoints, NAT gateway -> internet gateway).
#pragma once

#include "compiler/model/model.h"

#include <string>

namespace ecl::backend::diagram {

// The dot text (deterministic: blocks in source order); `dot -Tsvg` lays it out.
std::string render_dot(const model::Program& program);

} // namespace ecl::backend::diagram
