#include "apply/plan_view.h"

#include "backends/resources/registry.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace ecl::apply {

namespace {

using backend::plan::Plan;
using backend::plan::Resource;
using backend::plan::Step;

constexpr const char* kReset = "\x1b[0m";

// How an action shows: its symbol and its ANSI colour.
struct Look {
  const char* symbol;
  const char* color;
};

Look look(Action a) {
  switch (a) {
  case Action::Create:
    return {"+", "\x1b[32m"};
  case Action::Update:
    return {"~", "\x1b[33m"};
  case Action::Replace:
    return {"-/+", "\x1b[35m"};
  case Action::Delete:
    return {"-", "\x1b[31m"};
  }
  return {"?", ""};
}

// A call's symbol: a replacement made before the old one is deleted is `+/-`.
const char* symbol(const Change& c) {
  return c.create_first ? "+/-" : look(c.action).symbol;
}

// A request flattened as Resource::attributes is: objects and lists of objects as paths, the tag
// member as `tags.KEY` whatever its service's shape, any other value as JSON text.
void flatten(const std::string& path, const json& value, json& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, v] : value.items()) {
      flatten(path.empty() ? key : path + "." + key, v, out);
    }
    return;
  }
  if (value.is_array() && std::any_of(value.begin(), value.end(), [](const json& v) {
        return v.is_structured() && !v.empty();
      })) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      flatten(path + "[" + std::to_string(i) + "]", value[i], out);
    }
    return;
  }
  out[path] = value.dump();
}

json flat_request(const json& params) {
  json out = json::object();
  for (const auto& [member, value] : params.items()) {
    if (resources::is_tag_member(member)) {
      for (const auto& [k, v] : resources::tag_map(params)) {
        out["tags." + k] = json(v).dump();
      }
    } else {
      flatten(member, value, out);
    }
  }
  return out;
}

// `~ path: old -> new`, `+ path = new`, `- path = old` for each path of two flat objects that
// differs: in the order of `after`, then what only `before` has.
std::vector<std::string> changed_paths(const json& before, const json& after,
                                       const std::string& prefix = "") {
  std::vector<std::string> out;
  for (const auto& [path, v] : after.items()) {
    auto it = before.find(path);
    if (it == before.end()) {
      out.push_back(fmt::format("+ {}{} = {}", prefix, path, v.get<std::string>()));
    } else if (*it != v) {
      out.push_back(fmt::format("~ {}{}: {} -> {}", prefix, path, it->get<std::string>(),
                                v.get<std::string>()));
    }
  }
  for (const auto& [path, v] : before.items()) {
    if (!after.contains(path)) {
      out.push_back(fmt::format("- {}{} = {}", prefix, path, v.get<std::string>()));
    }
  }
  return out;
}

// A reason without its parenthesised detail, which the lines show in full.
std::string headline(const std::string& reason) {
  if (!reason.empty() && reason.back() == ')') {
    int depth = 0;
    for (std::size_t i = reason.size(); i-- > 0;) {
      depth += reason[i] == ')' ? 1 : reason[i] == '(' ? -1 : 0;
      if (depth == 0) {
        return i > 0 && reason[i - 1] == ' ' ? reason.substr(0, i - 1) : reason;
      }
    }
  }
  return reason;
}

// The part of a step id after its block: `#associate.public_b`, or "" for the block's main call.
std::string suffix(const std::string& id, const std::string& block) {
  return id.size() > block.size() && id.compare(0, block.size(), block) == 0
             ? id.substr(block.size())
             : "";
}

// An output's value for people: JSON with spaces after commas, `(known after apply)` bare.
std::string value_text(const json& v) {
  if (v.is_string() && v.get_ref<const std::string&>() == "(known after apply)") {
    return "(known after apply)";
  }
  if (v.is_array() || v.is_object()) {
    std::string out;
    for (const auto& [key, item] : v.items()) {
      out += (out.empty() ? "" : ", ") + (v.is_object() ? json(key).dump() + ": " : "") +
             value_text(item);
    }
    return v.is_array() ? "[" + out + "]" : "{" + out + "}";
  }
  return v.dump();
}

} // namespace

