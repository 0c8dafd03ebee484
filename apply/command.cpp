#include "apply/command.h"

#include "apply/credentials.h"
#include "apply/engine.h"
#include "apply/lock.h"
#include "apply/network_libraries.h"
#include "apply/plan_view.h"
#include "apply/refresh.h"
#include "apply/target.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/driver/driver.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <sys/ioctl.h>
#include <thread>
#include <unistd.h>

namespace ecl::apply {

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

std::string state_path(const CommandOptions& options) {
  return options.state_path.empty() ? default_state_path(options.program_path) : options.state_path;
}

bool load(const backend::plan::Plan& plan, const std::string& path, State& state,
          const CommandOptions& options) {
  std::string error;
  if (!load_state(path, state, error)) {
    std::cerr << "eclc: error: " << error << "\n";
    return false;
  }
  if (!state.entries.empty() && state.region != plan.region) {
    std::cerr << "eclc: error: the state `" << path << "` is of region " << state.region
              << ", the program's is " << plan.region << "\n";
    return false;
  }
  // Another stack's state would have its resources deleted as "no longer in the program".
  if (!state.entries.empty() && state.stack != plan.stack && !options.force) {
    std::cerr << "eclc: error: the state `" << path << "` is of stack `" << state.stack
              << "`, the program's is `" << plan.stack
              << "`; pass --force to use it all the same\n";
    return false;
  }
  // A copy restored from before the last run would recreate or delete what that run did.
  State backup;
  std::string ignored;
  if (!options.force && !state.lineage.empty() && load_state(path + ".backup", backup, ignored) &&
      backup.lineage == state.lineage && backup.serial > state.serial) {
    std::cerr << "eclc: error: the state `" << path << "` (serial " << state.serial
              << ") is older than its backup `" << path << ".backup` (serial " << backup.serial
              << "); pass --force to use it all the same\n";
    return false;
  }
  state.stack = plan.stack;
  state.region = plan.region;
  return true;
}

// An output's value filled from the state (fill's `as_output`).
json resolve_output(const json& value, const State& state,
                    const std::set<std::string, std::less<>>& ids) {
  json out;
  std::string never; // as an output, a placeholder without a value is no error
  fill(value, state, ids, out, never, true);
  return out;
}

std::string outputs_text(const json& outputs) {
  std::string out;
  for (const auto& [name, value] : outputs.items()) {
    out += "  " + name + " = " + value.dump() + "\n";
  }
  return out;
}

// Yes on a terminal when the person types `yes`; without a terminal only with --auto-approve.
bool approved(const CommandOptions& options, const char* what) {
  if (options.auto_approve) {
    return true;
  }
  if (!::isatty(STDIN_FILENO)) {
    std::cerr << "eclc: error: not a terminal: pass --auto-approve to " << what
              << " without asking\n";
    return false;
  }
  std::cout << "\nDo you want to " << what << "? Only `yes` is accepted: " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  if (answer != "yes") {
    std::cerr << "eclc: cancelled\n";
    return false;
  }
  return true;
}

// Keeps the state as it was before this run beside it (`STATE.backup`, 0600).
bool back_up(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return true; // no state yet
  }
  std::stringstream text;
  text << in.rdbuf();
  return driver::write_file_atomically(path + ".backup", text.str(), error,
                                       driver::FileMode::Private);
}

// The outputs once a run is done, given what the state then holds (`recorded`: the outputs the
// state had): none after a destroy; after a targeted one, those whose values stay; after a
// targeted apply, the recorded ones with those of the run's (limited) plan updated.
json outputs_of(const backend::plan::Plan& full, const backend::plan::Plan& run, const State& state,
                const json& recorded, bool destroying, bool targeted) {
  auto ids = step_ids(full);
  if (!targeted) {
    return destroying ? json::object() : resolve_output(full.outputs, state, ids);
  }
  if (destroying) {
    json now = resolve_output(full.outputs, state, ids);
    json out = json::object();
    for (const auto& [name, v] : recorded.items()) {
      if (now.contains(name) && now[name] == v) {
        out[name] = v;
      }
    }
    return out;
  }
  json out = recorded;
  json now = resolve_output(run.outputs, state, ids);
  for (const auto& [name, v] : now.items()) {
    out[name] = v;
  }
  return out;
}

