// The state file (docs/state-format.md): what an apply created, one entry a plan step, with the
// request it was created from and the values AWS answered. Written atomically after every
// successful call, and before each create call with the entry marked `pending`, so a kill -9 at
// any moment leaves a file the next apply resumes from without creating a duplicate.
#pragma once

#include "apply/aws.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ecl::apply {

inline constexpr int kStateFormatVersion = 1;
// What a deposed entry's id adds to its step's (Entry::deposed).
inline constexpr std::string_view kDeposed = "~old";

struct Entry {
  std::string id;        // the plan step's id
  std::string block;     // the block path
  std::string service;   // "ec2"
  std::string operation; // the create call: "CreateVpc"
  bool pending = false;  // the call was sent (or about to be) and its answer is not recorded
  // Replaced by a new one made beside it (create before destroy), under the id `<step>~old`
  // (kDeposed): it is deleted at the end of the apply, or by the next one when that did not
  // finish.
  bool deposed = false;
  json params = json::object();        // as planned, placeholders kept: the diff's inputs
  json request = json::object();       // as sent, placeholders filled
  std::vector<std::string> depends_on; // step ids, as planned
  json outputs = json::object();       // response path -> value, for each value produced
  std::string resource;                // the AWS id or name (the `id` value), or ""
};

struct State {
  std::string stack;
  std::string region;
  // Who this state is: a random id given when it is first written and kept for its life (another
  // stack's state, or a copy of another, is refused by it), and the number of writes so far (an
  // older copy of the same state has a lower one).
  std::string lineage;
  std::int64_t serial = 0;
  std::vector<Entry> entries; // in the order they were first created
  // The program's `output`s after the last complete apply: name -> value, placeholders filled.
  json outputs = json::object();
  // The blocks as the program wrote them at the last complete apply, for the attribute-level
  // changes of a plan: path -> {"kind": "subnet", "attributes": {...}} (plan::Resource).
  json blocks = json::object();

  Entry* find(const std::string& id);
  const Entry* find(const std::string& id) const;
  // Replaces the entry of the same id in place, or appends.
  void put(Entry entry);
  void erase(const std::string& id);
};

// False with `error` when the file exists but is not a state file (the error names the member that
// is wrong); an absent file is empty state.
bool load_state(const std::string& path, State& out, std::string& error);
// Writes the state (mode 0600) with its serial raised by one; a state without a lineage gets one.
bool save_state(const std::string& path, State& state, std::string& error);
// save_state in two halves, so that the file is written outside a lock: the text of the next
// write (the serial raised, a lineage given), then its atomic write (mode 0600).
std::string next_state_text(State& state);
bool write_state_text(const std::string& path, const std::string& text, std::string& error);
// A new lineage: 128 random bits as a UUID.
std::string new_lineage();
std::string to_json(const State& state);

} // namespace ecl::apply
