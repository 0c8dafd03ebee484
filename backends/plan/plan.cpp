#include "backends/plan/plan.h"

#include "backends/common/json_writer.h"
#include "backends/plan/planner.h"

namespace ecl::backend {

namespace plan {

bool build_plan(const model::Program& program, Diagnostics& /*diags*/, Plan& out,
                std::set<std::string>* read, std::string_view region_if_unset) {
  // No diagnostic of its own: names and step ids derive from block paths, which are unique, and
  // the checker rejects the cyclic references that could keep the steps from being ordered.
  Planner planner(program, read, region_if_unset);
  return planner.run(out);
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