std::vector<ResourceChange> by_resource(const Plan* plan, const State& state,
                                        const std::vector<Change>& changes) {
  std::map<std::string, const Resource*, std::less<>> planned;
  // The reads: the plan's, and what the state holds of Describe calls (every read is one; a read
  // the program no longer makes has no step to say so).
  std::set<std::string, std::less<>> reads;
  std::map<std::string, std::vector<const Entry*>, std::less<>> held; // by block
  for (const Entry& e : state.entries) {
    if (e.operation.rfind("Describe", 0) == 0) {
      reads.insert(e.id);
    }
    held[backend::plan::resource_key(e.id)].push_back(&e);
  }
  if (plan) {
    for (const Resource& r : plan->resources) {
      planned.emplace(r.key, &r);
    }
    for (const Step& s : plan->steps) {
      if (s.read) {
        reads.insert(s.id);
      }
    }
  }
  // What a replacement made first deposed (and a stopped apply left) is a resource of its own,
  // `BLOCK~old`, deleted: not a change of the block, whose new one exists.
  // Groups by resource (resource_key): blocks of two kinds that share a path stay apart.
  auto block_of = [&](const Change& c) {
    std::string key = backend::plan::resource_key(c.id);
    const Entry* e = c.step ? nullptr : state.find(c.id);
    return e && e->deposed ? key + std::string(kDeposed) : key;
  };
  // In the order of each block's first change that is not a read; blocks with only reads last.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Change*>> groups;
  for (bool read : {false, true}) {
    for (const Change& c : changes) {
      if (reads.count(c.id) == (read ? 1 : 0)) {
        std::string block = block_of(c);
        if (!groups.count(block)) {
          order.push_back(block);
        }
        groups[block].push_back(&c);
      }
    }
  }
  std::vector<ResourceChange> out;
  std::set<std::string> gone; // paths of the blocks deleted outside eclc as a whole
  for (const std::string& block : order) {
    const auto& group = groups[block];
    ResourceChange r;
    r.block = block;
    auto resource = planned.find(block);
    const Resource* after = resource == planned.end() ? nullptr : resource->second;
    const json* recorded = state.blocks.contains(block) ? &state.blocks[block] : nullptr;
    r.kind = after ? after->kind : recorded ? recorded->value("kind", "") : "";
    if (block.ends_with(kDeposed)) {
      std::string base = block.substr(0, block.size() - kDeposed.size());
      auto it = planned.find(base);
      r.kind = it != planned.end()           ? it->second->kind
               : state.blocks.contains(base) ? state.blocks[base].value("kind", "")
                                             : "";
    }
    std::vector<const Change*> calls; // the changes of calls that are not reads
    for (const Change* c : group) {
      if (!reads.count(c->id)) {
        calls.push_back(c);
      }
    }
    if (calls.empty()) {
      if (std::all_of(group.begin(), group.end(),
                      [](const Change* c) { return c->action == Action::Delete; })) {
        continue; // a read the program no longer makes: nothing to do
      }
      r.read = true;
      r.reason = group.front()->reason;
      out.push_back(std::move(r));
      continue;
    }
    const std::vector<const Entry*>& entries = held[block];
    bool exists = std::any_of(entries.begin(), entries.end(),
                              [&](const Entry* e) { return !e->pending && !reads.count(e->id); });
    auto all = [&](Action a) {
      return std::all_of(calls.begin(), calls.end(),
                         [&](const Change* c) { return c->action == a; });
    };
    auto main_call =
        std::find_if(calls.begin(), calls.end(), [&](const Change* c) { return c->id == block; });
    // Replaced when its main call is; a secondary call made anew (an association) is an update.
    const Change* replaced =
        main_call != calls.end() && (*main_call)->action == Action::Replace ? *main_call : nullptr;
    // Deleted: every call the state holds of it (a targeted destroy may delete only some).
    bool whole = std::all_of(entries.begin(), entries.end(), [&](const Entry* e) {
      return reads.count(e->id) || std::any_of(calls.begin(), calls.end(), [&](const Change* c) {
               return c->id == e->id && c->action == Action::Delete;
             });
    });
    if (!after && whole && all(Action::Delete)) {
      r.action = Action::Delete;
      r.reason = calls.front()->reason;
      out.push_back(std::move(r));
      continue;
    }
    // Gone as a whole: its main call, deleted outside eclc, is made anew, and every call of it the
    // state still holds is made again with it (what configured the deleted resource: a VPC's
    // attribute, a route table's associations, a task's role deleted with it); or it is inside a
    // block gone so and its main call is renewed with it (a route of a deleted route table, which
    // refresh does not read).
    std::string at = block.substr(0, block.find('@'));
    std::string parent = at.substr(0, at.rfind('.') == std::string::npos ? 0 : at.rfind('.'));
    const Change* main = main_call == calls.end() ? nullptr : *main_call;
    bool redone = std::all_of(entries.begin(), entries.end(), [&](const Entry* e) {
      return reads.count(e->id) || e->deposed ||
             std::any_of(calls.begin(), calls.end(), [&](const Change* c) {
               return c->id == e->id && c->action != Action::Delete;
             });
    });
    bool remade = main && main->drifted && main->action == Action::Create && redone;
    bool within =
        main && main->action == Action::Replace && !parent.empty() && gone.count(parent) && redone;
    if (remade) {
      gone.insert(at);
    }
    if ((!exists && all(Action::Create)) || remade || within) {
      r.action = Action::Create;
      r.reason = remade   ? main->reason
                 : within ? fmt::format("deleted outside eclc with `{}`", parent)
                          : calls.front()->reason; // a resumed create says so
      if (after) {
        std::size_t width = 0;
        for (const auto& [path, v] : after->attributes.items()) {
          width = std::max(width, path.size());
        }
        for (const auto& [path, v] : after->attributes.items()) {
          r.lines.push_back(fmt::format("{:<{}} = {}", path, width, v.get<std::string>()));
        }
      }
      out.push_back(std::move(r));
      continue;
    }
    r.action = replaced ? Action::Replace : Action::Update;
    if (recorded && after) {
      // What the block's calls no longer send (a scaled service's `desired`) does not change.
      json before = recorded->value("attributes", json::object());
      json now = after->attributes;
      for (const std::string& name : after->unmanaged) {
        before.erase(name);
        now.erase(name);
      }
      r.lines = changed_paths(before, now);
      // The one attribute that changed, when the main call's own request changed (not only what
      // it names being renewed), is what forces the replacement; every one, when that call is the
      // block's only one and changes nothing in place (a task definition).
      const resources::Operation* op =
          replaced && replaced->step
              ? resources::find_operation(replaced->step->service, replaced->step->operation)
              : nullptr;
      bool immutable = op && op->on_change == resources::OnChange::Replace && calls.size() == 1;
      if (replaced && replaced->renewed.empty() && (r.lines.size() == 1 || immutable)) {
        for (std::string& line : r.lines) {
          line += "  # forces replacement";
        }
      }
    }
    if (!r.lines.empty()) {
      // The attributes say what the program changed; a call that changes only because what it
      // names is renewed says so too (an attribute no call carries may have changed beside it),
      // unless the block is replaced, which renews its other calls anyway.
      for (const Change* c : replaced ? std::vector<const Change*>{} : calls) {
        if (!c->renewed.empty()) {
          std::string which = suffix(c->id, block);
          r.lines.push_back(
              fmt::format("{} {}{}", symbol(*c), which.empty() ? "" : which + ": ", c->reason));
        }
      }
    } else {
      // No record of the block's attributes, or none changed (stack tags, what it names being
      // renewed): the members of its requests that change.
      for (const Change* c : calls) {
        std::string which = suffix(c->id, block);
        const Entry* e = state.find(c->id);
        if (c->action == Action::Delete || (c->action == Action::Create && !e)) {
          r.lines.push_back(
              fmt::format("{} {}", look(c->action).symbol, which.empty() ? c->call : which));
          continue;
        }
        std::vector<std::string> lines;
        if (c->step && e) {
          json before = flat_request(e->params);
          json now = flat_request(c->step->params);
          for (const std::string& member : c->step->unmanaged) { // not sent: not a change
            before.erase(member);
            now.erase(member);
          }
          lines = changed_paths(before, now, which.empty() ? "" : which + " ");
        }
        if (lines.empty() && c != replaced && !c->reason.empty()) {
          lines.push_back(
              fmt::format("{} {}{}", symbol(*c), which.empty() ? "" : which + ": ", c->reason));
        }
        r.lines.insert(r.lines.end(), lines.begin(), lines.end());
      }
    }
    r.reason = replaced ? headline(replaced->reason) : "";
    if (replaced) {
      // Create before destroy (`+/-`), or why the old one must go first.
      r.create_first = replaced->create_first;
      r.reason += replaced->create_first            ? "; the new one is made first"
                  : replaced->deleted_first.empty() ? ""
                                                    : "; " + replaced->deleted_first;
    }
    // What changed outside eclc says so, unless the block is replaced for another reason.
    auto drifted =
        std::find_if(calls.begin(), calls.end(), [](const Change* c) { return c->drifted; });
    if (drifted != calls.end() && (!replaced || replaced->drifted)) {
      r.reason = (*drifted)->reason;
    }
    out.push_back(std::move(r));
  }
  return out;
}