// A run: the program's plan limited to the targets, the changes that bring the state to it (or
// for a destroy delete the state), and those changes as resources and outputs for people.
struct Run {
  const backend::plan::Plan* full = nullptr;
  backend::plan::Plan limited; // when there are targets
  const backend::plan::Plan* plan = nullptr;
  std::vector<Change> changes;
  std::vector<ResourceChange> resources;
  std::vector<std::string> outputs;
};

bool prepare(const backend::plan::Plan& full, const State& state, const CommandOptions& options,
             bool destroying, Run& run, std::string& error, const Drift& drift = {}) {
  run.full = &full;
  run.plan = &full;
  bool targeted = !options.targets.empty();
  if (targeted) {
    if (!check_targets(options.targets, full, state, error)) {
      return false;
    }
    run.limited = limit_plan(full, options.targets);
    run.plan = &run.limited;
  }
  run.changes = destroying ? destroy_changes(state) : diff(*run.plan, state, drift);
  if (targeted) {
    (destroying ? limit_destroy : limit_diff)(run.changes, state, options.targets);
  }
  run.resources = by_resource(destroying ? nullptr : run.plan, state, run.changes);
  // The outputs as they will be: what is created, replaced or deleted is not known yet.
  State after = state;
  for (const Change& c : run.changes) {
    if (c.action != Action::Update) {
      after.erase(c.id);
    }
  }
  run.outputs = output_changes(
      state.outputs, outputs_of(full, *run.plan, after, state.outputs, destroying, targeted));
  return true;
}

// After a run: the outputs filled from what AWS answered and the blocks as applied, recorded with
// the state (when they changed); the outputs shown.
bool record(const Run& run, const std::string& path, State& state, bool destroying, bool targeted) {
  json outputs = outputs_of(*run.full, *run.plan, state, state.outputs, destroying, targeted);
  json blocks = state.blocks;
  if (!destroying) {
    for (const auto& r : run.plan->resources) {
      blocks[r.key] = {{"kind", r.kind}, {"attributes", r.attributes}};
    }
  }
  std::set<std::string, std::less<>> held;
  for (const Entry& e : state.entries) {
    held.insert(backend::plan::resource_key(e.id));
  }
  json kept = json::object();
  for (const auto& [block, b] : blocks.items()) {
    if (held.count(block)) {
      kept[block] = b;
    }
  }
  std::string error;
  if (outputs != state.outputs || kept != state.blocks) {
    state.outputs = std::move(outputs);
    state.blocks = std::move(kept);
    if (!save_state(path, state, error)) {
      std::cerr << "eclc: error: " << error << "\n";
      return false;
    }
  }
  if (!state.outputs.empty()) {
    std::cout << "\nOutputs:\n" << outputs_text(state.outputs);
  }
  return true;
}

// A client for the program's region, from the profile or the environment (and --endpoint-url);
// null with `error` when the configuration cannot be read.
std::unique_ptr<Client> connect(const backend::plan::Plan& plan, const CommandOptions& options,
                                std::string& error) {
  const std::string& url = options.endpoint_url;
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    error = "--endpoint-url `" + url + "`: only http:// and https:// URLs";
    return nullptr;
  }
  AwsConfig config;
  if (!load_network_libraries(error) ||
      !load_config({options.profile, options.endpoint_url}, config, error)) {
    return nullptr;
  }
  config.region = plan.region; // the program's region: its zones and ARNs name it
  config.endpoint_url = options.endpoint_url;
  config.call_timeout_seconds = options.call_timeout_seconds;
  return std::make_unique<Client>(config);
}

// Brings `state` to what AWS holds (refresh.h), unless --refresh=false or it holds nothing that
// was made; `client` is made when it is null.
bool refresh_state(const backend::plan::Plan& plan, const CommandOptions& options, State& state,
                   std::unique_ptr<Client>& client, Drift& drift) {
  if (!options.refresh || std::none_of(state.entries.begin(), state.entries.end(),
                                       [](const Entry& e) { return !e.pending; })) {
    return true;
  }
  std::string error;
  if (!client && !(client = connect(plan, options, error))) {
    std::cerr << "eclc: error: " << error << "\n";
    return false;
  }
  std::size_t calls = 0, entries = 0;
  if (!refresh(*client, plan, state, drift, calls, entries, error, options.parallelism)) {
    std::cerr << "eclc: error: cannot read what the state holds from AWS: " << client->redact(error)
              << "\n(--refresh=false plans from the state alone)\n";
    return false;
  }
  std::cerr << "eclc: refreshed " << entries << " resources of the state with " << calls
            << (calls == 1 ? " read\n" : " reads\n");
  return true;
}

