#include "backends/plan/plan.h"

#include "backends/plan/planner.h"

namespace ecl::backend {

namespace plan {

bool build_plan(const model::Program& program, Diagnostics& /*diags*/, Plan& out,
                std::set<std::string>* read) {
  // No diagnostic of its own: names and step ids derive from block paths, which are unique, and
  // the checker rejects the cyclic references that could keep the steps from being ordered.
  Planner planner(program, read);
  return planner.run(out);
}

std::string to_json(const Plan& plan) {
  json out = json::object();
  out["format_version"] = kFormatVersion;
  if (!plan.stack.empty()) {
    out["stack"] = plan.stack;
  }
  out["region"] = plan.region;
  if (!plan.description.empty()) {
    out["description"] = plan.description;
  }
  json steps = json::array();
  for (const Step& s : plan.steps) {
    json step = json::object();
    step["id"] = s.id;
    step["block"] = s.block;
    step["action"] = s.read ? "read" : "create";
    step["service"] = s.service;
    step["operation"] = s.operation;
    step["summary"] = s.summary;
    step["params"] = s.params;
    step["depends_on"] = s.depends_on;
    step["produces"] = s.produces;
    steps.push_back(std::move(step));
  }
  out["steps"] = std::move(steps);
  out["outputs"] = plan.outputs;
  return out.dump(2) + "\n";
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
