// The small commands of eclc that need no compilation: `explain`, `completion` and `init`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace ecl::cli {

// `eclc explain CODE`: the code's summary and long explanation on stdout; 2 for an unknown code.
int explain(const std::string& code);
// `eclc completion SHELL`: a completion script for bash, zsh or fish, generated from `app`'s
// subcommands and options, on stdout.
int completion(const CLI::App& app, const std::string& shell);
// `eclc init [DIR]`: writes DIR/main.ecl, a starter program that checks clean; refuses to
// overwrite an existing file (2).
int init(const std::string& directory);

} // namespace ecl::cli
