// eclc: the command line. Each subcommand reads its options and calls the driver; no compiler
// logic lives here.
#include "backends/registry.h"
#include "compiler/diagnostics/render.h"
#include "compiler/driver/driver.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace {

// Exit statuses, as the spec fixes them.
constexpr int kExitClean = 0;
constexpr int kExitErrors = 1;
constexpr int kExitUsage = 2;

struct CheckFlags {
  std::string path;
  std::vector<std::string> params;
  std::string format = "text";
  std::string color = "auto";
  bool werror = false;
};

// "-p name=value" strings into overrides; false (with a message) when one has no `=`.
bool parse_params(const std::vector<std::string>& raw, ecl::check::Options& options) {
  for (const auto& p : raw) {
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "eclc: error: `-p " << p << "` must be written `-p name=value`\n";
      return false;
    }
    options.params.push_back({p.substr(0, eq), p.substr(eq + 1)});
  }
  return true;
}

int report(const ecl::driver::Compilation& c, const CheckFlags& flags,
           std::ostream& json_out = std::cout) {
  if (flags.format == "json") {
    json_out << ecl::render_json(c.diags, c.sources).dump(2) << "\n";
  } else if (!c.diags.empty()) {
    bool color = flags.color == "always" || (flags.color == "auto" && ::isatty(STDERR_FILENO));
    std::cerr << ecl::render_text(c.diags, c.sources, {color});
    std::size_t errors = c.diags.error_count(), warnings = c.diags.warning_count();
    std::cerr << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
              << (warnings == 1 ? " warning" : " warnings") << "\n";
  }
  if (c.input_unusable) {
    return kExitUsage;
  }
  return c.diags.has_errors() ? kExitErrors : kExitClean;
}

int run_check(const CheckFlags& flags) {
  ecl::check::Options options;
  if (!parse_params(flags.params, options)) {
    return kExitUsage;
  }
  ecl::driver::Compilation c = ecl::driver::compile(flags.path, options);
  if (flags.werror) {
    c.diags.promote_warnings();
  }
  return report(c, flags);
}

struct CompileFlags {
  CheckFlags check;
  std::string target;
  std::string output; // "" or "-": stdout
};

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
  if (!parse_params(flags.check.params, options)) {
    return kExitUsage;
  }
  ecl::driver::Compilation c = ecl::driver::compile(flags.check.path, options);
  if (flags.check.werror) {
    c.diags.promote_warnings();
  }
  std::string artifact;
  bool lowered = false;
  if (c.program && !c.input_unusable && !c.diags.has_errors()) {
    ecl::Diagnostics lowering;
    lowered = info->make()->lower(*c.program, lowering, artifact);
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

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"eclc: the ECL compiler. ECL describes VPCs, ECS clusters, tasks and services; eclc "
               "checks it and lowers it for AWS."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "eclc 0.1.0");

  CheckFlags flags;
  CLI::App* check = app.add_subcommand("check", "Check a program and report its diagnostics");
  check->add_option("path", flags.path, "An .ecl file, or a directory of .ecl files")->required();
  check->add_option("-p,--param", flags.params, "Override a param: -p name=value")
      ->allow_extra_args(false);
  check->add_option("--format", flags.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  check->add_option("--color", flags.color, "Colour the text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_flag("--werror", flags.werror, "Treat warnings as errors");

  CompileFlags compile_flags;
  CLI::App* compile =
      app.add_subcommand("compile", "Check a program and lower it for a target (a template)");
  compile
      ->add_option("path", compile_flags.check.path, "An .ecl file, or a directory of .ecl files")
      ->required();
  compile->add_option("--target", compile_flags.target, "The backend: cloudformation")->required();
  compile->add_option("-o,--output", compile_flags.output,
                      "Write the result to this file (atomically) instead of stdout");
  compile->add_option("-p,--param", compile_flags.check.params, "Override a param: -p name=value")
      ->allow_extra_args(false);
  compile->add_option("--format", compile_flags.check.format, "Diagnostics format")
      ->check(CLI::IsMember({"text", "json"}));
  compile->add_option("--color", compile_flags.check.color, "Colour the text diagnostics")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  compile->add_flag("--werror", compile_flags.check.werror, "Treat warnings as errors");

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
  if (check->parsed()) {
    return run_check(flags);
  }
  if (compile->parsed()) {
    return run_compile(compile_flags);
  }
  return kExitUsage;
}
