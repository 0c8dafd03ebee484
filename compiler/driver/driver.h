// The pipeline in one place: load the program's files, parse each, check the whole. The command
// line (tools/eclc), the tests and the language server all call this.
#pragma once

#include "compiler/check/check.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/model/model.h"
#include "compiler/syntax/ast.h"

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace ecl::driver {

struct Compilation {
  SourceManager sources;
  Diagnostics diags;
  // The syntax trees of the program's files: the checker takes them (check::check) and frees them
  // as it evaluates the program, so this is empty after compile_sources().
  std::vector<ast::File> asts;
  // The module instances the program writes, each with its own parse of its module's files.
  check::Modules modules;
  std::unique_ptr<model::Program> program; // null when the input could not be read
  bool input_unusable = false;             // a path could not be read: exit status 2
};

// The folder rule, which the command line and the language server share: the `.ecl` files of a
// directory form one program, unless two or more of them declare a `stack` block; then the
// directory is a folder of programs and each of its files is a program of its own (as
// `examples/` is). Takes the files' texts in name order and returns the programs as lists of
// indices into `texts`, in that order.
std::vector<std::vector<std::size_t>> split_programs(std::span<const std::string_view> texts);
// Whether `text` declares a `stack` block at its top level (a token scan, no parse).
bool declares_stack(std::string_view text);

// Reads one file into `sources` and appends its id to `files`, or reports why it cannot be read
// (E0015) and returns false. A file over the size limit is added empty, with E0021 reported.
// The `.ecl` files directly in `directory` (not in its subdirectories), in name order: a
// program's directory and a module's are read alike. `ec` says why the directory cannot be read.
std::vector<std::string> ecl_files_in(const std::string& directory, std::error_code& ec);

bool read_source(const std::string& path, SourceManager& sources, std::vector<FileId>& files,
                 Diagnostics& diags);

// Reads `path`: one `.ecl` file, or every `.ecl` file of a directory in name order. Reports
// E0015/E0016 and returns false when the path cannot be used.
bool load(const std::string& path, SourceManager& sources, std::vector<FileId>& files,
          Diagnostics& diags);

// text -> tokens -> AST (per file) -> checked model (whole program). Diagnostics come sorted.
// A directory holding several programs (split_programs) is reported (E0024) as unusable.
Compilation compile(const std::string& path, const check::Options& options);
// The same for every program `path` holds: one for a file or a one-program directory, one per
// file for a folder of programs (`eclc check DIR`).
std::vector<Compilation> compile_each(const std::string& path, const check::Options& options);
// Reads and parses the modules that the parsed program (`asts`) instantiates, and theirs, into
// `modules`: once per instance, each a directory relative to the file of its `module` block.
void load_modules(Compilation& compilation);
// The same for ASTs held elsewhere (the language server's); a file whose normal path `overlay`
// holds is read from there (an editor's buffer) rather than from disk.
check::Modules load_modules(SourceManager& sources, const std::vector<ast::File>& asts,
                            Diagnostics& diags,
                            const std::map<std::string, std::string>* overlay = nullptr);
// The same for sources already in memory (an editor's buffers, tests).
void compile_sources(Compilation& compilation, const std::vector<FileId>& files,
                     const check::Options& options);

// Who may read a file eclc writes. Private: only its owner (0600: the state holds environment
// values and AWS ids). Shared: what the umask allows (templates, plans). Keep: the mode the file
// has now (a formatted source), else what the umask allows.
enum class FileMode { Private, Shared, Keep };

// Writes `content` to `path` through a temporary file in the same directory and a rename, so
// readers see the old file or the new one, never a part. A symbolic link is followed: its target
// is replaced and the link stays. What exists and is not a regular file (a FIFO, a device, a
// directory) is refused. Temporary files that killed runs left beside `path` are removed first.
// Returns false with `error` set.
bool write_file_atomically(const std::string& path, std::string_view content, std::string& error,
                           FileMode mode = FileMode::Shared);

} // namespace ecl::driver
