// Container `depends_on`. A container waits only for containers of its own task (E3119), never
// for itself (E3114), and dependencies form no cycle (E3109, naming the whole cycle). The
// conditions `complete` and `success` need a non-essential target (E3116); `healthy` needs a
// target with a health check (E3117).
#include "compiler/check/rules/rule.h"

#include <fmt/format.h>
#include <map>

namespace ecl::check {
namespace container_dependencies_rule {
namespace {

// One written dependency: `{ container = db, condition = healthy }` or the shorthand `db`.
struct Edge {
  const model::Block* target = nullptr;
  std::string condition = "start";
  Range target_range;    // the reference
  Range condition_range; // the condition, or the whole entry for the shorthand
};

std::vector<Edge> edges_of(const model::Block& container) {
  std::vector<Edge> edges;
  const model::Value* list = container.get("depends_on");
  if (!list || !list->as<model::List>()) {
    return edges;
  }
  for (const model::Value& item : *list->as<model::List>()) {
    Edge e;
    e.target_range = e.condition_range = item.range;
    if (const model::Value* target = item.field("container")) {
      e.target = target->block();
      e.target_range = target->range;
    } else {
      e.target = item.block();
    }
    if (const model::Value* condition = item.field("condition")) {
      const std::string* name = condition->enum_member();
      if (!name) {
        continue; // an error the generic pass reported
      }
      e.condition = *name;
      e.condition_range = condition->range;
    }
    if (e.target) {
      edges.push_back(std::move(e));
    }
  }
  return edges;
}

// The dependency graph of one task's containers, and the cycles in it.
class Graph {
public:
  // One step of a cycle: a container and the dependency that leaves it for the next.
  struct Step {
    std::size_t node;
    Range edge;
  };

  explicit Graph(std::vector<const model::Block*> containers) : nodes_(std::move(containers)) {
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      index_[nodes_[i]] = i;
    }
    out_.resize(nodes_.size());
  }

  void add(std::size_t from, const Edge& edge) {
    auto to = index_.find(edge.target);
    if (to != index_.end() && to->second != from) { // self-dependencies are E3114
      out_[from].push_back({to->second, edge.target_range});
    }
  }

  // One cycle for each edge that closes one in a depth-first walk (containers and dependencies
  // in source order): every container of a cycle is reported, and the output is deterministic.
  std::vector<std::vector<Step>> cycles() {
    std::vector<std::vector<Step>> out;
    std::vector<State> state(nodes_.size(), State::New);
    std::vector<Step> path;
    auto visit = [&](auto& self, std::size_t v) -> void {
      state[v] = State::OnPath;
      for (const Step& e : out_[v]) {
        if (state[e.node] == State::OnPath) {
          // The cycle runs from e.node along the path to v, then back through this edge.
          std::vector<Step> cycle;
          std::size_t from = 0;
          while (path[from].node != e.node) {
            ++from;
          }
          cycle.assign(path.begin() + static_cast<std::ptrdiff_t>(from), path.end());
          cycle.push_back({v, e.edge});
          out.push_back(std::move(cycle));
        } else if (state[e.node] == State::New) {
          path.push_back({v, e.edge});
          self(self, e.node);
          path.pop_back();
        }
      }
      state[v] = State::Done;
    };
    for (std::size_t v = 0; v < nodes_.size(); ++v) {
      if (state[v] == State::New) {
        visit(visit, v);
      }
    }
    return out;
  }

  const model::Block* node(std::size_t i) const { return nodes_[i]; }

private:
  enum class State { New, OnPath, Done };

  std::vector<const model::Block*> nodes_;
  std::map<const model::Block*, std::size_t> index_;
  std::vector<std::vector<Step>> out_; // per container: (target, the dependency's range)
};

void check_edge(RuleContext& c, const model::Block& task, const model::Block& container,
                const Edge& e) {
  const model::Block* target_task = e.target->ancestor("task");
  if (target_task != &task) {
    c.diags
        .report(Diag::DependencyOutsideTask, e.target_range, container.name, e.target->name,
                target_task ? target_task->name : "")
        .note(e.target->header_range,
              fmt::format("container `{}` is declared here", e.target->path));
    return;
  }
  if (e.target == &container) {
    c.diags.report(Diag::DependsOnSelf, e.target_range, container.name);
    return;
  }
  if ((e.condition == "complete" || e.condition == "success") &&
      e.target->get_bool("essential").value_or(false)) {
    const model::Attribute* essential = e.target->attribute("essential");
    c.diags
        .report(Diag::DependencyOnEssential, e.condition_range, container.name, e.target->name,
                e.condition == "complete" ? "complete" : "succeed", e.target->name, e.condition)
        .note(attribute_range(*e.target, "essential"),
              essential && essential->defaulted
                  ? fmt::format("containers are essential by default; set `essential = false` "
                                "on `{}`",
                                e.target->name)
                  : fmt::format("`{}` is made essential here", e.target->name));
  }
  if (e.condition == "healthy" && !e.target->first_child("health_check")) {
    c.diags
        .report(Diag::HealthyWithoutHealthCheck, e.condition_range, container.name, e.target->name,
                e.target->name)
        .note(e.target->header_range, fmt::format("container `{}` is declared here; add a "
                                                  "`health_check {{ command = [...] }}` block",
                                                  e.target->name));
  }
}

void run(RuleContext& c) {
  for (const model::Block* task : c.program.of_kind("task")) {
    // Most tasks have no dependency at all: no graph to build for them.
    bool any = false;
    for (const model::Block* container : task->each_child("container")) {
      const model::Value* list = container->get("depends_on");
      const model::List* items = list ? list->as<model::List>() : nullptr;
      any = any || (items && !items->empty());
    }
    if (!any) {
      continue;
    }
    Graph graph(task->children_of("container"));
    std::size_t index = 0;
    for (const model::Block* container : task->each_child("container")) {
      for (const Edge& e : edges_of(*container)) {
        check_edge(c, *task, *container, e);
        graph.add(index, e);
      }
      ++index;
    }
    for (const auto& cycle : graph.cycles()) {
      std::string text;
      for (const Graph::Step& step : cycle) {
        text += graph.node(step.node)->name + " -> ";
      }
      text += graph.node(cycle.front().node)->name;
      auto& d = c.diags.report(Diag::ContainerDependencyCycle, cycle.front().edge, text);
      for (std::size_t i = 1; i < cycle.size(); ++i) {
        const Graph::Step& next = cycle[(i + 1) % cycle.size()];
        d.note(cycle[i].edge,
               fmt::format("`{}` depends on `{}` here", graph.node(cycle[i].node)->name,
                           graph.node(next.node)->name));
      }
    }
  }
}

} // namespace
} // namespace container_dependencies_rule

extern const Rule kContainerDependencyRule;
const Rule kContainerDependencyRule{
    "container-dependencies",
    "containers depend on other containers of their task, without cycles, with conditions their "
    "targets support",
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html",
    {Diag::ContainerDependencyCycle, Diag::DependsOnSelf, Diag::DependencyOnEssential,
     Diag::HealthyWithoutHealthCheck, Diag::DependencyOutsideTask},
    container_dependencies_rule::run};

} // namespace ecl::check
