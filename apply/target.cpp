#include "apply/target.h"

#include "compiler/diagnostics/diagnostic.h"

#include <algorithm>
#include <map>
#include <set>

namespace ecl::apply {

using backend::plan::Plan;
using backend::plan::Step;

namespace {

// Whether every placeholder of a value names one of `kept` (of all the step ids `ids`).
bool names_only(const json& value, const std::set<std::string, std::less<>>& ids,
                const std::set<std::string, std::less<>>& kept) {
  if (value.is_string()) {
    auto refs = backend::plan::placeholders(value.get<std::string>(), ids);
    return std::all_of(refs.begin(), refs.end(),
                       [&](const auto& r) { return kept.count(r.first) > 0; });
  }
  return !value.is_structured() || std::all_of(value.begin(), value.end(), [&](const json& v) {
    return names_only(v, ids, kept);
  });
}

} // namespace

bool covered(const std::string& block, const std::vector<std::string>& targets) {
  return std::any_of(targets.begin(), targets.end(), [&](const std::string& t) {
    return block == t || (block.size() > t.size() && block.compare(0, t.size(), t) == 0 &&
                          (block[t.size()] == '.' || block[t.size()] == '@'));
  });
}

bool check_targets(const std::vector<std::string>& targets, const Plan& plan, const State& state,
                   std::string& error) {
  std::vector<std::string> names;
  for (const auto& r : plan.resources) {
    names.push_back(r.key);
  }
  for (const Entry& e : state.entries) {
    names.push_back(backend::plan::resource_key(e.id));
  }
  for (const std::string& t : targets) {
    bool known = std::any_of(names.begin(), names.end(),
                             [&](const std::string& n) { return covered(n, {t}); });
    if (!known) {
      error = "--target `" + t + "`: no block of the program or of the state makes AWS calls by " +
              "that name" + did_you_mean(nearest(t, names));
      return false;
    }
  }
  return true;
}

Plan limit_plan(const Plan& plan, const std::vector<std::string>& targets) {
  // Whole blocks: a block a kept step depends on is kept with all its calls (a VPC with its DNS
  // attribute, a subnet with its public IP setting), as Terraform keeps whole resources.
  std::map<std::string, const Step*, std::less<>> by_id;
  std::map<std::string, std::vector<const Step*>, std::less<>> by_block;
  for (const Step& s : plan.steps) {
    by_id.emplace(s.id, &s);
    by_block[backend::plan::resource_key(s.id)].push_back(&s);
  }
  std::set<std::string, std::less<>> blocks;
  std::vector<std::string> todo;
  for (const auto& [block, steps] : by_block) {
    if (covered(block, targets) && blocks.insert(block).second) {
      todo.push_back(block);
    }
  }
  while (!todo.empty()) {
    std::string block = todo.back();
    todo.pop_back();
    for (const Step* s : by_block[block]) {
      for (const std::string& d : s->depends_on) {
        std::string needed = backend::plan::resource_key(by_id.at(d)->id);
        if (blocks.insert(needed).second) {
          todo.push_back(needed);
        }
      }
    }
  }
  std::set<std::string, std::less<>> kept;
  for (const Step& s : plan.steps) {
    if (blocks.count(backend::plan::resource_key(s.id))) {
      kept.insert(s.id);
    }
  }
  Plan out;
  out.stack = plan.stack;
  out.region = plan.region;
  out.description = plan.description;
  for (const Step& s : plan.steps) {
    if (kept.count(s.id)) {
      out.steps.push_back(s);
    }
  }
  for (const auto& r : plan.resources) {
    if (blocks.count(r.key)) {
      out.resources.push_back(r);
    }
  }
  std::set<std::string, std::less<>> ids;
  for (const auto& [id, s] : by_id) {
    ids.insert(id);
  }
  for (const auto& [name, value] : plan.outputs.items()) {
    if (names_only(value, ids, kept)) {
      out.outputs[name] = value;
    }
  }
  return out;
}

void limit_diff(std::vector<Change>& changes, const State& state,
                const std::vector<std::string>& targets) {
  std::erase_if(changes, [&](const Change& c) {
    const Entry* e = c.action == Action::Delete ? state.find(c.id) : nullptr;
    return e && !covered(backend::plan::resource_key(e->id), targets);
  });
}

void limit_destroy(std::vector<Change>& changes, const State& state,
                   const std::vector<std::string>& targets) {
  std::set<std::string> doomed;
  for (const Entry& e : state.entries) {
    if (covered(backend::plan::resource_key(e.id), targets)) {
      doomed.insert(e.id);
    }
  }
  // What depends on a doomed entry goes first: it could not outlive it.
  for (bool grew = true; grew;) {
    grew = false;
    for (const Entry& e : state.entries) {
      if (!doomed.count(e.id) &&
          std::any_of(e.depends_on.begin(), e.depends_on.end(),
                      [&](const std::string& d) { return doomed.count(d); })) {
        doomed.insert(e.id);
        grew = true;
      }
    }
  }
  std::erase_if(changes, [&](const Change& c) { return !doomed.count(c.id); });
}

} // namespace ecl::apply
