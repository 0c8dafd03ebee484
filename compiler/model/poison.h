// Reads of values an error poisoned, watched while the AWS rules run (check::run_rules).
#pragma once

#include <string_view>

namespace ecl::model {

// Watches reads of values an error poisoned: a written attribute whose value is or holds a Null (a
// reference that did not resolve, a value of the wrong type; an absent attribute is not in the
// model at all). While one is installed on a thread, Block::attribute() tells it of each such read
// there: the AWS rules' driver drops what a rule reports after one, which may follow from the
// error.
class PoisonWatcher {
public:
  virtual void poisoned_read() = 0;
  // Whether an error dropped a block meant to be of `kind` (a misspelt kind, E1001, suggested as
  // this one): reading the blocks of the kind (Program::of_kind, Block::each_child, children_of,
  // first_child) is then a poisoned read too, since they are not all there.
  virtual bool lost(std::string_view kind) const = 0;

protected:
  ~PoisonWatcher() = default;
};
// Installs `watcher` on this thread (null: none) and returns the one it replaces.
PoisonWatcher* watch_poisoned_reads(PoisonWatcher* watcher);
// Whether a watcher is installed on this thread: a reading kept from before (an index) must then
// be read again for the watcher to see what it read.
bool watching_poisoned_reads();

} // namespace ecl::model
