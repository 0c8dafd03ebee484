#include "apply/command.h"

#include "apply/engine.h"
#include "apply/lock.h"
#include "apply/network_libraries.h"
#include "compiler/driver/driver.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
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

int run(const backend::plan::Plan& plan, const CommandOptions& options, bool destroying) {
  const std::string& url = options.endpoint_url;
  if (!url.empty() && url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    std::cerr << "eclc: error: --endpoint-url `" << url << "`: only http:// and https:// URLs\n";
    return kExitUsage;
  }
  std::string path = state_path(options);
  StateLock lock;
  std::string lock_error;
  if (!lock.acquire(path, destroying ? "destroy" : "apply",
                    std::chrono::seconds(options.lock_timeout_seconds), lock_error)) {
    std::cerr << "eclc: error: " << lock_error << "\n";
    return kExitUsage;
  }
  State state;
  if (!load(plan, path, state, options)) {
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
  if (!back_up(path, error)) {
    std::cerr << "eclc: error: cannot write the backup of `" << path << "`: " << error << "\n";
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
  if (!load(plan, state_path(options), state, options)) {
    return kExitUsage;
  }
  std::cout << render_changes(diff(plan, state), options.color);
  return kExitClean;
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

int apply(const backend::plan::Plan& plan, const CommandOptions& options) {
  return run(plan, options, /*destroying=*/false);
}

int destroy(const backend::plan::Plan& plan, const CommandOptions& options) {
  return run(plan, options, /*destroying=*/true);
}

} // namespace ecl::apply
