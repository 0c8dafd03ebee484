#include "backends/plan/planner.h"

#include "backends/resources/registry.h"
#include "compiler/schema/schema.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <queue>

namespace ecl::backend::plan {

namespace {

// Calls `f` with every string in `v`, in place (no copies: params hold thousands of strings).
template <typename F>
void for_each_string(const json& v, const F& f) {
  if (v.is_string()) {
    f(v.get_ref<const std::string&>());
  } else if (v.is_array() || v.is_object()) {
    for (const auto& item : v) {
      for_each_string(item, f);
    }
  }
}

// `v` with `${` in its members' names written `$${`: apply reads the whole text for placeholders,
// and a condition's key is the program's text (`aws:PrincipalTag/${team}`, written `\${team}`).
// Values are escaped already, and placeholders are values.
json escape_keys(const json& v) {
  if (v.is_array()) {
    json out = json::array();
    for (const json& item : v) {
      out.push_back(escape_keys(item));
    }
    return out;
  }
  if (!v.is_object()) {
    return v;
  }
  json out = json::object();
  for (const auto& [key, item] : v.items()) {
    out[Planner::literal(key)] = escape_keys(item);
  }
  return out;
}

} // namespace

std::string policy_text(const json& document) {
  return escape_keys(document).dump();
}

std::vector<std::pair<std::string, std::string>>
placeholders(const std::string& text, const std::set<std::string, std::less<>>& ids) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = text.find('$'); i != std::string::npos && i + 1 < text.size();
       i = text.find('$', i + 1)) {
    if (text.compare(i, 3, "$${") == 0) {
      i += 2; // a literal `${`
      continue;
    }
    if (text[i + 1] != '{') {
      continue;
    }
    std::size_t close = text.find('}', i + 2);
    if (close == std::string::npos) {
      break;
    }
    std::string_view inner(text.data() + i + 2, close - i - 2);
    // The step id is the longest prefix, ending before a `.`, that names a step.
    for (std::size_t dot = inner.rfind('.'); dot != std::string_view::npos && dot > 0;
         dot = inner.rfind('.', dot - 1)) {
      if (ids.count(inner.substr(0, dot))) {
        out.emplace_back(std::string(inner.substr(0, dot)), std::string(inner.substr(dot + 1)));
        break;
      }
    }
    i = close;
  }
  return out;
}

Planner::Planner(const model::Program& program, std::set<std::string>* read,
                 std::string_view region_if_unset)
    : Spelling(program.stack, read), program_(program), log_groups_(program) {
  std::map<std::string_view, int> uses;
  for (const auto& b : program.blocks) {
    if (++uses[b->path] == 2) {
      shared_paths_.insert(b->path);
    }
  }
  if (program.stack) {
    record("stack.region");
    region_ = program.region();
  }
  if (region_.empty()) {
    region_ = region_if_unset;
  }
}

// ---- building steps ----------------------------------------------------------------------------

Step& Planner::add(const model::Block& block, std::string_view suffix, std::string_view service,
                   std::string_view operation) {
  Step& s = steps_.emplace_back();
  s.id = step_id(block, suffix);
  s.block = block.path;
  s.service = std::string(service);
  s.operation = std::string(operation);
  // What the call's answer gives, as its descriptor names it.
  if (const resources::Operation* op = resources::find_operation(service, operation)) {
    for (const resources::Output& o : op->outputs) {
      s.produces[std::string(o.name)] = std::string(o.path);
    }
  }
  ids_.insert(s.id);
  return s;
}

std::string Planner::step_id(const model::Block& block, std::string_view suffix) const {
  std::string id = block.path;
  if (shared_paths_.count(block.path)) {
    id += '@'; // `subnet main.a` and `route_table main.a`: `main.a@route_table`
    id += block.kind_name;
  }
  return suffix.empty() ? id : fmt::format("{}#{}", id, suffix);
}

std::string Planner::placeholder(std::string_view step, std::string_view path) {
  return fmt::format("${{{}.{}}}", step, path);
}

