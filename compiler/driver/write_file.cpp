// Writing files atomically (driver.h): a temporary file beside the target, fsync, rename.
#include "compiler/driver/driver.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace ecl::driver {
namespace {

namespace fs = std::filesystem;

// The process's umask, read without changing it (umask(2) would race with other threads).
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0) {
      return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
    }
  }
  return 022;
}

// The file a write to `path` replaces: `path` itself, or the end of its chain of symbolic links
// (relative links are read from their own directory). False after 40 links (a loop).
bool resolve_links(fs::path& path, std::string& error) {
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(path, ec))) {
      return true;
    }
    fs::path target = fs::read_symlink(path, ec);
    if (ec) {
      error = ec.message();
      return false;
    }
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  error = "too many levels of symbolic links";
  return false;
}

// Removes `.NAME.tmp.PID.XXXXXX` files whose writer is no longer running (a kill -9 between
// creating and renaming them).
void remove_stale_temporaries(const fs::path& dir, const std::string& name) {
  std::string prefix = "." + name + ".tmp.";
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string file = it->path().filename().string();
    if (file.rfind(prefix, 0) != 0) {
      continue;
    }
    char* rest = nullptr;
    long pid = std::strtol(file.c_str() + prefix.size(), &rest, 10);
    if (pid <= 0 || *rest != '.' || std::strlen(rest) != 7) {
      continue;
    }
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
  }
}

bool fail(std::string& error, int fd, const std::string& temp) {
  error = std::strerror(errno);
  if (fd >= 0) {
    ::close(fd);
  }
  ::unlink(temp.c_str());
  return false;
}

} // namespace

bool write_file_atomically(const std::string& path_text, std::string_view content,
                           std::string& error, FileMode mode) {
  fs::path target(path_text);
  if (!resolve_links(target, error)) {
    return false;
  }
  struct stat existing {};
  bool exists = ::stat(target.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode)) {
    error = "it is not a regular file";
    return false;
  }
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  remove_stale_temporaries(dir, target.filename().string());
  std::string temp =
      (dir / ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()) + ".XXXXXX"))
          .string();
  int fd = ::mkstemp(temp.data()); // 0600 until the mode below
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  std::size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return fail(error, fd, temp);
    }
    written += static_cast<std::size_t>(n);
  }
  mode_t bits = 0600;
  if (mode == FileMode::Keep && exists) {
    bits = existing.st_mode & 07777;
  } else if (mode != FileMode::Private) {
    static const mode_t umask = current_umask(); // read once: apply saves after every call
    bits = 0666 & ~umask;
  }
  // Data reaches the disk before the name points at it.
  if (::fchmod(fd, bits) != 0 || ::fsync(fd) != 0) {
    return fail(error, fd, temp);
  }
  ::close(fd);
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    return fail(error, -1, temp);
  }
  return true;
}

} // namespace ecl::driver
