#include "apply/refresh.h"

#include "backends/resources/registry.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <fmt/format.h>
#include <set>
#include <thread>

namespace ecl::apply {

namespace {

using backend::plan::Plan;
using backend::plan::Step;
using resources::same_text;

bool sets_nothing(const json& v) {
  return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty());
}

std::string short_text(const json& v) {
  if (v.is_null()) {
    return "(none)";
  }
  std::string text = resources::text_of(v);
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

// A live scalar as the request's type: the query protocol answers `false` and `80` as text.
json as_typed(const json& live, const json& wanted) {
  if (live.is_string()) {
    const std::string& t = live.get_ref<const std::string&>();
    if (wanted.is_boolean() && (same_text(t, "true") || same_text(t, "false"))) {
      return same_text(t, "true");
    }
    if (wanted.is_number_integer() && !t.empty() &&
        std::all_of(t.begin(), t.end(), [](char c) { return std::isdigit(c) || c == '-'; })) {
      return std::stoll(t);
    }
  }
  return live;
}

// `$ids` replaced by `ids` wherever it stands.
json with_ids(const json& value, const json& ids) {
  if (value.is_string() && value.get_ref<const std::string&>() == "$ids") {
    return ids;
  }
  if (value.is_structured()) {
    json out = value;
    for (auto it = out.begin(); it != out.end(); ++it) {
      *it = with_ids(*it, ids);
    }
    return out;
  }
  return value;
}

// The entries of one read: the same call with the same params besides the ids.
struct Group {
  const resources::Refresh* spec = nullptr;
  json params;
  std::vector<std::string> ids; // distinct, in the order first recorded
  // The entries read, with their own refresh (what they compare): several calls of one resource
  // (a subnet and its attribute) share a read.
  std::vector<std::pair<std::string, const resources::Refresh*>> owners;
};

// Every item the read finds for `ids`, by id; false with `error` on a failure that is not "gone"
// (`gone` set when the read says one of the ids does not exist).
bool read(const Client& client, const Group& g, const std::vector<std::string>& ids,
          std::map<std::string, json>& found, std::size_t& calls, bool& gone, std::string& error) {
  const resources::Refresh& spec = *g.spec;
  json params = with_ids(g.params, json(ids));
  while (true) {
    ++calls;
    Result r =
        client.call(std::string(spec.read.service), std::string(spec.read.operation), params);
    if (!r.ok) {
      if (resources::has_code(spec.read.gone, r.code, r.message)) {
        gone = true;
        return true;
      }
      error =
          fmt::format("{}:{}: {}: {}", spec.read.service, spec.read.operation, r.code, r.message);
      return false;
    }
    json items =
        spec.items.empty() ? r.response : response_value(r.response, std::string(spec.items));
    if (items.is_object()) {
      items = json::array({items});
    }
    for (const json& item : items.is_array() ? items : json::array()) {
      std::string id = resources::text_of(response_value(item, std::string(spec.id)));
      if (!id.empty()) {
        found.emplace(id, item);
      }
    }
    json token =
        spec.next_token.empty() ? json() : response_value(r.response, std::string(spec.next_token));
    if (sets_nothing(token)) {
      return true;
    }
    params[std::string(spec.next_token)] = token;
  }
}

} // namespace

bool holds(const json& live, const json& wanted) {
  if (sets_nothing(wanted)) {
    return true;
  }
  if (wanted.is_object()) {
    return live.is_object() &&
           std::all_of(wanted.items().begin(), wanted.items().end(), [&](const auto& member) {
             return holds(response_value(live, member.key()), member.value());
           });
  }
  if (wanted.is_array()) {
    if (wanted.empty()) {
      return live.is_null() || (live.is_array() && live.empty());
    }
    return live.is_array() && std::all_of(wanted.begin(), wanted.end(), [&](const json& w) {
             return std::any_of(live.begin(), live.end(),
                                [&](const json& l) { return holds(l, w); });
           });
  }
  if (live.is_null() || live.is_structured()) {
    return false;
  }
  return same_text(resources::text_of(live), resources::text_of(wanted));
}

std::optional<std::string> drift_of(const resources::Refresh& refresh, Entry& entry,
                                    const json* item, const std::vector<std::string>& unmanaged) {
  if (!item) {
    return "deleted outside eclc";
  }
  if (!refresh.status.empty()) {
    json status = response_value(*item, std::string(refresh.status));
    if (status.is_string() && resources::has_code(refresh.gone_status, status.get<std::string>())) {
      return "deleted outside eclc";
    }
  }
  std::vector<std::string> said;
  for (const resources::Compared& c : refresh.compare) {
    std::string member(c.member);
    std::string top = member.substr(0, member.find('.'));
    if (std::find(unmanaged.begin(), unmanaged.end(), top) != unmanaged.end()) {
      continue;
    }
    json wanted = response_value(entry.request, member);
    json live = response_value(*item, std::string(c.path.empty() ? c.member : c.path));
    if (holds(live, wanted)) {
      continue;
    }
    if (c.gone) {
      return std::string(c.said);
    }
    live = as_typed(live, wanted);
    said.push_back(c.said.empty()
                       ? fmt::format("{} {} -> {}", member, short_text(wanted), short_text(live))
                       : std::string(c.said));
    // The recorded request as AWS holds it, so the plan brings it back.
    std::string pointer = "/" + member;
    std::replace(pointer.begin(), pointer.end(), '.', '/');
    json::json_pointer at(pointer);
    if (entry.params.contains(at.parent_pointer()) &&
        entry.params[at.parent_pointer()].is_object()) {
      entry.params[at] = live;
    } else {
      entry.params[top] = live;
    }
  }
  if (said.empty()) {
    return std::nullopt;
  }
  bool custom = std::all_of(refresh.compare.begin(), refresh.compare.end(),
                            [](const resources::Compared& c) { return !c.said.empty(); });
  std::string out = custom ? "" : "changed outside eclc: ";
  for (std::size_t i = 0; i < said.size(); ++i) {
    out += (i ? ", " : "") + said[i];
  }
  return out;
}

bool refresh(const Client& client, const Plan& plan, State& state, Drift& drift, std::size_t& calls,
             std::size_t& read_entries, std::string& error, int parallelism) {
  std::map<std::string, const Step*> steps;
  for (const Step& s : plan.steps) {
    steps.emplace(s.id, &s);
  }
  // Entries grouped by read, in the order of their first entry.
  std::vector<Group> groups;
  std::map<std::string, std::size_t> index;
  std::map<std::string, std::string> subject; // entry id -> what its read finds it by
  for (const Entry& e : state.entries) {
    const resources::Operation* op = resources::find_operation(e.service, e.operation);
    if (e.pending || !op || !op->refresh) {
      continue;
    }
    const resources::Refresh& spec = *op->refresh;
    std::string id = resources::text_of(
        resources::fill(json(std::string(spec.subject)), *op, e.outputs, e.request, e.block));
    if (id.empty()) {
      continue;
    }
    json params = resources::fill(spec.read.params, *op, e.outputs, e.request, e.block);
    std::string key =
        fmt::format("{}:{} {}", spec.read.service, spec.read.operation, params.dump());
    auto [it, added] = index.emplace(key, groups.size());
    if (added) {
      groups.push_back({&spec, std::move(params), {}, {}});
    }
    Group& g = groups[it->second];
    if (std::find(g.ids.begin(), g.ids.end(), id) == g.ids.end()) {
      g.ids.push_back(id);
    }
    g.owners.emplace_back(e.id, &spec);
    ++read_entries;
    subject[e.id] = id;
  }
  // Each group's reads, the groups at once (at most `parallelism` in flight): a refresh costs
  // the round trips of its longest group, not of all of them.
  struct Read {
    std::map<std::string, json> found;
    std::size_t calls = 0;
    bool ok = true;
    std::string error;
  };
  std::vector<Read> reads(groups.size());
  auto read_group = [&](std::size_t n) {
    const Group& g = groups[n];
    Read& r = reads[n];
    std::size_t batch = g.spec->batch ? g.spec->batch : g.ids.size();
    for (std::size_t i = 0; i < g.ids.size(); i += batch) {
      std::vector<std::string> ids(
          g.ids.begin() + static_cast<std::ptrdiff_t>(i),
          g.ids.begin() + static_cast<std::ptrdiff_t>(std::min(i + batch, g.ids.size())));
      bool gone = false;
      if (!read(client, g, ids, r.found, r.calls, gone, r.error)) {
        r.ok = false;
        return;
      }
      // A read that fails for one missing id says nothing of the others: each is read alone.
      for (std::size_t k = 0; gone && ids.size() > 1 && k < ids.size(); ++k) {
        bool alone_gone = false;
        if (!read(client, g, {ids[k]}, r.found, r.calls, alone_gone, r.error)) {
          r.ok = false;
          return;
        }
      }
    }
  };
  std::atomic<std::size_t> next = 0;
  std::vector<std::thread> readers;
  for (int t = 0; t < std::max(1, parallelism) && static_cast<std::size_t>(t) < groups.size();
       ++t) {
    readers.emplace_back([&] {
      for (std::size_t n = next++; n < groups.size(); n = next++) {
        read_group(n);
      }
    });
  }
  for (std::thread& t : readers) {
    t.join();
  }
  for (const Read& r : reads) {
    calls += r.calls;
    if (!r.ok) {
      error = r.error;
      return false;
    }
  }
  std::set<std::string> dropped;
  for (std::size_t n = 0; n < groups.size(); ++n) {
    const Group& g = groups[n];
    const std::map<std::string, json>& found = reads[n].found;
    for (const auto& [owner, spec] : g.owners) {
      Entry* e = state.find(owner);
      auto it = found.find(subject[owner]);
      auto step = steps.find(owner);
      std::vector<std::string> unmanaged =
          step == steps.end() ? std::vector<std::string>{} : step->second->unmanaged;
      auto why = drift_of(*spec, *e, it == found.end() ? nullptr : &it->second, unmanaged);
      if (why) {
        drift[owner] = *why;
        if (it == found.end() || why->ends_with("deleted outside eclc")) {
          dropped.insert(owner);
        }
      }
    }
  }
  for (const std::string& id : dropped) {
    state.erase(id);
  }
  return true;
}

} // namespace ecl::apply
