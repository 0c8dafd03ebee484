#include "compiler/driver/driver.h"

#include "compiler/syntax/limits.h"
#include "compiler/syntax/syntax.h"
#include "compiler/syntax/tokens.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace ecl::driver {
namespace {

namespace fs = std::filesystem;

} // namespace

std::vector<std::string> ecl_files_in(const std::string& directory, std::error_code& ec) {
  std::vector<std::string> names;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    if (it->path().extension() == ".ecl" && !it->is_directory(entry_ec)) {
      names.push_back(it->path().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Only a regular file: a FIFO would block the read (or the open) forever and a device may never
// end.
bool read_source(const std::string& path, SourceManager& sources, std::vector<FileId>& files,
                 Diagnostics& diags) {
  auto cannot_read = [&](const char* why) {
    FileId id = sources.add(path, "");
    diags.report(Diag::CannotRead, Range{id, 0, 0}, path, why);
    return false;
  };
  // O_NONBLOCK: opening a FIFO without a writer would wait for one.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    return cannot_read(std::strerror(errno));
  }
  struct stat st = {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return cannot_read("not a regular file");
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > limits::kMaxFileBytes) {
    ::close(fd);
    // Too large to read: keep the name so the error has a file and a position.
    FileId id = sources.add(path, "");
    diags.report(Diag::FileTooLarge, Range{id, 0, 0}, size, limits::kMaxFileBytes);
    files.push_back(id);
    return true;
  }
  // One read into a string of the file's size (a stream would copy the text twice), and one byte
  // of room past the end so the read that finds the end needs no growing.
  std::string text(size + 1, '\0');
  std::size_t length = 0;
  for (;;) {
    if (length == text.size()) {
      text.resize(2 * text.size()); // the file grew since fstat()
    }
    ssize_t n = ::read(fd, text.data() + length, text.size() - length);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      int error = errno;
      ::close(fd);
      return cannot_read(std::strerror(error));
    }
    length += static_cast<std::size_t>(n);
    // Past the limit (a file that grew) the parser reports E0021 at the size read so far rather
    // than eclc reading on.
    if (n == 0 || length > limits::kMaxFileBytes) {
      break;
    }
  }
  ::close(fd);
  text.resize(length);
  files.push_back(sources.add(path, std::move(text)));
  return true;
}

bool load(const std::string& path, SourceManager& sources, std::vector<FileId>& files,
          Diagnostics& diags) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    FileId id = sources.add(path, "");
    diags.report(Diag::CannotRead, Range{id, 0, 0}, path,
                 ec ? ec.message() : std::string("no such file or directory"));
    return false;
  }
  if (!fs::is_directory(status)) {
    return read_source(path, sources, files, diags);
  }
  std::vector<std::string> names = ecl_files_in(path, ec);
  if (ec) {
    FileId id = sources.add(path, "");
    diags.report(Diag::CannotRead, Range{id, 0, 0}, path, ec.message());
    return false;
  }
  if (names.empty()) {
    FileId id = sources.add(path, "");
    diags.report(Diag::NoSourceFiles, Range{id, 0, 0}, path);
    return false;
  }
  bool ok = true;
  for (const auto& name : names) {
    ok = read_source(name, sources, files, diags) && ok;
  }
  return ok;
}

void compile_sources(Compilation& c, const std::vector<FileId>& files,
                     const check::Options& options) {
  c.asts.clear();
  c.asts.reserve(files.size());
  for (FileId id : files) {
    c.asts.push_back(syntax::parse_file(c.sources, id, c.diags));
  }
  load_modules(c);
  c.program = check::check(std::move(c.asts), c.sources, options, c.diags, &c.modules);
  c.diags.sort();
}

