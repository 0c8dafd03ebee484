// The API plan backend: the checked program -> the AWS API calls that create it, in an order that
// respects every dependency (docs/plan-format.md). The document is JSON; `eclc plan` shows it to
// people one line a step, `eclc graph` as a Graphviz graph.
#pragma once

#include "backends/backend.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ecl::backend {

std::unique_ptr<Backend> make_plan_backend();

namespace plan {

using json = nlohmann::ordered_json;

// The version of the document's format (docs/plan-format.md); raised on incompatible changes.
inline constexpr int kFormatVersion = 1;
// The region of a program without `stack.region`.
inline constexpr const char* kDefaultRegion = "us-east-1";

// One API call.
struct Step {
  std::string id;      // the block path, `#suffix` for a block's secondary calls: `main.igw#attach`
  std::string block;   // the block path
  std::string service; // "ec2", "ecs", "iam", "logs", "autoscaling"
  std::string operation;               // "CreateVpc"
  std::string summary;                 // the key facts, for people: "10.0.0.0/16"
  json params = json::object();        // the request, member names of the AWS API model
  std::vector<std::string> after;      // steps this one must follow besides those its params name
  std::vector<std::string> depends_on; // every step it follows, in plan order (set by build_plan)
  json produces = json::object();      // value name -> response path: {"id": "Vpc.VpcId"}
  // Request members the create call sets and something else owns afterwards (a scaled service's
  // desiredCount belongs to its scaler): a plan against a state neither compares nor updates them.
  std::vector<std::string> unmanaged;
  // The block's attributes those members come from (`desired`): the plan view does not show
  // them changing either (Resource::unmanaged).
  std::vector<std::string> unmanaged_attributes;
  bool read = false; // a read (Describe*) rather than a change
  // The request's name was made by the plan, not written (resources::CreateFirst::name): a
  // replacement made beside the old one may take another.
  bool made_name = false;
};

// A block that makes AWS calls, as the program writes it: what `eclc plan` shows a reviewer and
// the state records of the last apply, to say which attributes change.
struct Resource {
  std::string block; // the block path: "main.private_a"
  std::string kind;  // "subnet"
  // What tells it from the other resources: its steps' resource_key (the path, with `@KIND` when
  // blocks of several kinds share the path).
  std::string key;
  // Every attribute set (written or defaulted), flattened: dotted path -> the value as ECL text.
  // Objects become paths (`tags.env`), lists of objects indexed paths (`ingress[0].port`); the
  // nested blocks without calls of their own (a task's containers) are prefixed with their
  // relative path (`app.image`). {"cidr": "\"10.0.0.0/24\"", "tags.env": "\"prod\""}
  json attributes = json::object();
  // Attributes something else owns once created (a scaled service's `desired`, which no call
  // sends again): a plan against a state shows no change of them (Step::unmanaged_attributes).
  std::set<std::string, std::less<>> unmanaged;
};

struct Plan {
  std::string stack;  // the stack's name, or ""
  std::string region; // the stack's region, else the fallback build_plan was given
  std::string description;
  std::vector<Step> steps; // in execution order
  json outputs = json::object();
  // The RunTask request of each job, by its block's path, with the placeholders of its cluster
  // and task definition: what `eclc run` sends once the state holds them.
  json runs = json::object();
  // One per block with steps, in the order of each block's first step (resources_of). Not in
  // the document, and not filled by build_plan: only the commands that show or apply a plan ask.
  std::vector<Resource> resources;
};

// Builds the plan of an error-free program. When `read` is given, every schema attribute the
// lowering looked at is added to it as "kind.attribute" (and "kind.attribute.field").
// A program without `stack.region` is planned for `region_if_unset`: kDefaultRegion offline, the
// region the AWS configuration names when the plan is applied.
bool build_plan(const model::Program& program, Diagnostics& diags, Plan& out,
                std::set<std::string>* read = nullptr,
                std::string_view region_if_unset = kDefaultRegion);

// The resources of a plan built from `program` (Plan::resources).
std::vector<Resource> resources_of(const model::Program& program, const Plan& plan);

// The plan document: 2-space JSON with a trailing newline.
std::string to_json(const Plan& plan);
// For people: one line a step (`+ ec2:CreateVpc  main  10.0.0.0/16`), then `Calls: N to create.`;
// ANSI colours when `color`.
std::string render_text(const Plan& plan, bool color);
// The dependency graph in Graphviz dot: one node a step, an edge from each step to those that
// follow it.
std::string render_dot(const Plan& plan);

// The resource a step or state entry belongs to, from its id: the id up to its `#` (a secondary
// call) or `~` (a deposed entry): the block's path, with `@KIND` when blocks of several kinds
// share the path (`api@task` beside `api@repository`).
std::string resource_key(std::string_view id);

// The ids of the plan's steps, which placeholders() tells placeholders by.
std::set<std::string, std::less<>> step_ids(const Plan& plan);
// `${step-id.Response.Path}` placeholders of a string, as (step id, response path) pairs; the step
// id is the longest prefix naming one of `ids`. `$${` is a literal `${`.
std::vector<std::pair<std::string, std::string>>
placeholders(const std::string& text, const std::set<std::string, std::less<>>& ids);

} // namespace plan
} // namespace ecl::backend
