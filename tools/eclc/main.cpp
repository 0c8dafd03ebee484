// eclc: the command line. Each subcommand reads its options and calls the driver; no compiler
// logic lives here.
#include "apply/command.h"
#include "apply/credentials.h"
#include "apply/target.h"
#include "backends/diagram/diagram.h"
#include "backends/plan/plan.h"
#include "backends/registry.h"
#include "compiler/diagnostics/render.h"
#include "compiler/driver/driver.h"
#include "compiler/format/format.h"
#include "compiler/import/aws.h"
#include "compiler/import/import.h"
#include "compiler/lsp/server.h"
#include "tools/eclc/commands.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <fstream>
#include <iostream>
#include <malloc.h>
#include <memory>
#include <span>
#include <sstream>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// Exit statuses, as the spec fixes them.
constexpr int kExitClean = 0;
constexpr int kExitErrors = 1;
constexpr int kExitUsage = 2;
constexpr int kExitChanges = 2; // `plan --detailed-exitcode`: there are changes

constexpr const char* kVersion = "0.1.0";

// `--color`: `always`, `never`, or `auto`: colour when `fd` is a terminal and the NO_COLOR
// convention (https://no-color.org: set and not empty) does not turn it off.
bool use_color(const std::string& flag, int fd) {
  if (flag != "auto") {
    return flag == "always";
  }
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(fd) && (no_color == nullptr || *no_color == '\0');
}

struct CheckFlags {
  std::string path;
  std::string params_file; // --params FILE: "" for none
  std::vector<std::string> params;
  std::string format = "text";
  std::string color = "auto";
  bool werror = false;
};

// A JSON value as the text `-p` would take: strings bare, lists and objects as ECL literals.
std::string param_text(const nlohmann::json& value) {
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_object()) {
    std::string out = "{";
    for (const auto& [key, v] : value.items()) {
      out +=
          (out.size() > 1 ? ", " : " ") + key + " = " + (v.is_string() ? v.dump() : param_text(v));
    }
    return out + " }";
  }
  if (value.is_array()) {
    std::string out = "[";
    for (const auto& v : value) {
      out += (out.size() > 1 ? ", " : "") + (v.is_string() ? v.dump() : param_text(v));
    }
    return out + "]";
  }
  return value.dump();
}

// `--params FILE`: a JSON object of param values, read before the `-p`s (which win).
bool read_params_file(const std::string& path, ecl::check::Options& options) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "eclc: error: cannot read the parameter file `" << path
              << "`: " << std::strerror(errno) << "\n";
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(content);
  } catch (const nlohmann::json::parse_error& e) {
    // Where it went wrong, as line:column of the file (the byte is 1-based, past the error).
    std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, content.size());
    std::size_t line =
        1 + static_cast<std::size_t>(std::count(content.begin(), content.begin() + at, '\n'));
    std::size_t start = content.rfind('\n', at == 0 ? 0 : at - 1);
    std::size_t column = start == std::string::npos || at == 0 ? at + 1 : at - start;
    std::string why = e.what();
    auto dash = why.find(" - ");
    why = dash == std::string::npos ? "" : ": " + why.substr(dash + 3);
    std::cerr << "eclc: error: " << path << ":" << line << ":" << column
              << ": the parameter file is not valid JSON" << why << "\n";
    return false;
  }
  if (!doc.is_object()) {
    std::cerr << "eclc: error: `" << path
              << "` is not a parameter file: a JSON object of param names and values\n";
    return false;
  }
  for (const auto& [name, value] : doc.items()) {
    if (value.is_null()) {
      std::cerr << "eclc: error: `" << path << "`: param `" << name << "` is null\n";
      return false;
    }
    options.params.push_back({name, param_text(value), path});
  }
  return true;
}

// "-p name=value" strings into overrides, after the --params file's; false (with a message) when
// one has no `=`.
bool parse_params(const CheckFlags& flags, ecl::check::Options& options) {
  if (!flags.params_file.empty() && !read_params_file(flags.params_file, options)) {
    return false;
  }
  for (const auto& p : flags.params) {
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "eclc: error: `-p " << p << "` must be written `-p name=value`\n";
      return false;
    }
    options.params.push_back({p.substr(0, eq), p.substr(eq + 1)});
  }
  return true;
}

// Allocation policy of the one-shot commands (check, compile, plan). A large program allocates
// hundreds of megabytes in small pieces; with glibc's defaults the heap grows 128 KiB at a time
// and every 4 KiB page costs a fault (0.4 s of system time for a 1M-line check, a quarter of the
// run). Here the heap grows in large steps and is marked for transparent huge pages, so it faults
// in 2 MiB at a time: same memory, almost no system time. Untouched reservations cost nothing.
// Not for the language server, which lives long and whose documents are small, nor under
// sanitizers, which bring their own allocator.
void tune_allocator_for_batch() {
#ifndef ECL_SANITIZED
  constexpr std::size_t kTopPad = std::size_t{1} << 30;
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  if (mallopt(M_TOP_PAD, static_cast<int>(kTopPad)) != 1) {
    return;
  }
  // Allocate until the main arena's heap grows (once: by kTopPad), then mark the new stretch.
  void* const old_break = sbrk(0);
  std::vector<void*> probes;
  while (sbrk(0) == old_break && probes.size() < 64) {
    probes.push_back(std::malloc(64 << 10)); // below the mmap threshold: from the heap
  }
  auto begin = (reinterpret_cast<std::uintptr_t>(old_break) + kHugePage - 1) & ~(kHugePage - 1);
  auto end = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(kHugePage - 1);
  if (end > begin) {
    // Advice only: where THP is off or unsupported, nothing changes.
    static_cast<void>(madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE));
  }
  for (void* probe : probes) {
    std::free(probe);
  }