std::string Planner::output(const model::Block& block, std::string_view suffix,
                            std::string_view name) const {
  std::string id = step_id(block, suffix);
  auto step =
      std::find_if(steps_.rbegin(), steps_.rend(), [&](const Step& s) { return s.id == id; });
  const resources::Operation* op =
      step == steps_.rend() ? nullptr : resources::find_operation(step->service, step->operation);
  return placeholder(id, op ? resources::output_path(*op, name) : "");
}

std::string Planner::literal(std::string_view text) {
  return common::escape_placeholders(text, "$${");
}

std::string Planner::zone(std::int64_t index) {
  // One read of the region's zones for the whole plan, made on first use; it produces only the
  // zones the program takes (apply fails on an answer without one: a region with fewer zones).
  constexpr std::string_view kStep = "availability-zones";
  auto it =
      std::find_if(steps_.begin(), steps_.end(), [&](const Step& s) { return s.id == kStep; });
  if (it == steps_.end()) {
    Step& s = steps_.emplace_back();
    s.id = s.block = kStep;
    s.service = "ec2";
    s.operation = "DescribeAvailabilityZones";
    s.read = true;
    s.params["Filters"] =
        json::array({{{"Name", "zone-type"}, {"Values", json::array({"availability-zone"})}},
                     {{"Name", "state"}, {"Values", json::array({"available"})}}});
    s.summary = "the region's availability zones";
    ids_.insert(s.id);
    it = std::prev(steps_.end());
  }
  const resources::Operation* op = resources::find_operation("ec2", "DescribeAvailabilityZones");
  std::string name = fmt::format("zone{}", index);
  std::string_view path = op ? resources::output_path(*op, name) : "";
  it->produces[name] = std::string(path);
  return placeholder(kStep, path);
}

json Planner::deferred_value(const model::Deferred& d) {
  if (auto index = model::zone_index(d)) {
    return zone(*index);
  }
  if (d.block && schema::existing(*d.block) && d.attribute != "default_security_group") {
    auto known = schema::existing_attribute(*d.block, d.attribute);
    return known ? json(literal(*known)) : json(nullptr);
  }
  const resources::Attribute* source =
      d.block ? resources::find_attribute(d.block->kind_name, d.attribute) : nullptr;
  if (!source) {
    return nullptr; // the checker admits only the schema's deferred attributes
  }
  std::string step = step_id(*d.block, source->step);
  // A vpc's default security group is read (DescribeSecurityGroups) when first named.
  if (d.block->kind_name == "vpc" && d.attribute == "default_security_group" && !ids_.count(step)) {
    Step& s = add(*d.block, source->step, "ec2", "DescribeSecurityGroups");
    s.read = true;
    s.summary = "the default security group";
    s.params["Filters"] =
        json::array({{{"Name", "vpc-id"}, {"Values", json::array({ref(*d.block)})}},
                     {{"Name", "group-name"}, {"Values", json::array({"default"})}}});
  }
  return placeholder(step, resources::output_path(*source));
}

json Planner::ref(const model::Block& block) {
  if (const std::string* given = existing(block)) {
    return literal(*given); // made elsewhere: its ID or ARN
  }
  if (block.kind_name == "container") {
    // A container is named inside its task definition.
    const std::string* name = get_string(block, "name");
    return name ? *name : block.name;
  }
  if (block.kind_name == "log_group") {
    const model::Value* name = block.get("name"); // what takes a log group, its name
    return name ? value(*name) : json(block.name);
  }
  const resources::Attribute* reference = resources::find_reference(block.kind_name);
  return reference ? deferred_value(model::Deferred{&block, std::string(reference->name)}) : json();
}

std::string Planner::template_reference(const model::Deferred& d) {
  json placeholder = deferred_value(d);
  return placeholder.is_string() ? placeholder.get<std::string>() : "";
}

void Planner::add_tags(Step& step, const model::Block& block) {
  const resources::Operation* op = resources::find_operation(step.service, step.operation);
  std::vector<std::pair<std::string, json>> tags;
  for (const auto& [key, v] : merged_tags(block)) {
    tags.emplace_back(key, value(*v));
  }
  tags.emplace_back("ecl:path", block.path);
  if (op) {
    resources::add_tags(step.params, *op, tags);
  }
}

