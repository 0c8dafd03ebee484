// What `eclc plan`, `apply` and `destroy` show a reviewer: the changes as resources, one entry a
// block with its action, why, and the attributes that change; the outputs that change; a summary
// counted in resources. `plan --calls` shows the API calls instead (render_calls).
#pragma once

#include "apply/engine.h"
#include "apply/state.h"
#include "backends/plan/plan.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ecl::apply {

// One block's changes.
struct ResourceChange {
  Action action = Action::Create;
  bool read = false;         // only reads run again: shown (`<=`), not a change of a resource
  std::string block;         // the block path
  std::string kind;          // "subnet"; "" when unknown (a block a state of an older eclc holds)
  std::string reason;        // why: a replacement's cause, a deletion's, an update's without lines
  bool create_first = false; // a replacement made before the old one is deleted: shown `+/-`
  // Under the header: `cidr = "10.0.0.0/24"` (create), `~ cidr: "a" -> "b"`, `+ x = v`, `- x`;
  // on a replaced block whose main call's request changed with one attribute, that attribute's
  // line ends `# forces replacement`.
  std::vector<std::string> lines;
};

// Resources, not calls: how many blocks are created, updated in place, replaced and deleted.
struct Counts {
  std::size_t add = 0, change = 0, replace = 0, destroy = 0;
  bool operator==(const Counts&) const = default;
};

// The changes (diff or destroy_changes) grouped by block, in the order of their first change.
// A block not in `state` is created; one not in `plan` (or with `plan` null) is deleted; one whose
// main call (the step named as the block) is replaced is replaced; anything else is updated in
// place. The lines are the block's attributes that change, from `state.blocks` (the last apply's)
// to `plan->resources`, or where the state has no record of the block (or no attribute changed:
// stack tags, a renewed dependency) the changed members of its requests.
std::vector<ResourceChange> by_resource(const backend::plan::Plan* plan, const State& state,
                                        const std::vector<Change>& changes);
Counts count(const std::vector<ResourceChange>& resources);

// The outputs that change, one line each: `+ name = value`, `~ name: old -> new`, `- name`.
std::vector<std::string> output_changes(const json& before, const json& after);

// The view: each resource with its lines, `Changes to outputs:`, then
// `Plan: A to add, C to change, R to replace, D to destroy.`; `No changes.` when nothing changes.
std::string render_resources(const std::vector<ResourceChange>& resources,
                             const std::vector<std::string>& outputs, bool color);
// `Apply complete: 3 added, 1 changed, 1 replaced, 0 destroyed.` (or `Destroy complete: ...`).
std::string completed(const Counts& counts, bool destroying);

// `--calls`: one line a call that runs (`~  ecs:UpdateService  prod.api  desiredCount 4 -> 6`),
// then `Calls: ...` counted in calls, or `No changes.`.
std::string render_calls(const std::vector<Change>& changes, bool color);

} // namespace ecl::apply
