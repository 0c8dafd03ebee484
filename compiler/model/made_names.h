// The names the plan makes for resources that AWS wants named and the program does not name (a
// template lets CloudFormation choose them): from the stack's name and the block's path. The plan
// backend sends them; the checker compares them with the names the program gives (E3411).
#pragma once

#include "compiler/model/model.h"

#include <string>
#include <string_view>

namespace ecl::model {

// The stack's name and the block's path joined by `-`, then the role (`webapp-main-web`,
// `webapp-api-execution`), at most `max` characters (longer names keep a prefix and a hash of the
// whole).
std::string made_name(const Program& program, const Block& block, std::string_view role,
                      std::size_t max);

// The name of a load balancer or target group
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html,
// API_CreateTargetGroup.html): at most 32 letters, digits and hyphens, neither beginning nor
// ending with a hyphen, and a load balancer's not beginning with `internal-`. The stack's name
// and the block's path with `-` for `.` and `_`; as both become `-`, a path holding `_` (and a
// name too long, or beginning with `internal-`) ends in `-` and a hash of the path, so that
// `main.a_b` and `main_a.b` get distinct names.
std::string made_elb_name(const Program& program, const Block& block, bool load_balancer);

// The name the plan makes for `block` when the program gives it no `name`: a security group's (255
// characters), a load balancer's or target group's, a role's (64); "" for other kinds, whose
// schema default names them.
std::string made_name_of(const Program& program, const Block& block);

// The name of the role the plan adds for `owner` (64 characters): a task's execution role, an EC2
// capacity's instance role, a job's scheduler role.
std::string made_role_name(const Program& program, const Block& owner);

} // namespace ecl::model