#endif
}

// The compilation of a one-shot command, kept on the heap. eclc exits right after the command, and
// freeing a large program's AST and model object by object costs more than the kernel reclaiming
// the pages at once (0.2 s of a 1M-line check), so a command hands its compilation to `finish`,
// which lets it go without destructors. Sanitizer builds free it, so that leak checking still sees
// everything else.
using CompilationPtr = std::unique_ptr<ecl::driver::Compilation>;

int finish(CompilationPtr c, int status) {
#ifdef ECL_SANITIZED
  c.reset();
#else
  static_cast<void>(c.release());
#endif
  return status;
}

// Prints the diagnostics of one or more programs (a folder of programs is checked program by
// program) and returns the exit status.
int report(std::span<const ecl::driver::Compilation> programs, const CheckFlags& flags,
           std::ostream& json_out = std::cout) {
  std::size_t errors = 0, warnings = 0;
  bool unusable = false;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  nlohmann::ordered_json sarif; // one log: the results of every program in one run
  bool color = use_color(flags.color, STDERR_FILENO);
  for (const auto& c : programs) {
    if (flags.format == "json") {
      for (auto& d : ecl::render_json(c.diags, c.sources)) {
        all.push_back(std::move(d));
      }
    } else if (flags.format == "sarif") {
      auto log = ecl::render_sarif(c.diags, c.sources, kVersion);
      if (sarif.is_null()) {
        sarif = std::move(log);
      } else {
        for (auto& r : log["runs"][0]["results"]) {
          sarif["runs"][0]["results"].push_back(std::move(r));
        }
      }
    } else if (!c.diags.empty()) {
      std::cerr << ecl::render_text(c.diags, c.sources, {color});
    }
    errors += c.diags.error_count();
    warnings += c.diags.warning_count();
    unusable = unusable || c.input_unusable;
  }
  if (flags.format == "json") {
    json_out << all.dump(2) << "\n";
  } else if (flags.format == "sarif") {
    json_out << sarif.dump(2) << "\n";
  } else if (errors + warnings > 0) {
    std::cerr << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
              << (warnings == 1 ? " warning" : " warnings") << "\n";
  }
  if (unusable) {
    return kExitUsage;
  }
  return errors > 0 ? kExitErrors : kExitClean;
}

int report(const ecl::driver::Compilation& c, const CheckFlags& flags,
           std::ostream& json_out = std::cout) {
  return report(std::span<const ecl::driver::Compilation>(&c, 1), flags, json_out);
}

int run_check(const CheckFlags& flags) {
  ecl::check::Options options;
  if (!parse_params(flags, options)) {
    return kExitUsage;
  }
  using Programs = std::vector<ecl::driver::Compilation>;
  auto programs = std::make_unique<Programs>(ecl::driver::compile_each(flags.path, options));
  if (flags.werror) {
    for (auto& c : *programs) {
      c.diags.promote_warnings();
    }
  }
  int status = report(*programs, flags);
#ifdef ECL_SANITIZED
  programs.reset();
#else
  static_cast<void>(programs.release()); // as `finish` does, for the same reason
#endif
  return status;
}

struct CompileFlags {
  CheckFlags check;
  std::string target;
  std::string output; // "" or "-": stdout
};

// Lowers a checked compilation with `info`'s backend and writes the artifact (see run_compile).
int lower_and_write(ecl::driver::Compilation& c, const ecl::backend::BackendInfo& info,
                    const CompileFlags& flags) {
  if (flags.check.werror) {
    c.diags.promote_warnings();
  }
  std::string artifact;
  bool lowered = false;
  if (c.program && !c.input_unusable && !c.diags.has_errors()) {
    ecl::Diagnostics lowering;
    lowered = info.make()->lower(*c.program, lowering, artifact);
    c.diags.append(std::move(lowering));
  }
  // The artifact owns stdout when no file is given: JSON diagnostics then go to stderr.
  bool to_stdout = flags.output.empty() || flags.output == "-";
  int status = report(c, flags.check, to_stdout ? std::cerr : std::cout);
  if (status != kExitClean) {
    return status;
  }
  if (!lowered) {
    return kExitErrors;
  }
  if (to_stdout) {
    std::cout << artifact;
    return kExitClean;
  }
  std::string error;
  if (!ecl::driver::write_file_atomically(flags.output, artifact, error)) {
    std::cerr << "eclc: error: cannot write `" << flags.output << "`: " << error << "\n";
    return kExitUsage;
  }
  return kExitClean;
}