bool declares_stack(std::string_view text) {
  if (text.find("stack") == std::string_view::npos) {
    return false; // most files: no lexing
  }
  auto tokens = syntax::lex(text);
  if (!tokens) {
    return false;
  }
  // `stack NAME {` or `stack {` at bracket depth 0, not after `=` or `.` (a value named `stack`).
  std::vector<const syntax::Token*> significant;
  for (const auto& t : *tokens) {
    if (t.is_significant()) {
      significant.push_back(&t);
    }
  }
  int depth = 0;
  for (std::size_t i = 0; i < significant.size(); ++i) {
    const syntax::Token& t = *significant[i];
    if (t.is_punct("{") || t.is_punct("[") || t.is_punct("(")) {
      ++depth;
    } else if (t.is_punct("}") || t.is_punct("]") || t.is_punct(")")) {
      depth = std::max(0, depth - 1);
    } else if (depth == 0 && t.kind == syntax::TokenKind::Identifier && t.text == "stack" &&
               !(i > 0 &&
                 (significant[i - 1]->is_punct("=") || significant[i - 1]->is_punct(".")))) {
      std::size_t next = i + 1;
      if (next < significant.size() && significant[next]->kind == syntax::TokenKind::Identifier) {
        ++next;
      }
      if (next < significant.size() && significant[next]->is_punct("{")) {
        return true;
      }
    }
  }
  return false;
}

std::vector<std::vector<std::size_t>> split_programs(std::span<const std::string_view> texts) {
  std::vector<std::vector<std::size_t>> programs;
  std::size_t stacks = 0;
  for (std::string_view text : texts) {
    stacks += declares_stack(text) ? 1 : 0;
  }
  if (stacks < 2) {
    programs.emplace_back();
    for (std::size_t i = 0; i < texts.size(); ++i) {
      programs.back().push_back(i);
    }
    return programs;
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    programs.push_back({i});
  }
  return programs;
}

namespace {

// Loads `path` and splits it into programs; `loaded` holds what was read (and any error).
std::vector<std::vector<std::size_t>> load_programs(const std::string& path, Compilation& loaded,
                                                    std::vector<FileId>& files) {
  if (!load(path, loaded.sources, files, loaded.diags)) {
    loaded.input_unusable = true;
    return {};
  }
  if (files.size() < 2) {
    return {{0}};
  }
  std::vector<std::string_view> texts;
  for (FileId id : files) {
    texts.push_back(loaded.sources.file(id).text());
  }
  return split_programs(texts);
}

} // namespace

Compilation compile(const std::string& path, const check::Options& options) {
  Compilation c;
  std::vector<FileId> files;
  auto programs = load_programs(path, c, files);
  if (programs.size() > 1) {
    FileId id = c.sources.add(path, "");
    c.diags.report(Diag::SeveralPrograms, Range{id, 0, 0}, path, programs.size());
    c.input_unusable = true;
  }
  if (c.input_unusable) {
    c.diags.sort();
    return c;
  }
  compile_sources(c, files, options);
  return c;
}

std::vector<Compilation> compile_each(const std::string& path, const check::Options& options) {
  std::vector<Compilation> out(1);
  std::vector<FileId> files;
  auto programs = load_programs(path, out[0], files);
  if (out[0].input_unusable) {
    out[0].diags.sort();
    return out;
  }
  if (programs.size() == 1) {
    compile_sources(out[0], files, options);
    return out;
  }
  Compilation& loaded = out[0];
  std::vector<Compilation> each(programs.size());
  for (std::size_t p = 0; p < programs.size(); ++p) {
    std::vector<FileId> ids;
    for (std::size_t i : programs[p]) {
      const SourceFile& file = loaded.sources.file(files[i]);
      ids.push_back(each[p].sources.add(file.path(), std::string(file.text())));
    }
    // Diagnostics of reading (a file too large) stay with the file's program.
    for (const Diagnostic& d : loaded.diags.items()) {
      for (std::size_t k = 0; k < programs[p].size(); ++k) {
        if (d.range.file == files[programs[p][k]]) {
          Diagnostic copy = d;
          copy.range.file = ids[k];
          each[p].diags.add(std::move(copy));
        }
      }
    }
    compile_sources(each[p], ids, options);
  }
  return each;
}

} // namespace ecl::driver
