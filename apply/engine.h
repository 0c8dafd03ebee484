// Plans against state and runs them: the program's plan (backends/plan) and the state file give
// the changes (create / update / replace / delete, each with its reason); the executor makes
// their calls in dependency order with bounded parallelism, saving the state after each call.
#pragma once

#include "apply/aws.h"
#include "apply/state.h"
#include "backends/plan/plan.h"

#include <chrono>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace ecl::apply {

enum class Action { Create, Update, Replace, Delete };

struct Change {
  Action action = Action::Create;
  std::string id;                            // the step id
  const backend::plan::Step* step = nullptr; // the planned step (not for Delete)
  std::string reason = {};                   // why (update, replace, resumed create)
  std::string call = {};                     // what runs: "ecs:UpdateService"
  std::string renewed = {}; // the step whose renewal alone makes this change, or ""
  bool drifted = false; // made because AWS differs from the state (refresh.h): `reason` says how
  // A replacement made before what it replaces is deleted (resources::CreateFirst): what used the
  // old one moves to the new one first. When false, `deleted_first` may say why it cannot be.
  bool create_first = false;
  std::string deleted_first = {};
  // A read made again only because the program takes more of its answer: what it gave before
  // stays as it was (what was made from it does not move).
  bool extends = false;
};

// Offline: what it takes to bring the state to the program. Steps already in the state with the
// same inputs (compared semantically: object member order and tag order do not count) and nothing
// replaced upstream are no change; a change of tags alone is an in-place update (CreateTags,
// TagResource...). In plan order; deletions of what the program dropped last. `drift` (entry id ->
// why: refresh.h) gives the reason of the changes of what changed outside eclc.
std::vector<Change> diff(const backend::plan::Plan& plan, const State& state,
                         const std::map<std::string, std::string>& drift = {});
// Everything the state holds, to delete.
std::vector<Change> destroy_changes(const State& state);

// How long to wait for what AWS finishes after answering (a NAT gateway becoming available or
// deleted, a deleted service draining): probes after first_delay, then twice as long each time
// up to max_delay, until `timeout` has passed; then the step fails with a timeout error.
struct WaitPolicy {
  std::chrono::milliseconds timeout{std::chrono::minutes(20)};
  std::chrono::milliseconds first_delay{std::chrono::seconds(1)};
  std::chrono::milliseconds max_delay{std::chrono::seconds(15)};
};

struct ExecuteOptions {
  std::string state_path;
  int parallelism = 16; // independent calls in flight at once
  bool tty = false;     // a status line naming the call in flight, rewritten in place
  int width = 0;        // the terminal's columns (0: unknown), so the status line never wraps
  WaitPolicy wait;
};

// Runs the changes: first the deletions (of Delete and Replace) in reverse dependency order, then
// creates and updates in plan order, each as soon as what it depends on is done. A deletion or
// creation AWS finishes later (NAT gateways, services, VPC endpoints, auto scaling groups) is
// waited for before what depends on it runs. The state is
// saved after every successful call. On failure: false with the AWS error code and message and
// the step in `error`, after the calls in flight finish.
bool execute(const Client& client, const backend::plan::Plan* plan, State& state,
             const std::vector<Change>& changes, const ExecuteOptions& options, std::ostream& out,
             std::string& error);

// A plan value (a step's params, an output, a job's RunTask request) with each `${step.path}`
// replaced by the value the state's entry of that step recorded, and each `$${` by `${`; within a
// longer string a value is written as text (a string as it is, anything else as JSON). For a
// request every placeholder must have a value: false with `error` naming the first without.
// `as_output`, as the outputs are filled: one without reads `(known after apply)`, and a string
// that is one placeholder becomes the value itself, of its type.
bool fill(const json& value, const State& state, const std::set<std::string, std::less<>>& ids,
          json& out, std::string& error, bool as_output = false);

// `eclc import aws`: records in `state` the entry an apply would have recorded for `step` had its
// call made what exists: the request filled from the state's entries (with the state's lineage
// tag and a new idempotency token, as apply sends them), the outputs and the AWS id from the
// answer the call would have given. That answer is built from `item` (the resource as the step's
// lookup lists it) when given, else found by the lookup as a resumed apply finds it (by name or
// association, whoever made it); a read step is made. False with `error` when nothing exists
// that the step makes, or what exists lacks an output.
bool adopt(const Client& client, const backend::plan::Plan& plan, const backend::plan::Step& step,
           const json* item, State& state, std::string& error);

} // namespace ecl::apply