// check, then lower with the target's backend: the artifact on stdout or written atomically to
// `-o FILE`; nothing is written when the program (or its lowering) has errors.
int run_compile(const CompileFlags& flags) {
  const ecl::backend::BackendInfo* info = ecl::backend::find_backend(flags.target);
  if (!info) {
    std::cerr << "eclc: error: unknown target `" << flags.target << "`; targets are:";
    for (const auto& b : ecl::backend::all_backends()) {
      std::cerr << " " << b.name;
    }
    std::cerr << "\n";
    return kExitUsage;
  }
  ecl::check::Options options;
  if (!parse_params(flags.check, options)) {
    return kExitUsage;
  }
  auto c =
      std::make_unique<ecl::driver::Compilation>(ecl::driver::compile(flags.check.path, options));
  int status = lower_and_write(*c, *info, flags);
  return finish(std::move(c), status);
}

struct PlanFlags {
  CheckFlags check;
  bool json = false;
  std::string output; // "": no file
  std::string state;  // `plan --state`, apply, destroy: the state file ("" for the default)
  std::string endpoint_url;
  std::string profile;
  bool auto_approve = false;
  int parallelism = 16;
  int wait_timeout = 1200; // seconds
  int call_timeout = 60;   // seconds
  bool force = false;
  int lock_timeout = 0;           // seconds
  bool detailed_exitcode = false; // `plan`: 0 no changes, 1 error, 2 changes
  bool calls = false;             // `plan --calls`: the API calls instead of the resources
  bool refresh = true;            // `plan --state`, apply: read what the state holds from AWS
  std::vector<std::string> targets;
  ecl::apply::RunOptions run; // `eclc run`
};

// What `run_plan` does with the plan it builds.
enum class PlanMode { Show, Graph, Apply, Destroy, Run };

// check, then build the API plan: for people on stdout (or the document with `--json`), and the
// document written atomically to `-o FILE`; nothing is written when the program has errors.
// Diagnostics go to stderr: stdout belongs to the plan.
int run_plan(const PlanFlags& flags, PlanMode mode, bool* changed = nullptr) {
  ecl::check::Options options;
  if (!parse_params(flags.check, options)) {
    return kExitUsage;
  }
  ecl::driver::Compilation c = ecl::driver::compile(flags.check.path, options);
  if (flags.check.werror) {
    c.diags.promote_warnings();
  }
  ecl::backend::plan::Plan plan;
  bool built = false;
  if (c.program && !c.input_unusable && !c.diags.has_errors()) {
    ecl::Diagnostics lowering;
    // Applying, destroying and diffing against a state use the region the AWS configuration names
    // when the program has none, as the AWS CLI would; an offline plan stays reproducible.
    std::string region;
    if (mode == PlanMode::Apply || mode == PlanMode::Destroy || mode == PlanMode::Run ||
        !flags.state.empty()) {
      region = ecl::apply::configured_region(flags.profile);
    }
    built = ecl::backend::plan::build_plan(*c.program, lowering, plan, nullptr,
                                           region.empty() ? ecl::backend::plan::kDefaultRegion
                                                          : region);
    c.diags.append(std::move(lowering));
  }
  int status = report(c, flags.check, std::cerr);
  if (status != kExitClean) {
    return status;
  }
  if (!built) {
    std::cerr << "eclc: error: the plan's steps cannot be ordered\n";
    return kExitErrors;
  }
  if (mode == PlanMode::Graph) {
    std::cout << ecl::backend::plan::render_dot(plan);
    return kExitClean;
  }
  plan.resources = ecl::backend::plan::resources_of(*c.program, plan);
  ecl::apply::CommandOptions apply_options;
  apply_options.program_path = flags.check.path;
  apply_options.state_path = flags.state;
  apply_options.endpoint_url = flags.endpoint_url;
  apply_options.profile = flags.profile;
  apply_options.auto_approve = flags.auto_approve;
  apply_options.parallelism = flags.parallelism;
  apply_options.wait_timeout_seconds = flags.wait_timeout;
  apply_options.call_timeout_seconds = flags.call_timeout;
  apply_options.force = flags.force;
  apply_options.lock_timeout_seconds = flags.lock_timeout;
  apply_options.color = use_color(flags.check.color, STDOUT_FILENO);
  apply_options.targets = flags.targets;
  apply_options.calls = flags.calls;
  apply_options.refresh = flags.refresh;
  if (mode == PlanMode::Apply) {
    return ecl::apply::apply(plan, apply_options);
  }
  if (mode == PlanMode::Destroy) {
    return ecl::apply::destroy(plan, apply_options);
  }
  if (mode == PlanMode::Run) {
    return ecl::apply::run_job(plan, apply_options, flags.run);
  }
  if (flags.json || !flags.output.empty()) {
    const ecl::backend::plan::Plan* shown = &plan;
    ecl::backend::plan::Plan limited;
    if (!flags.targets.empty()) {
      std::string error;
      if (!ecl::apply::check_targets(flags.targets, plan, {}, error)) {
        std::cerr << "eclc: error: " << error << "\n";
        return kExitUsage;
      }
      limited = ecl::apply::limit_plan(plan, flags.targets);
      shown = &limited;
    }
    std::string document = ecl::backend::plan::to_json(*shown);
    if (!flags.output.empty()) {
      std::string error;
      if (!ecl::driver::write_file_atomically(flags.output, document, error)) {
        std::cerr << "eclc: error: cannot write `" << flags.output << "`: " << error << "\n";
        return kExitUsage;
      }
    }
    if (flags.json) {
      if (changed) {
        *changed = !shown->steps.empty(); // without a state, every call is a change
      }
      std::cout << document;
      return kExitClean;
    }
  }
  return ecl::apply::plan(plan, apply_options, !flags.state.empty(), changed);
}

