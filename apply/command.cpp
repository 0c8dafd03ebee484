#include "apply/command.h"

#include "apply/engine.h"
#include "apply/network_libraries.h"

#include <filesystem>
#include <iostream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace ecl::apply {

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

std::string state_path(const CommandOptions& options) {
  return options.state_path.empty() ? default_state_path(options.program_path) : options.state_path;
}

bool load(const backend::plan::Plan& plan, const std::string& path, State& state) {
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
  state.stack = plan.stack;
  state.region = plan.region;
  return true;
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

int run(const backend::plan::Plan& plan, const CommandOptions& options, bool destroying) {
  std::string path = state_path(options);
  State state;
  if (!load(plan, path, state)) {
    return kExitUsage;
  }
  std::vector<Change> changes = destroying ? destroy_changes(state) : diff(plan, state);
  std::cout << (destroying ? "eclc will delete what `" : "eclc will bring `") << path
            << (destroying ? "` holds" : "` to the program") << " in " << plan.region << ":\n"
            << render_changes(changes, options.color);
  if (changes.empty()) {
    return kExitClean;
  }
  if (!approved(options, destroying ? "delete these resources" : "make these changes")) {
    return kExitUsage;
  }
  AwsConfig config;
  std::string error;
  if (!load_network_libraries(error) || !load_config(options.profile, config, error)) {
    std::cerr << "eclc: error: " << error << "\n";
    return kExitUsage;
  }
  config.region = plan.region; // the program's region: its zones and ARNs name it
  config.endpoint_url = options.endpoint_url;
  Client client(config);
  ExecuteOptions exec;
  exec.state_path = path;
  exec.parallelism = options.parallelism;
  exec.tty = ::isatty(STDOUT_FILENO) != 0;
  if (struct winsize size{}; exec.tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
    exec.width = size.ws_col;
  }
  exec.wait.timeout = std::chrono::seconds(options.wait_timeout_seconds);
  std::cout << "\n";
  if (!execute(client, destroying ? nullptr : &plan, state, changes, exec, std::cout, error)) {
    std::cerr << "eclc: error: " << client.redact(error) << "\n";
    std::cerr << "eclc: the state `" << path
              << "` holds what was done; run the command again to go on\n";
    return kExitFailed;
  }
  std::cout << (destroying ? "\nDestroy complete.\n" : "\nApply complete.\n");
  return kExitClean;
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

int plan_against_state(const backend::plan::Plan& plan, const CommandOptions& options) {
  State state;
  if (!load(plan, state_path(options), state)) {
    return kExitUsage;
  }
  std::cout << render_changes(diff(plan, state), options.color);
  return kExitClean;
}

int apply(const backend::plan::Plan& plan, const CommandOptions& options) {
  return run(plan, options, /*destroying=*/false);
}

int destroy(const backend::plan::Plan& plan, const CommandOptions& options) {
  return run(plan, options, /*destroying=*/true);
}

} // namespace ecl::apply