int run(const backend::plan::Plan& plan, const CommandOptions& options, bool destroying) {
  const std::string& url = options.endpoint_url;
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    std::cerr << "eclc: error: --endpoint-url `" << url << "`: only http:// and https:// URLs\n";
    return kExitUsage;
  }
  std::unique_ptr<Client> client;
  Drift drift;
  std::string path = state_path(options);
  StateLock lock;
  std::string lock_error;
  if (!lock.acquire(path, destroying ? "destroy" : "apply",
                    std::chrono::seconds(options.lock_timeout_seconds), lock_error)) {
    std::cerr << "eclc: error: " << lock_error << "\n";
    return kExitUsage;
  }
  State state;
  Run run;
  if (!load(plan, path, state, options)) {
    return kExitUsage;
  }
  if (!destroying && !refresh_state(plan, options, state, client, drift)) {
    return kExitUsage;
  }
  if (std::string error; !prepare(plan, state, options, destroying, run, error, drift)) {
    std::cerr << "eclc: error: " << error << "\n";
    return kExitUsage;
  }
  bool targeted = !options.targets.empty();
  std::cout << (destroying ? "eclc will delete what `" : "eclc will bring `") << path
            << (destroying ? "` holds" : "` to the program") << " in " << plan.region
            << (targeted ? " (limited by --target)" : "") << ":\n\n"
            << render_resources(run.resources, run.outputs, options.color);
  if (run.changes.empty()) {
    return record(run, path, state, destroying, targeted) ? kExitClean : kExitFailed;
  }
  if (!approved(options, destroying ? "delete these resources" : "make these changes")) {
    return kExitUsage;
  }
  std::string error;
  if (!client && !(client = connect(plan, options, error))) {
    std::cerr << "eclc: error: " << error << "\n";
    return kExitUsage;
  }
  if (!back_up(path, error)) {
    std::cerr << "eclc: error: cannot write the backup of `" << path << "`: " << error << "\n";
    return kExitUsage;
  }
  ExecuteOptions exec;
  exec.state_path = path;
  exec.parallelism = options.parallelism;
  exec.tty = ::isatty(STDOUT_FILENO) != 0;
  if (struct winsize size{}; exec.tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
    exec.width = size.ws_col;
  }
  exec.wait.timeout = std::chrono::seconds(options.wait_timeout_seconds);
  std::cout << "\n";
  if (!execute(*client, destroying ? nullptr : run.plan, state, run.changes, exec, std::cout,
               error)) {
    std::cerr << "eclc: error: " << client->redact(error) << "\n";
    std::cerr << "eclc: the state `" << path
              << "` holds what was done; run the command again to go on\n";
    return kExitFailed;
  }
  std::cout << "\n" << completed(count(run.resources), destroying);
  return record(run, path, state, destroying, targeted) ? kExitClean : kExitFailed;
}

} // namespace

std::string default_state_path(const std::string& program_path) {
  std::filesystem::path p(program_path);
  if (p.has_filename() == false) {
    p = p.parent_path();
  }
  p.replace_extension();
  return p.string() + ".state.json";
}

int plan(const backend::plan::Plan& plan, const CommandOptions& options, bool with_state,
         bool* changed) {
  State state;
  if (with_state && !load(plan, state_path(options), state, options)) {
    return kExitUsage;
  }
  std::unique_ptr<Client> client;
  Drift drift;
  if (with_state && !refresh_state(plan, options, state, client, drift)) {
    return kExitUsage;
  }
  Run run;
  if (std::string error; !prepare(plan, state, options, /*destroying=*/false, run, error, drift)) {
    std::cerr << "eclc: error: " << error << "\n";
    return kExitUsage;
  }
  if (changed) {
    *changed = !run.resources.empty() || !run.outputs.empty(); // what the view shows
  }
  if (options.calls) {
    // Without a state every call runs: the plan's own listing, with its reads.
    std::cout << (with_state ? render_calls(run.changes, options.color)
                             : backend::plan::render_text(*run.plan, options.color));
    return kExitClean;
  }
  if (!run.changes.empty() || !run.outputs.empty()) {
    std::cout << "eclc will " << (with_state ? "change" : "create") << " stack `"
              << (plan.stack.empty() ? "(unnamed)" : plan.stack) << "` in " << plan.region
              << (with_state ? ", from the state `" + state_path(options) + "`"
                             : " (no --state: everything is new)")
              << (options.targets.empty() ? "" : ", limited by --target") << ":\n\n";
  }
  std::cout << render_resources(run.resources, run.outputs, options.color);
  return kExitClean;
}

