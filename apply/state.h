// The state file (docs/state-format.md): what an apply created, one entry a plan step, with the
// request it was created from and the values AWS answered. Written atomically after every
// successful call, and before each create call with the entry marked `pending`, so a kill -9 at
// any moment leaves a file the next apply resumes from without creating a duplicate.
#pragma once

#include "apply/aws.h"

#include <string>
#include <vector>

namespace ecl::apply {

inline constexpr int kStateFormatVersion = 1;

struct Entry {
  std::string id;               // the plan step's id
  std::string block;            // the block path
  std::string service;          // "ec2"
  std::string operation;        // the create call: "CreateVpc"
  bool pending = false;         // the call was sent (or about to be) and its answer is not recorded
  json params = json::object(); // as planned, placeholders kept: the diff's inputs
  json request = json::object();       // as sent, placeholders filled
  std::vector<std::string> depends_on; // step ids, as planned
  json outputs = json::object();       // response path -> value, for each value produced
  std::string resource;                // the AWS id or name (the `id` value), or ""
};

struct State {
  std::string stack;
  std::string region;
  std::vector<Entry> entries; // in the order they were first created
  // The program's `output`s after the last complete apply: name -> value, placeholders filled.
  json outputs = json::object();

  Entry* find(const std::string& id);
  const Entry* find(const std::string& id) const;
  // Replaces the entry of the same id in place, or appends.
  void put(Entry entry);
  void erase(const std::string& id);
};

// False with `error` when the file exists but is not a state file; an absent file is empty state.
bool load_state(const std::string& path, State& out, std::string& error);
bool save_state(const std::string& path, const State& state, std::string& error);
std::string to_json(const State& state);

} // namespace ecl::apply