// `eclc diagram`: the architecture picture. Dot on stdout without `-o`; `-o FILE.dot` writes the
// dot text, any other extension (svg, png, pdf) is drawn by Graphviz's `dot -T<extension>`. The
// file is written atomically, and not at all when the program has errors.
int run_diagram(const CompileFlags& flags) {
  ecl::check::Options options;
  if (!parse_params(flags.check, options)) {
    return kExitUsage;
  }
  auto c =
      std::make_unique<ecl::driver::Compilation>(ecl::driver::compile(flags.check.path, options));
  if (flags.check.werror) {
    c->diags.promote_warnings();
  }
  int status = report(*c, flags.check, std::cerr);
  if (status != kExitClean) {
    return finish(std::move(c), status);
  }
  std::string dot = ecl::backend::diagram::render_dot(*c->program);
  std::string error;
  std::filesystem::path out(flags.output);
  std::string format = out.extension().string();
  if (flags.output.empty() || flags.output == "-") {
    std::cout << dot;
  } else if (format == ".dot" || format == ".gv") {
    if (!ecl::driver::write_file_atomically(flags.output, dot, error)) {
      std::cerr << "eclc: error: cannot write `" << flags.output << "`: " << error << "\n";
      return finish(std::move(c), kExitUsage);
    }
  } else {
    // dot writes a temporary file beside the output, renamed into place when it succeeded.
    std::string partial = flags.output + ".eclc-partial";
    std::string input = flags.output + ".eclc-partial.dot";
    if (format.size() < 2 || !ecl::driver::write_file_atomically(input, dot, error)) {
      std::cerr << "eclc: error: cannot write `" << flags.output << "`: "
                << (format.size() < 2 ? "give it an extension: .svg, .png, .pdf or .dot" : error)
                << "\n";
      return finish(std::move(c), kExitUsage);
    }
    pid_t pid = ::fork();
    if (pid == 0) {
      std::string type = "-T" + format.substr(1);
      ::execlp("dot", "dot", type.c_str(), "-o", partial.c_str(), input.c_str(),
               static_cast<char*>(nullptr));
      ::_exit(127);
    }
    int wstatus = 0;
    bool drawn = pid > 0 && ::waitpid(pid, &wstatus, 0) == pid && WIFEXITED(wstatus) &&
                 WEXITSTATUS(wstatus) == 0;
    std::filesystem::remove(input);
    std::error_code ec;
    if (!drawn || (std::filesystem::rename(partial, flags.output, ec), ec)) {
      std::filesystem::remove(partial, ec);
      std::cerr << "eclc: error: Graphviz's `dot` could not draw `" << flags.output << "`"
                << (pid > 0 && WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127
                        ? ": `dot` is not installed (Debian: apt-get install graphviz)"
                        : "")
                << "\n";
      return finish(std::move(c), kExitUsage);
    }
  }
  return finish(std::move(c), kExitClean);
}

