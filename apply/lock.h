// The lock of a state file: one apply or destroy at a time. `STATE.lock` beside the state is
// locked with flock(2), so that a run that dies (kill -9 included) lets go of it at once, and holds
// who has it (user, host, pid, command, since) for the error a second run prints.
#pragma once

#include <chrono>
#include <string>

namespace ecl::apply {

class StateLock {
public:
  StateLock() = default;
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;
  ~StateLock();

  // Takes the lock of `state_path` for `command` ("apply", "destroy"), waiting up to `timeout` for
  // its holder to finish. False with `error` naming the holder.
  bool acquire(const std::string& state_path, const std::string& command,
               std::chrono::milliseconds timeout, std::string& error);

private:
  int fd_ = -1;
};

// The lock file of a state file.
std::string lock_path(const std::string& state_path);
// `eclc force-unlock`: removes the lock file, so that a new run takes a new lock even while a
// stuck run holds the old one. Says who held it. False with `error` when there is no lock file.
bool force_unlock(const std::string& state_path, std::string& holder, std::string& error);

} // namespace ecl::apply