bool render_plan(const backend::plan::Plan& plan, const State& state, const CommandOptions& options,
                 bool destroying, std::string& text, std::string& error, const Drift& drift) {
  Run run;
  if (!prepare(plan, state, options, destroying, run, error, drift)) {
    return false;
  }
  text = render_resources(run.resources, run.outputs, options.color);
  return true;
}

json filled_outputs(const backend::plan::Plan& plan, const State& state) {
  return resolve_output(plan.outputs, state, step_ids(plan));
}

int force_unlock(const CommandOptions& options) {
  std::string path = state_path(options), holder, error;
  if (!apply::force_unlock(path, holder, error)) {
    std::cerr << "eclc: error: " << error << "\n";
    return kExitUsage;
  }
  std::cout << "Removed the lock of `" << path << "` (held by " << holder << ").\n";
  return kExitClean;
}

int print_outputs(const CommandOptions& options, const std::string& name, bool as_json) {
  State state;
  std::string path = state_path(options), error;
  if (!load_state(path, state, error)) {
    std::cerr << "eclc: error: " << error << "\n";
    return kExitUsage;
  }
  if (name.empty()) {
    std::cout << (as_json ? state.outputs.dump(2) + "\n" : outputs_text(state.outputs));
    return kExitClean;
  }
  if (!state.outputs.contains(name)) {
    std::vector<std::string> names;
    for (const auto& [n, v] : state.outputs.items()) {
      names.push_back(n);
    }
    std::string near = nearest(name, names);
    std::cerr << "eclc: error: the state `" << path << "` has no output `" << name << "`"
              << (near.empty() ? "; `eclc output` lists them" : did_you_mean(near)) << "\n";
    return kExitUsage;
  }
  const json& v = state.outputs[name];
  std::cout << (v.is_string() && !as_json ? v.get<std::string>() : v.dump(as_json ? 2 : -1))
            << "\n";
  return kExitClean;
}

int show_state(const CommandOptions& options) {
  State state;
  std::string path = state_path(options), error;
  if (!load_state(path, state, error)) {
    std::cerr << "eclc: error: " << error << "\n";
    return kExitUsage;
  }
  if (state.entries.empty()) {
    std::cout << "The state `" << path << "` holds nothing.\n";
    return kExitClean;
  }
  std::cout << "State `" << path << "`: stack " << state.stack << " in " << state.region << ", "
            << state.entries.size() << (state.entries.size() == 1 ? " resource" : " resources")
            << "\n\n";
  std::size_t width = 0, call_width = 0;
  for (const Entry& e : state.entries) {
    width = std::max(width, e.id.size());
    call_width = std::max(call_width, e.service.size() + 1 + e.operation.size());
  }
  for (const Entry& e : state.entries) {
    std::string call = e.service + ":" + e.operation;
    std::cout << "  " << e.id << std::string(width - e.id.size() + 2, ' ') << call
              << std::string(call_width - call.size() + 2, ' ')
              << (e.pending            ? "(pending: the call's answer was not recorded)"
                  : e.resource.empty() ? "-"
                                       : e.resource)
              << "\n";
  }
  if (!state.outputs.empty()) {
    std::cout << "\nOutputs:\n" << outputs_text(state.outputs);
  }
  return kExitClean;
}

int apply(const backend::plan::Plan& plan, const CommandOptions& options) {
  return run(plan, options, /*destroying=*/false);
}

int destroy(const backend::plan::Plan& plan, const CommandOptions& options) {
  return run(plan, options, /*destroying=*/true);
}