Counts count(const std::vector<ResourceChange>& resources) {
  Counts n;
  for (const ResourceChange& r : resources) {
    if (r.read) {
      continue;
    }
    ++(r.action == Action::Create    ? n.add
       : r.action == Action::Update  ? n.change
       : r.action == Action::Replace ? n.replace
                                     : n.destroy);
  }
  return n;
}

std::vector<std::string> output_changes(const json& before, const json& after) {
  std::vector<std::string> out;
  for (const auto& [name, v] : after.items()) {
    auto it = before.find(name);
    if (it == before.end()) {
      out.push_back(fmt::format("+ {} = {}", name, value_text(v)));
    } else if (*it != v) {
      out.push_back(fmt::format("~ {}: {} -> {}", name, value_text(*it), value_text(v)));
    }
  }
  for (const auto& [name, v] : before.items()) {
    if (!after.contains(name)) {
      out.push_back(fmt::format("- {} = {}", name, value_text(v)));
    }
  }
  return out;
}

std::string render_resources(const std::vector<ResourceChange>& resources,
                             const std::vector<std::string>& outputs, bool color) {
  if (resources.empty() && outputs.empty()) {
    return "No changes.\n";
  }
  auto paint = [&](const char* code, const std::string& text) {
    return color ? fmt::format("{}{}{}", code, text, kReset) : text;
  };
  std::string out;
  for (const ResourceChange& r : resources) {
    std::string head = r.read ? "<=" : r.create_first ? "+/-" : look(r.action).symbol;
    // `task api`, not `task api@task`: the kind says it.
    std::string shown = r.block.substr(0, r.block.find('@'));
    if (auto deposed = r.block.find(kDeposed); deposed != std::string::npos && shown != r.block) {
      shown += std::string(kDeposed);
    }
    std::string name = r.kind.empty() ? r.block : r.kind + " " + shown;
    std::string why = r.read ? (r.reason.empty() ? "read" : "read: " + r.reason) : r.reason;
    out += fmt::format("  {} {}{}\n", paint(r.read ? "\x1b[36m" : look(r.action).color, head),
                       paint("\x1b[1m", name), why.empty() ? "" : "  (" + why + ")");
    for (const std::string& line : r.lines) {
      out += "      " + line + "\n";
    }
  }
  if (!outputs.empty()) {
    out += std::string(resources.empty() ? "" : "\n") + "Changes to outputs:\n";
    for (const std::string& line : outputs) {
      out += "  " + line + "\n";
    }
  }
  Counts n = count(resources);
  out += fmt::format("\n{} {} to add, {} to change, {} to replace, {} to destroy.\n",
                     paint("\x1b[1m", "Plan:"), n.add, n.change, n.replace, n.destroy);
  return out;
}

std::string completed(const Counts& n, bool destroying) {
  return fmt::format("{} complete: {} added, {} changed, {} replaced, {} destroyed.\n",
                     destroying ? "Destroy" : "Apply", n.add, n.change, n.replace, n.destroy);
}

std::string render_calls(const std::vector<Change>& changes, bool color) {
  if (changes.empty()) {
    return "No changes.\n";
  }
  std::size_t call_width = 0, id_width = 0;
  for (const Change& c : changes) {
    call_width = std::max(call_width, c.call.size());
    id_width = std::max(id_width, c.id.size());
  }
  std::string out;
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const Change& c : changes) {
    ++counts[static_cast<int>(c.action)];
    std::string line =
        fmt::format("  {:<3} {:<{}}  {:<{}}  {}", symbol(c), c.call, call_width, c.id, id_width,
                    c.reason + (c.deleted_first.empty() ? "" : "; " + c.deleted_first));
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += (color ? fmt::format("{}{}{}", look(c.action).color, line, kReset) : line) + "\n";
  }
  out += fmt::format("\nCalls: {} to create, {} to update, {} to replace, {} to delete.\n",
                     counts[0], counts[1], counts[2], counts[3]);
  return out;
}

} // namespace ecl::apply
