#include "apply/lock.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace ecl::apply {
namespace {

std::string read_all(int fd) {
  std::string text;
  char buffer[4096];
  ::lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

// "apply by root@host (pid 42) since 2026-12-04T18:30:00Z", from the lock file's text.
std::string describe_holder(const std::string& text) {
  auto info = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!info.is_object()) {
    return "another run";
  }
  auto field = [&](const char* key) {
    auto it = info.find(key);
    return it != info.end() && it->is_string() ? it->get<std::string>() : std::string("?");
  };
  std::string pid = info.contains("pid") ? info["pid"].dump() : "?";
  return fmt::format("{} by {}@{} (pid {}) since {}", field("command"), field("user"),
                     field("host"), pid, field("since"));
}

std::string holder_text(const std::string& command) {
  char host[256] = "";
  ::gethostname(host, sizeof host - 1);
  const passwd* user = ::getpwuid(::geteuid());
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char since[32];
  std::strftime(since, sizeof since, "%Y-%m-%dT%H:%M:%SZ", &utc);
  nlohmann::json info = {{"command", command},
                         {"user", user ? user->pw_name : std::to_string(::geteuid())},
                         {"host", host},
                         {"pid", static_cast<long>(::getpid())},
                         {"since", since}};
  return info.dump() + "\n";
}

} // namespace

std::string lock_path(const std::string& state_path) {
  return state_path + ".lock";
}

StateLock::~StateLock() {
  if (fd_ >= 0) {
    // Emptied, not removed: removing it would let a run that opened it meanwhile lock a file
    // nobody else can find.
    if (::ftruncate(fd_, 0) != 0) {
      // nothing to do: the lock goes with the descriptor
    }
    ::close(fd_);
  }
}

bool StateLock::acquire(const std::string& state_path, const std::string& command,
                        std::chrono::milliseconds timeout, std::string& error) {
  std::string path = lock_path(state_path);
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
      error = fmt::format("cannot open the lock `{}`: {}", path, std::strerror(errno));
      return false;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
      ::close(fd);
      error = fmt::format("the lock `{}` is not a regular file", path);
      return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      // force-unlock may have removed the file between open and flock: lock the one at the path.
      struct stat now {};
      if (::stat(path.c_str(), &now) != 0 || now.st_ino != info.st_ino) {
        ::close(fd);
        continue;
      }
      std::string text = holder_text(command);
      if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, text.data(), text.size(), 0) < 0) {
        error = fmt::format("cannot write the lock `{}`: {}", path, std::strerror(errno));
        ::close(fd);
        return false;
      }
      fd_ = fd;
      return true;
    }
    std::string holder = describe_holder(read_all(fd));
    ::close(fd);
    if (std::chrono::steady_clock::now() >= deadline) {
      error = fmt::format("the state `{}` is locked: {} holds it; wait for it (--lock-timeout "
                          "SECONDS waits), or, if that run is stuck, `eclc force-unlock`",
                          state_path, holder);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

bool force_unlock(const std::string& state_path, std::string& holder, std::string& error) {
  std::string path = lock_path(state_path);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    error = errno == ENOENT ? fmt::format("the state `{}` has no lock", state_path)
                            : fmt::format("cannot open `{}`: {}", path, std::strerror(errno));
    return false;
  }
  bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  std::string text = read_all(fd);
  ::close(fd);
  holder = held ? describe_holder(text) : "nobody";
  if (::unlink(path.c_str()) != 0) {
    error = fmt::format("cannot remove `{}`: {}", path, std::strerror(errno));
    return false;
  }
  return true;
}

} // namespace ecl::apply
