#include "compiler/driver/driver.h"

#include "compiler/syntax/limits.h"
#include "compiler/syntax/syntax.h"

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

// Reads one file, or reports why it cannot be read. Only a regular file: a FIFO would block the
// read (or the open) forever and a device may never end.
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

} // namespace

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
  std::vector<std::string> names;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    if (it->path().extension() == ".ecl" && !it->is_directory(entry_ec)) {
      names.push_back(it->path().string());
    }
  }
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
  std::sort(names.begin(), names.end());
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
  c.program = check::check(c.asts, c.sources, options, c.diags);
  c.diags.sort();
}

Compilation compile(const std::string& path, const check::Options& options) {
  Compilation c;
  std::vector<FileId> files;
  if (!load(path, c.sources, files, c.diags)) {
    c.input_unusable = true;
    c.diags.sort();
    return c;
  }
  compile_sources(c, files, options);
  return c;
}

} // namespace ecl::driver
