// Refresh: before a plan, what the state's entries made is read back from AWS (each descriptor's
// Operation::refresh, batched: one read a call kind with every recorded id, page after page), and
// the state is brought to what AWS holds: an entry whose resource was deleted outside eclc is
// dropped (the plan creates it again); one whose compared attribute changed outside eclc has that
// member of its recorded request set to the live value (the plan brings it back as it would a
// changed program). What each entry's drift is, for people, goes to the plan's changes.
#pragma once

#include "apply/aws.h"
#include "apply/state.h"
#include "backends/plan/plan.h"
#include "backends/resources/resource.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ecl::apply {

// Entry id -> why it drifted: "deleted outside eclc", "changed outside eclc: desiredCount 2 -> 1".
using Drift = std::map<std::string, std::string>;

// Whether the live value holds what the request set (resources::Compared): the same scalar (as
// text, in any case), every member of an object, every element of a list (in any order, more
// allowed). A request value that is null or "" sets nothing and is always held.
bool holds(const json& live, const json& wanted);

// The drift of one entry given what its read found (`item` null: nothing, or gone), with the
// members `unmanaged` left alone (what another owner changes: a scaled service's desiredCount).
// On a change the entry's params get the live values of what differs; nullopt when nothing
// drifted. A text ending with "deleted outside eclc" means it is gone (made again).
std::optional<std::string> drift_of(const resources::Refresh& refresh, Entry& entry,
                                    const json* item, const std::vector<std::string>& unmanaged);

// Reads what `state` holds and brings it to what AWS holds, recording each drift in `drift`.
// `calls` counts the reads made, `entries` the entries read. The reads of different calls run at
// once, at most `parallelism` in flight. False with `error` when a read fails otherwise than "not
// found".
bool refresh(const Client& client, const backend::plan::Plan& plan, State& state, Drift& drift,
             std::size_t& calls, std::size_t& entries, std::string& error, int parallelism = 16);

} // namespace ecl::apply