std::string Planner::partition() const {
  return region_.starts_with("cn-")       ? "aws-cn"
         : region_.starts_with("us-gov-") ? "aws-us-gov"
                                          : "aws";
}

std::string Planner::attachment_step(const model::Block& vpc) const {
  auto igws = vpc.children_of("internet_gateway");
  return igws.empty() ? "" : step_id(*igws.front(), "attach");
}

// ---- the plan ----------------------------------------------------------------------------------

void Planner::lower_block(const model::Block& b) {
  using Lower = void (*)(Planner&, const model::Block&);
#define ECL_LOWERING_ENTRY(kind, function) {kind, function},
  static const std::map<std::string_view, Lower> kLowerings = {ECL_LOWERINGS(ECL_LOWERING_ENTRY)};
#undef ECL_LOWERING_ENTRY
  // `stack` gives the plan its region and every call its tags; a task's containers, health checks
  // and logs and a service's placement and deployment lower inside their parent's call.
  auto it = kLowerings.find(b.kind_name);
  if (it != kLowerings.end() && !existing(b)) { // made elsewhere: only what is inside
    it->second(*this, b);
  }
  if (b.kind_name == "task") {
    return; // containers are lowered by lower_task
  }
  for (const model::Block* c : b.children) {
    lower_block(*c);
  }
}

bool Planner::run(Plan& out) {
  for (const auto& b : program_.blocks) {
    if (!b->parent) {
      lower_block(*b);
    }
  }
  out.runs = runs_;
  out.stack = program_.stack ? program_.stack->name : "";
  out.region = region_;
  if (const std::string* d =
          program_.stack ? get_string(*program_.stack, "description") : nullptr) {
    out.description = *d;
  }
  for (const model::Output& o : program_.outputs) {
    json v = value(o.value);
    if (!v.is_null()) {
      out.outputs[o.name] = std::move(v);
    }
  }

  // Each step follows the steps its parameters name and those it lists in `after`.
  const std::size_t n = steps_.size();
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < n; ++i) {
    index.emplace(steps_[i].id, i);
  }
  std::vector<std::set<std::size_t>> before(n);
  for (std::size_t i = 0; i < n; ++i) {
    for_each_string(steps_[i].params, [&](const std::string& s) {
      if (s.find("${") == std::string::npos) {
        return; // no placeholder (the common case)
      }
      for (const auto& [step, path] : placeholders(s, ids_)) {
        before[i].insert(index.at(step));
      }
    });
    for (const std::string& a : steps_[i].after) {
      auto it = index.find(a);
      if (it != index.end()) {
        before[i].insert(it->second);
      }
    }
    before[i].erase(i);
  }
  // Kahn's algorithm; among the steps that are ready, the one added first (source order).
  std::vector<std::vector<std::size_t>> followers(n);
  std::vector<std::size_t> waiting(n);
  std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
  for (std::size_t i = 0; i < n; ++i) {
    waiting[i] = before[i].size();
    for (std::size_t b : before[i]) {
      followers[b].push_back(i);
    }
    if (waiting[i] == 0) {
      ready.push(i);
    }
  }
  std::vector<std::size_t> order;
  std::vector<std::size_t> position(n);
  while (!ready.empty()) {
    std::size_t i = ready.top();
    ready.pop();
    position[i] = order.size();
    order.push_back(i);
    for (std::size_t f : followers[i]) {
      if (--waiting[f] == 0) {
        ready.push(f);
      }
    }
  }
  if (order.size() != n) {
    return false; // a cycle: the checker rejects cyclic references, so this is a lowering bug
  }
  out.steps.clear();
  for (std::size_t i : order) {
    Step s = std::move(steps_[i]);
    std::vector<std::size_t> deps(before[i].begin(), before[i].end());
    std::sort(deps.begin(), deps.end(),
              [&](std::size_t a, std::size_t b) { return position[a] < position[b]; });
    for (std::size_t d : deps) {
      s.depends_on.push_back(out.steps[position[d]].id); // moved there before the step
    }
    out.steps.push_back(std::move(s));
  }
  return true;
}

} // namespace ecl::backend::plan
