// `--target BLOCK` (repeatable) on plan, apply and destroy: a run limited to some blocks, as
// Terraform's `-target`. A target covers its block and the blocks nested in it (a route table's
// routes, a VPC's subnets). plan and apply then make the calls of the covered blocks and of every
// block they depend on, transitively (whole blocks: all the calls of each), and delete only what
// the state holds of covered blocks that the program dropped; destroy deletes the covered blocks
// and everything the state holds that depends on them. Blocks are told apart by their resource
// key (backend::plan::resource_key): where blocks of two kinds share a path, `api` covers both
// and `api@task` the task alone, and what depends on one of them keeps that one only.
#pragma once

#include "apply/engine.h"
#include "apply/state.h"
#include "backends/plan/plan.h"

#include <string>
#include <vector>

namespace ecl::apply {

// Whether every target names a block of the plan's resources or of the state; false with a message
// (with the nearest name) for the first that does not.
bool check_targets(const std::vector<std::string>& targets, const backend::plan::Plan& plan,
                   const State& state, std::string& error);
// Whether the resource key `block` is a target, one of a target's kinds, or nested in one.
bool covered(const std::string& block, const std::vector<std::string>& targets);
// The plan limited to the covered blocks and the blocks they depend on (all their steps), with
// their resources, and the outputs whose values name only those steps.
backend::plan::Plan limit_plan(const backend::plan::Plan& plan,
                               const std::vector<std::string>& targets);
// The changes of a limited plan's diff without the deletions of blocks not covered (the limited
// plan lacks every other step, which the diff would delete).
void limit_diff(std::vector<Change>& changes, const State& state,
                const std::vector<std::string>& targets);
// The destroy changes limited to the covered blocks and what depends on them.
void limit_destroy(std::vector<Change>& changes, const State& state,
                   const std::vector<std::string>& targets);

} // namespace ecl::apply