// The options every command that checks a program shares: -p, --format, --color, --werror.
void add_check_options(CLI::App* command, CheckFlags& flags) {
  command->add_option("path", flags.path, "An .ecl file, or a directory of .ecl files")->required();
  command->add_option("-p,--param", flags.params, "Override a param: -p name=value")
      ->allow_extra_args(false);
  command->add_option("--params", flags.params_file,
                      "Param values from a JSON file (an environment's); -p wins");
  command->add_option("--format", flags.format, "Diagnostics format")
      ->check(CLI::IsMember({"text", "json"}));
  command->add_option("--color", flags.color, "Colour the output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command->add_flag("--werror", flags.werror, "Treat warnings as errors");
}

// `eclc lsp`: the language server on stdin/stdout until the client says `exit` or goes away.
int run_lsp() {
  std::signal(SIGPIPE, SIG_IGN); // a client that vanishes must not kill us mid-write
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  ecl::lsp::Server server(std::cin, std::cout);
  return server.run();
}

struct FmtFlags {
  std::vector<std::string> paths;
  bool check = false;
};

// `eclc fmt`: rewrites each file in the canonical layout (atomically), or with --check names the
// files that would change. Files with syntax errors are reported and left alone.
int run_fmt(const FmtFlags& flags) {
  int status = kExitClean;
  std::vector<std::string> files;
  for (const auto& path : flags.paths) {
    if (!ecl::format::collect_files(path, files)) {
      std::cerr << "eclc: error: cannot read `" << path << "`\n";
      status = kExitUsage;
    }
  }
  for (const auto& file : files) {
    ecl::SourceManager sources;
    std::vector<ecl::FileId> ids;
    ecl::Diagnostics diags;
    std::string formatted;
    bool loaded = ecl::driver::load(file, sources, ids, diags) && !ids.empty() && diags.empty();
    if (!loaded || !ecl::format::format_file(sources, ids.front(), diags, formatted)) {
      std::cerr << ecl::render_text(diags, sources, {use_color("auto", STDERR_FILENO)});
      status = std::max(status, loaded ? kExitErrors : kExitUsage);
      continue;
    }
    if (formatted == sources.file(ids.front()).text()) {
      continue;
    }
    if (flags.check) {
      std::cout << file << "\n"; // would be reformatted
      status = std::max(status, kExitErrors);
      continue;
    }
    std::string error;
    if (!ecl::driver::write_file_atomically(file, formatted, error, ecl::driver::FileMode::Keep)) {
      std::cerr << "eclc: error: cannot write `" << file << "`: " << error << "\n";
      status = kExitUsage;
    }
  }
  return status;
}

struct ImportFlags {
  std::string source; // compose | task-definition | copilot | aws
  std::string path;
  std::string env; // copilot: the environment
  std::string output;
  std::string color = "auto";
  ecl::import::AwsOptions aws; // `import aws`
};

// The files of the Copilot workspace at `flags.path`, read, with the environment chosen: the one
// `--env` names, or the only one. nullopt, said on stderr, when there is no such workspace or
// environment; with diagnostics when a file cannot be read.
std::optional<ecl::import::CopilotFiles>
read_copilot(ImportFlags& flags, ecl::SourceManager& sources, ecl::Diagnostics& diags) {
  std::string error;
  ecl::import::CopilotWorkspace ws = ecl::import::copilot_workspace(flags.path, error);
  if (!error.empty()) {
    std::cerr << "eclc: error: " << error << "\n";
    return std::nullopt;
  }
  auto env_of = [](const std::string& manifest) {
    return std::filesystem::path(manifest).parent_path().filename().string();
  };
  std::vector<std::string> names;
  for (const auto& e : ws.environments) {
    names.push_back(env_of(e));
  }
  if (flags.env.empty() && names.size() > 1) {
    std::cerr << "eclc: error: the workspace has " << names.size()
              << " environments; choose one with --env ("
              << fmt::format("{}", fmt::join(names, ", ")) << ")\n";
    return std::nullopt;
  }
  if (flags.env.empty() && names.size() == 1) {
    flags.env = names.front();
  }
  if (!flags.env.empty() && !names.empty() &&
      std::find(names.begin(), names.end(), flags.env) == names.end()) {
    std::cerr << "eclc: error: the workspace has no environment `" << flags.env << "`"
              << ecl::did_you_mean(ecl::nearest(flags.env, names)) << "\n";
    return std::nullopt;
  }
  ecl::import::CopilotFiles files;
  std::vector<ecl::FileId> ids;
  auto read = [&](const std::string& path) -> std::optional<ecl::FileId> {
    ids.clear();
    if (!ecl::driver::read_source(path, sources, ids, diags) || ids.empty()) {
      return std::nullopt;
    }
    return ids.front();
  };
  if (!ws.workspace.empty()) {
    files.workspace = read(ws.workspace);
  }
  for (const auto& e : ws.environments) {
    if (env_of(e) == flags.env) {
      files.environment = read(e);
    }
  }
  for (const auto& w : ws.workloads) {
    if (auto id = read(w)) {
      files.workloads.emplace_back(*id, env_of(w));
    }
  }
  std::optional<ecl::FileId> report_at =
      files.workspace ? files.workspace
                      : (files.workloads.empty() ? files.environment
                                                 : std::optional(files.workloads.front().first));
  for (const auto& u : ws.unread) {
    if (report_at) {
      files.unread.emplace_back(
          *report_at,
          fmt::format("`{}`", std::filesystem::path(u).lexically_relative(flags.path).string()));
    }
  }
  return files;
}

// `eclc import SOURCE FILE`: the program the file describes, formatted, on stdout or written
// atomically to `-o FILE`; what could not be carried over is a TODO in it and a warning here.
// Nothing is written when the file cannot be imported.
int run_import(ImportFlags flags) {
  if (flags.source == "aws") {
    if (!flags.path.empty()) {
      std::cerr << "eclc: error: `eclc import aws` reads AWS, not a file (`" << flags.path
                << "`): name the cluster with --cluster or the VPC with --vpc\n";
      return kExitUsage;
    }
    ecl::import::AwsOptions options = flags.aws;
    options.output = flags.output;
    options.color = use_color(flags.color, STDERR_FILENO);
    return ecl::import::import_aws(options);
  }
  if (flags.path.empty()) {
    std::cerr << "eclc: error: `eclc import " << flags.source << "` needs the "
              << (flags.source == "copilot" ? "workspace directory" : "file") << " to import\n";
    return kExitUsage;
  }
  ecl::SourceManager sources;
  std::vector<ecl::FileId> ids;
  ecl::Diagnostics diags;
  bool read = true;
  std::string program;
  bool imported = false;
  if (flags.source == "copilot") {
    std::optional<ecl::import::CopilotFiles> files = read_copilot(flags, sources, diags);
    read = files && !diags.has_errors();
    std::string env = flags.env.empty() ? "test" : flags.env;
    imported = read && ecl::import::import_copilot(sources, *files, env, diags, program);
    if (!files && diags.empty()) {
      return kExitUsage; // said on stderr
    }
  } else {
    // The reader `check` uses: a regular file only (a FIFO or a directory is refused, not waited
    // on), within the size limit.
    read = ecl::driver::read_source(flags.path, sources, ids, diags) && !diags.has_errors();
    imported = read && ecl::import::import_file(flags.source == "compose"
                                                    ? ecl::import::Source::Compose
                                                    : ecl::import::Source::TaskDefinition,
                                                sources, ids.front(), diags, program);
  }
  diags.sort();
  std::cerr << ecl::render_text(diags, sources, {use_color(flags.color, STDERR_FILENO)});
  if (!imported) {
    return read ? kExitErrors : kExitUsage;
  }
  if (flags.output.empty()) {
    std::cout << program;
    return kExitClean;
  }
  std::string error;
  if (!ecl::driver::write_file_atomically(flags.output, program, error)) {
    std::cerr << "eclc: error: cannot write `" << flags.output << "`: " << error << "\n";
    return kExitUsage;
  }
  return kExitClean;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"eclc: the ECL compiler. ECL describes VPCs, ECS clusters, tasks and services; eclc "
               "checks it and lowers it for AWS."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("eclc ") + kVersion);

  CheckFlags flags;
  CLI::App* check = app.add_subcommand("check", "Check a program and report its diagnostics");
  check->add_option("path", flags.path, "An .ecl file, or a directory of .ecl files")->required();
  check->add_option("-p,--param", flags.params, "Override a param: -p name=value")
      ->allow_extra_args(false);
  check->add_option("--params", flags.params_file,
                    "Param values from a JSON file (an environment's); -p wins");
  check->add_option("--format", flags.format, "Output format (sarif: for code-scanning tools)")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  check->add_option("--color", flags.color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_flag("--werror", flags.werror, "Treat warnings as errors");

  CompileFlags compile_flags;
  CLI::App* compile =
      app.add_subcommand("compile", "Check a program and lower it for a target (a template)");
  compile
      ->add_option("path", compile_flags.check.path, "An .ecl file, or a directory of .ecl files")
      ->required();
  compile->add_option("--target", compile_flags.target, "The backend: cloudformation or plan")
      ->required();
  compile->add_option("-o,--output", compile_flags.output,
                      "Write the result to this file (atomically) instead of stdout");
  compile->add_option("-p,--param", compile_flags.check.params, "Override a param: -p name=value")
      ->allow_extra_args(false);
  compile->add_option("--params", compile_flags.check.params_file,
                      "Param values from a JSON file (an environment's); -p wins");
  compile->add_option("--format", compile_flags.check.format, "Diagnostics format")
      ->check(CLI::IsMember({"text", "json"}));
  compile->add_option("--color", compile_flags.check.color, "Colour the text diagnostics")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  compile->add_flag("--werror", compile_flags.check.werror, "Treat warnings as errors");

  PlanFlags plan_flags;
  CLI::App* plan = app.add_subcommand(
      "plan", "Check a program and show the resources a run creates, changes and deletes");
  add_check_options(plan, plan_flags.check);
  plan->add_flag("--json", plan_flags.json, "Print the plan document (JSON) instead");
  plan->add_option("-o,--output", plan_flags.output,
                   "Also write the plan document to this file (atomically)");

  plan->add_option("--state", plan_flags.state,
                   "Compare with this state file (refreshed from AWS) and plan "
                   "create/update/replace/delete");
  plan->add_option("--endpoint-url", plan_flags.endpoint_url,
                   "Read from this URL when refreshing (a local endpoint such as moto_server)");
  plan->add_option("--profile", plan_flags.profile, "The profile of the shared AWS files");
  plan->add_flag("--force", plan_flags.force,
                 "Compare with a state of another stack, or one older than its backup");
  plan->add_flag("--calls", plan_flags.calls,
                 "Show the AWS API calls that run instead of the resources that change");
  plan->add_flag(
      "--detailed-exitcode", plan_flags.detailed_exitcode,
      "Exit 0 when there is nothing to change, 2 when there are changes, 1 on any error");

  // apply and destroy: the plan, made real (or undone) against AWS, remembered in a state file.
  PlanFlags apply_flags, destroy_flags;
  CLI::App* apply = app.add_subcommand(
      "apply", "Make the AWS API calls that bring the state to the program, and record them");
  CLI::App* destroy =
      app.add_subcommand("destroy", "Delete everything the state file holds, in reverse order");
  for (auto [command, f] : {std::pair{plan, &plan_flags}, std::pair{apply, &apply_flags},
                            std::pair{destroy, &destroy_flags}}) {
    command
        ->add_option("--call-timeout", f->call_timeout,
                     "Seconds to wait for the answer to one AWS API call (default 60)")
        ->check(CLI::Range(1, 3600));
    command
        ->add_option("--target", f->targets,
                     "Limit the run to this block, the blocks in it and what they depend on "
                     "(repeatable)")
        ->allow_extra_args(false)
        ->type_name("BLOCK");
  }
  for (auto [command, f] : {std::pair{apply, &apply_flags}, std::pair{destroy, &destroy_flags}}) {
    add_check_options(command, f->check);
    command->add_option("--state", f->state, "The state file (default: PROGRAM.state.json)");
    command->add_option("--endpoint-url", f->endpoint_url,
                        "Send every call to this URL (a local endpoint such as moto_server)");
    command->add_option("--profile", f->profile, "The profile of the shared AWS files");
    command->add_flag("--auto-approve", f->auto_approve, "Do not ask for confirmation");
    command->add_option("--parallelism", f->parallelism, "Independent calls in flight at once")
        ->check(CLI::Range(1, 64));
    command
        ->add_option("--wait-timeout", f->wait_timeout,
                     "Seconds to wait for AWS to finish a NAT gateway, a service's draining...")
        ->check(CLI::Range(1, 24 * 3600));
    command->add_flag("--force", f->force,
                      "Use a state of another stack, or one older than its backup");
    command
        ->add_option("--lock-timeout", f->lock_timeout,
                     "Seconds to wait for another run holding the state's lock (default 0)")
        ->check(CLI::Range(0, 24 * 3600));
  }
  // run: a job's task started once, on what the state holds.
  PlanFlags run_flags;
  CLI::App* run = app.add_subcommand(
      "run", "Start a job's task once on the cluster the state holds (ECS RunTask)");
  add_check_options(run, run_flags.check);
  run->add_option("job", run_flags.run.job, "The job block: CLUSTER.JOB")->required();
  run->add_option("--state", run_flags.state, "The state file (default: PROGRAM.state.json)");
  run->add_option("--endpoint-url", run_flags.endpoint_url,
                  "Send every call to this URL (a local endpoint such as moto_server)");
  run->add_option("--profile", run_flags.profile, "The profile of the shared AWS files");
  run->add_option("--count", run_flags.run.count, "Copies to start (default: the job's `count`)")
      ->check(CLI::Range(1, 10));
  run->add_flag("--wait", run_flags.run.wait,
                "Wait until the tasks stop, print how each container exited, and exit 1 unless "
                "all exited 0");
  run->add_option("--wait-timeout", run_flags.wait_timeout, "Seconds to wait with --wait")
      ->check(CLI::Range(1, 24 * 3600));
  for (auto [command, f] : {std::pair{plan, &plan_flags}, std::pair{apply, &apply_flags}}) {
    command->add_option("--refresh", f->refresh,
                        "Read what the state holds from AWS first and show what changed outside "
                        "eclc (default true; false: plan from the state alone)");
  }
  std::string unlock_path, unlock_state;
  CLI::App* unlock = app.add_subcommand(
      "force-unlock", "Remove the lock of a state file that a stuck run still holds");
  unlock->add_option("path", unlock_path, "The program (for its default state file)")->required();
  unlock->add_option("--state", unlock_state, "The state file (default: PROGRAM.state.json)");

  CompileFlags diagram_flags;
  CLI::App* diagram = app.add_subcommand(
      "diagram", "Draw the architecture: VPCs, zones, subnets, gateways, services (Graphviz)");
  add_check_options(diagram, diagram_flags.check);
  diagram->add_option("-o,--output", diagram_flags.output,
                      "The picture: FILE.svg, .png, .pdf (drawn by Graphviz's dot) or .dot");

  PlanFlags graph_flags;
  CLI::App* graph =
      app.add_subcommand("graph", "Check a program and print its plan's dependency graph (dot)");
  add_check_options(graph, graph_flags.check);

  CLI::App* lsp = app.add_subcommand("lsp", "Run the language server on stdin/stdout");
  bool stdio = true; // the only transport; editor clients pass --stdio
  lsp->add_flag("--stdio", stdio, "Talk over stdin/stdout (the default and only transport)");

  FmtFlags fmt_flags;
  CLI::App* fmt = app.add_subcommand("fmt", "Rewrite .ecl files in the canonical layout");
  fmt->add_option("paths", fmt_flags.paths, "Files, or directories of .ecl files (recursively)")
      ->required();
  fmt->add_flag("--check", fmt_flags.check,
                "Change nothing; name the files that would change and exit 1 if any");

  // output and show: what the state file holds, without AWS or the program's compilation.
  PlanFlags state_flags;
  std::string output_name;
  bool output_json = false;
  CLI::App* output =
      app.add_subcommand("output", "Print the outputs the last apply recorded in the state");
  output->add_option("path", state_flags.check.path, "The program (for its default state file)")
      ->required();
  output->add_option("name", output_name, "One output: its value alone");
  output->add_option("--state", state_flags.state, "The state file (default: PROGRAM.state.json)");
  output->add_flag("--json", output_json, "Print JSON");
  CLI::App* show = app.add_subcommand("show", "Print the state: resources, AWS ids, outputs");
  show->add_option("path", state_flags.check.path, "The program (for its default state file)")
      ->required();
  show->add_option("--state", state_flags.state, "The state file (default: PROGRAM.state.json)");

  std::string code;
  CLI::App* explain =
      app.add_subcommand("explain", "Explain a diagnostic code: eclc explain E3002");
  explain->add_option("code", code, "A diagnostic code, such as E3002")->required();

  std::string shell;
  CLI::App* completion =
      app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  completion->add_option("shell", shell, "The shell")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));

  std::string init_directory = ".";
  CLI::App* init = app.add_subcommand("init", "Write a starter program, DIR/main.ecl");
  init->add_option("directory", init_directory, "Where to write main.ecl (default: here)");

  ImportFlags import_flags;
  CLI::App* import_command = app.add_subcommand(
      "import", "Write an ECL program from a compose file, a task definition's JSON, a Copilot "
                "workspace, or what runs in AWS (with its state)");
  import_command->add_option("source", import_flags.source, "What FILE is, or `aws`")
      ->required()
      ->check(CLI::IsMember({"compose", "task-definition", "copilot", "aws"}));
  import_command->add_option("path", import_flags.path,
                             "A compose file, register-task-definition input / "
                             "describe-task-definition output, or a Copilot workspace (the "
                             "copilot/ folder)");
  import_command->add_option("--env", import_flags.env,
                             "copilot: the environment to import (needed when there are several)");
  import_command->add_option("-o,--output", import_flags.output,
                             "Write the program to this file (atomically) instead of stdout");
  import_command->add_option("--cluster", import_flags.aws.cluster,
                             "aws: the ECS cluster to import, with its services and VPC");
  import_command->add_option("--vpc", import_flags.aws.vpc,
                             "aws: the VPC to import (default: the cluster's services')");
  import_command->add_option("--region", import_flags.aws.region,
                             "aws: the region (default: the AWS configuration's)");
  import_command->add_option("--state", import_flags.aws.state,
                             "aws: the state file to write (default: beside the -o program)");
  import_command->add_option("--endpoint-url", import_flags.aws.endpoint_url,
                             "aws: send every call to this URL (a local endpoint such as "
                             "moto_server)");
  import_command->add_option("--profile", import_flags.aws.profile,
                             "aws: the profile of the shared AWS files");
  import_command->add_flag("--force", import_flags.aws.force,
                           "aws: overwrite the state file if it exists");
  import_command->add_option("--color", import_flags.color, "Colour the diagnostics")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  // A mistyped command: CLI11 would say "arguments were not expected"; name the nearest command.
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      names.push_back(sub->get_name());
    }
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      std::string suggestion = ecl::nearest(argv[1], names);
      std::cerr << "eclc: error: unknown command `" << argv[1] << "`"
                << (suggestion.empty() ? "; `eclc --help` lists the commands"
                                       : ecl::did_you_mean(suggestion))
                << "\n";
      return kExitUsage;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (check->parsed() || compile->parsed() || plan->parsed() || graph->parsed()) {
    tune_allocator_for_batch();
  }
  // The command given: its exit status.
  auto dispatch = [&]() -> int {
    if (check->parsed()) {
      return run_check(flags);
    }
    if (compile->parsed()) {
      return run_compile(compile_flags);
    }
    if (plan->parsed()) {
      bool changed = false;
      int status = run_plan(plan_flags, PlanMode::Show, &changed);
      if (!plan_flags.detailed_exitcode) {
        return status;
      }
      return status != kExitClean ? kExitErrors : changed ? kExitChanges : kExitClean;
    }
    if (graph->parsed()) {
      return run_plan(graph_flags, PlanMode::Graph);
    }
    if (diagram->parsed()) {
      return run_diagram(diagram_flags);
    }
    if (apply->parsed()) {
      return run_plan(apply_flags, PlanMode::Apply);
    }
    if (destroy->parsed()) {
      return run_plan(destroy_flags, PlanMode::Destroy);
    }
    if (run->parsed()) {
      return run_plan(run_flags, PlanMode::Run);
    }
    if (unlock->parsed()) {
      ecl::apply::CommandOptions options;
      options.program_path = unlock_path;
      options.state_path = unlock_state;
      return ecl::apply::force_unlock(options);
    }
    if (lsp->parsed()) {
      return run_lsp();
    }
    if (fmt->parsed()) {
      return run_fmt(fmt_flags);
    }
    if (output->parsed() || show->parsed()) {
      ecl::apply::CommandOptions options;
      options.program_path = state_flags.check.path;
      options.state_path = state_flags.state;
      return output->parsed() ? ecl::apply::print_outputs(options, output_name, output_json)
                              : ecl::apply::show_state(options);
    }
    if (explain->parsed()) {
      return ecl::cli::explain(code);
    }
    if (completion->parsed()) {
      return ecl::cli::completion(app, shell);
    }
    if (import_command->parsed()) {
      return run_import(import_flags);
    }
    if (init->parsed()) {
      return ecl::cli::init(init_directory);
    }
    return kExitUsage;
  };
  int status = dispatch();
  // What was printed must have been written: a template sent to a full disk is a failure.
  std::cout.flush();
  if (!std::cout && !lsp->parsed()) {
    std::cerr << "eclc: error: cannot write the standard output: " << std::strerror(errno) << "\n";
    return kExitUsage;
  }
  return status;
}
