// The commands on top of the engine: `eclc apply`, `eclc destroy` and `eclc plan --state`, given
// the program's plan. main() only parses options and builds the plan.
#pragma once

#include "apply/state.h"
#include "backends/plan/plan.h"

#include <map>
#include <string>
#include <vector>

namespace ecl::apply {

struct CommandOptions {
  std::string program_path; // for the default state path
  std::string state_path;   // "" for the default
  std::string endpoint_url; // "" for AWS
  std::string profile;      // "" for AWS_PROFILE or "default"
  bool auto_approve = false;
  int parallelism = 16;
  int wait_timeout_seconds = 1200; // for what AWS finishes after answering
  int call_timeout_seconds = 60;   // for an answer to one attempt of a call
  bool color = false;
  bool force = false;               // use a state of another stack, or older than its backup
  int lock_timeout_seconds = 0;     // how long to wait for another run's lock
  std::vector<std::string> targets; // --target: the blocks the run is limited to (target.h)
  bool calls = false;               // `plan --calls`: the API calls instead of the resources
  // `plan --state` and `apply` read what the state holds from AWS first (refresh.h); false: the
  // offline plan, from the state alone.
  bool refresh = true;
};

// The state file when --state is not given: beside the program, `PROGRAM.state.json` (a
// directory program's state sits beside the directory).
std::string default_state_path(const std::string& program_path);

// `eclc plan`: the changes that bring the state (with `with_state`; else nothing) to the program,
// refreshed from AWS first (unless `options.refresh` is false or the state holds nothing), as
// resources (plan_view.h) or with `options.calls` as API calls. Exit status 0, or 2
// when the state cannot be read or a target is unknown; `changed` (if given) says whether
// anything changes.
int plan(const backend::plan::Plan& plan, const CommandOptions& options, bool with_state,
         bool* changed = nullptr);
// What `plan` (or with `destroying`, `destroy`) shows of the changes from `state`, without a
// header; false with `error` for an unknown target. `drift`: what a refresh found (refresh.h).
bool render_plan(const backend::plan::Plan& plan, const State& state, const CommandOptions& options,
                 bool destroying, std::string& text, std::string& error,
                 const std::map<std::string, std::string>& drift = {});
// The plan's outputs with the values `state` holds filled in, as an apply records them.
json filled_outputs(const backend::plan::Plan& plan, const State& state);
// `eclc apply`: shows the changes, asks on a terminal (else needs --auto-approve), runs them.
// 0 when done, 1 when a call fails, 2 for bad input (state, credentials, no approval).
int apply(const backend::plan::Plan& plan, const CommandOptions& options);
// `eclc destroy`: deletes everything the state holds, in reverse dependency order.
int destroy(const backend::plan::Plan& plan, const CommandOptions& options);
// What `eclc run` starts: a job of the program, how many copies (0: the job's `count`), and
// whether it waits for them to stop.
struct RunOptions {
  std::string job; // the job block's path
  int count = 0;
  bool wait = false;
};
// `eclc run`: starts a job's task once (RunTask) on the cluster and task definition the state
// holds, prints the tasks, and with `wait` waits until they stop and prints how each container
// exited. 0 when started (and with `wait`, every container exited 0); 1 when AWS refuses or a
// task fails; 2 for bad input (an unknown job, a state without the job's cluster or task, or
// holding another definition of them than the program: apply first).
int run_job(const backend::plan::Plan& plan, const CommandOptions& options, const RunOptions& run);
// `eclc force-unlock`: removes the lock of the state, naming who held it.
int force_unlock(const CommandOptions& options);

// `eclc output`: the outputs the last apply recorded, all (`name = value` lines, or one JSON
// object with `json`) or the one named (a string bare, as scripts want it; JSON with `json`).
// 0, or 2 when the state cannot be read or has no such output.
int print_outputs(const CommandOptions& options, const std::string& name, bool json);
// `eclc show`: the state as a person reads it: each resource with its block, kind of call and AWS
// id, then the outputs.
int show_state(const CommandOptions& options);

} // namespace ecl::apply