int run_job(const backend::plan::Plan& plan, const CommandOptions& options, const RunOptions& run) {
  auto it = plan.runs.find(run.job);
  if (it == plan.runs.end()) {
    std::string jobs;
    for (const auto& [path, request] : plan.runs.items()) {
      jobs += (jobs.empty() ? "" : ", ") + ("`" + path + "`");
    }
    std::cerr << "eclc: error: the program has no job `" << run.job << "`"
              << (jobs.empty() ? std::string("; it declares none") : "; its jobs: " + jobs) << "\n";
    return 2;
  }
  const std::string path = state_path(options);
  State state;
  if (!load(plan, path, state, options)) {
    return 2;
  }
  // The cluster and task definition the request names: each made by the state, as the program
  // wants it now (else the task would run an older definition, or nowhere).
  const std::set<std::string, std::less<>> ids = step_ids(plan);
  std::set<std::string> named;
  for (const auto& [step, output] : backend::plan::placeholders(it.value().dump(), ids)) {
    named.insert(step);
  }
  for (const std::string& id : named) {
    const Entry* e = state.find(id);
    auto step = std::find_if(plan.steps.begin(), plan.steps.end(),
                             [&](const backend::plan::Step& s) { return s.id == id; });
    if (!e || e->pending || e->params != step->params) {
      std::cerr << "eclc: error: `" << step->block << "` (" << step->service << ":"
                << step->operation << ") is "
                << (!e || e->pending ? "not made yet" : "not what the program says yet")
                << " in the state `" << path << "`; run `eclc apply` first\n";
      return 2;
    }
  }
  json request = resolve_output(it.value(), state, ids);
  if (run.count > 0) {
    request["count"] = run.count;
  }
  request["startedBy"] = "eclc run";
  // One token for the run: a retry after a lost answer starts no second set of tasks.
  request["clientToken"] = new_lineage();
  std::string error;
  std::unique_ptr<Client> client = connect(plan, options, error);
  if (!client) {
    std::cerr << "eclc: error: " << error << "\n";
    return 2;
  }
  Result started = client->call("ecs", "RunTask", request);
  if (!started.ok) {
    std::cerr << "eclc: error: ecs:RunTask failed: " << started.code << ": "
              << client->redact(started.message) << "\n";
    return 1;
  }
  json tasks = json::array();
  for (const json& task : started.response.value("tasks", json::array())) {
    const std::string arn = task.value("taskArn", "");
    std::cout << "started " << arn << "\n";
    tasks.push_back(arn);
  }
  std::cout.flush(); // what started, before the wait: a script may act on it
  bool failed = false;
  for (const json& f : started.response.value("failures", json::array())) {
    std::cerr << "eclc: error: a task did not start: " << f.value("reason", "?")
              << (f.contains("detail") ? ": " + f.value("detail", "") : "") << "\n";
    failed = true;
  }
  if (tasks.empty() && !failed) {
    std::cerr << "eclc: error: ecs:RunTask started no task and named no failure\n";
  }
  if (!run.wait || tasks.empty()) {
    return failed || tasks.empty() ? 1 : 0;
  }
  // Until every task has stopped: then how each container ended.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(options.wait_timeout_seconds);
  for (auto pause = std::chrono::milliseconds(500);;
       pause = std::min(pause * 2, std::chrono::milliseconds(6000))) {
    Result r =
        client->call("ecs", "DescribeTasks", {{"cluster", request["cluster"]}, {"tasks", tasks}});
    if (!r.ok) {
      std::cerr << "eclc: error: ecs:DescribeTasks failed: " << r.code << ": "
                << client->redact(r.message) << "\n";
      return 1;
    }
    const json& described = r.response["tasks"];
    const bool stopped = described.is_array() && described.size() == tasks.size() &&
                         std::all_of(described.begin(), described.end(), [](const json& t) {
                           return t.value("lastStatus", "") == "STOPPED";
                         });
    if (stopped) {
      for (const json& t : described) {
        std::cout << "stopped " << t.value("taskArn", "") << ": "
                  << t.value("stoppedReason", "(no reason given)") << "\n";
        for (const json& c : t.value("containers", json::array())) {
          const bool exited = c.contains("exitCode") && c["exitCode"].is_number();
          std::cout << "  " << c.value("name", "?") << ": "
                    << (exited ? "exit " + c["exitCode"].dump()
                               : "no exit code (" + c.value("reason", "never ran") + ")")
                    << "\n";
          failed = failed || !exited || c["exitCode"] != 0;
        }
      }
      return failed ? 1 : 0;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      std::cerr << "eclc: error: the tasks did not stop within " << options.wait_timeout_seconds
                << " seconds (--wait-timeout)\n";
      return 1;
    }
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(pause, deadline - now));
  }
}

} // namespace ecl::apply
