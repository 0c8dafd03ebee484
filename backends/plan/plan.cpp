#include "backends/plan/plan.h"

#include "backends/common/json_writer.h"
#include "backends/plan/planner.h"

#include <algorithm>
#include <map>

namespace ecl::backend {

namespace plan {

namespace {

// A value as Resource::attributes holds it: objects and lists of objects or lists as paths, any
// other value whole.
void flatten(const std::string& path, const model::Value& value, json& out) {
  if (const auto* map = value.as<model::Map>(); map && !map->empty()) {
    for (const model::MapEntry& e : *map) {
      flatten(path + "." + e.first, e.second, out);
    }
    return;
  }
  if (const auto* list = value.as<model::List>()) {
    bool nested = std::any_of(list->begin(), list->end(), [](const model::Value& v) {
      return (v.as<model::Map>() && !v.as<model::Map>()->empty()) || v.as<model::List>();
    });
    if (nested) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        flatten(path + "[" + std::to_string(i) + "]", (*list)[i], out);
      }
      return;
    }
  }
  out[path] = model::ecl_text(value);
}

// A block's attributes and those of its nested blocks without calls of their own.
void attributes_of(const model::Block& block, const std::string& prefix,
                   const std::set<std::string, std::less<>>& with_steps, json& out) {
  for (const auto& [name, attribute] : block.attributes) {
    if (!attribute.value.is_null()) {
      flatten(prefix + std::string(name), attribute.value, out);
    }
  }
  for (const model::Block* child : block.children) {
    if (!with_steps.count(child->path)) {
      std::string relative = child->path.substr(child->path.rfind('.') + 1);
      attributes_of(*child, prefix + relative + ".", with_steps, out);
    }
  }
}

} // namespace

std::string resource_key(std::string_view id) {
  return std::string(id.substr(0, id.find_first_of("#~")));
}

std::set<std::string, std::less<>> step_ids(const Plan& plan) {
  std::set<std::string, std::less<>> ids;
  for (const Step& s : plan.steps) {
    ids.insert(s.id);
  }
  return ids;
}

std::vector<Resource> resources_of(const model::Program& program, const Plan& plan) {
  std::set<std::string, std::less<>> with_steps;          // block paths
  std::vector<std::pair<std::string, std::string>> order; // (key, path)
  std::set<std::string, std::less<>> keys;
  for (const Step& s : plan.steps) {
    with_steps.insert(s.block);
    if (std::string key = resource_key(s.id); keys.insert(key).second) {
      order.emplace_back(std::move(key), s.block);
    }
  }
  // A block by its key: its path, with `@KIND` when blocks of several kinds share it (as the
  // planner names their steps).
  std::map<std::string_view, int> sharing;
  for (const auto& b : program.blocks) {
    ++sharing[b->path];
  }
  std::map<std::string, const model::Block*, std::less<>> by_key;
  for (const auto& b : program.blocks) {
    by_key.emplace(sharing[b->path] > 1 ? b->path + "@" + std::string(b->kind_name) : b->path,
                   b.get());
  }
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> unmanaged; // by key
  for (const Step& s : plan.steps) {
    unmanaged[resource_key(s.id)].insert(s.unmanaged_attributes.begin(),
                                         s.unmanaged_attributes.end());
  }
  std::vector<Resource> out;
  for (const auto& [key, path] : order) {
    Resource r;
    r.block = path;
    r.key = key;
    r.unmanaged = std::move(unmanaged[key]);
    if (auto it = by_key.find(key); it != by_key.end()) {
      r.kind = it->second->kind_name;
      attributes_of(*it->second, "", with_steps, r.attributes);
    }
    out.push_back(std::move(r));
  }
  return out;
}

bool build_plan(const model::Program& program, Diagnostics& /*diags*/, Plan& out,
                std::set<std::string>* read, std::string_view region_if_unset) {
  // No diagnostic of its own: names and step ids derive from block paths, which are unique, and
  // the checker rejects the cyclic references that could keep the steps from being ordered.
  return Planner(program, read, region_if_unset).run(out);
}

std::string to_json(const Plan& plan) {
  // Streamed rather than built as one value: building would copy every step's params.
  std::string out;
  out.reserve(1024 * plan.steps.size()); // about a kilobyte a step: no copies as it grows
  common::JsonWriter w(out, 2);
  w.begin_object();
  w.member("format_version", kFormatVersion);
  if (!plan.stack.empty()) {
    w.member("stack", plan.stack);
  }
  w.member("region", plan.region);
  if (!plan.description.empty()) {
    w.member("description", plan.description);
  }
  w.key("steps").begin_array();
  for (const Step& s : plan.steps) {
    w.begin_object();
    w.member("id", s.id);
    w.member("block", s.block);
    w.member("action", s.read ? "read" : "create");
    w.member("service", s.service);
    w.member("operation", s.operation);
    w.member("summary", s.summary);
    w.member("params", s.params);
    w.member("depends_on", s.depends_on);
    w.member("produces", s.produces);
    if (!s.unmanaged.empty()) {
      w.member("unmanaged", s.unmanaged);
    }
    w.end_object();
  }
  w.end_array();
  w.member("outputs", plan.outputs);
  if (!plan.runs.empty()) {
    w.member("runs", plan.runs);
  }
  w.end_object();
  out += '\n';
  return out;
}

} // namespace plan

namespace {

class PlanBackend final : public Backend {
public:
  std::string_view name() const override { return "plan"; }
  bool lower(const model::Program& program, Diagnostics& diags, std::string& output) override {
    plan::Plan p;
    if (!plan::build_plan(program, diags, p)) {
      return false;
    }
    output = plan::to_json(p);
    return true;
  }
};

} // namespace

std::unique_ptr<Backend> make_plan_backend() {
  return std::make_unique<PlanBackend>();
}

} // namespace ecl::backend
