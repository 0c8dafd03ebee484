#include "apply/engine.h"

#include "backends/resources/registry.h"

#include <algorithm>
#include <condition_variable>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace ecl::apply {

using backend::plan::Plan;
using backend::plan::Step;

namespace {

// ---- Semantic comparison ------------------------------------------------------------------------

// Whether an answer without the output at `path` still records what the call made
// (resources::Output::optional).
bool optional_output(const resources::Operation& op, const std::string& path) {
  return std::any_of(op.outputs.begin(), op.outputs.end(),
                     [&](const resources::Output& o) { return o.optional && o.path == path; });
}

// Whether the answer of a step's call must give something it produces.
bool needs_answer(const Step& step, const resources::Operation& op) {
  return std::any_of(step.produces.begin(), step.produces.end(), [&](const json& path) {
    return !optional_output(op, path.get<std::string>());
  });
}

// A value in a canonical form: objects with sorted members (as nlohmann::json keeps them), tag
// lists sorted by key.
nlohmann::json canonical(const json& value) {
  nlohmann::json out(value);
  std::function<void(nlohmann::json&)> sort_tags = [&](nlohmann::json& v) {
    if (!v.is_structured()) {
      return;
    }
    for (nlohmann::json& item : v) {
      sort_tags(item);
    }
    auto tag = [](const nlohmann::json& t) {
      return t.is_object() && (t.contains("Key") || t.contains("key"));
    };
    if (v.is_array() && !v.empty() && std::all_of(v.begin(), v.end(), tag)) {
      std::sort(v.begin(), v.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
        return a.value("Key", a.value("key", "")) < b.value("Key", b.value("key", ""));
      });
    }
  };
  sort_tags(out);
  return out;
}

// The top-level members whose values differ, in the new request's order then the old's.
std::vector<std::string> changed_members(const json& before, const json& after) {
  std::vector<std::string> out;
  for (const auto& [k, v] : after.items()) {
    if (!before.contains(k) || canonical(before[k]) != canonical(v)) {
      out.push_back(k);
    }
  }
  for (const auto& [k, v] : before.items()) {
    if (!after.contains(k)) {
      out.push_back(k);
    }
  }
  return out;
}

// A request without the members a step leaves to another owner after its creation
// (Step::unmanaged): what a plan compares and an update sends.
json managed(const Step& step, const json& request) {
  if (step.unmanaged.empty() || !request.is_object()) {
    return request;
  }
  json out = request;
  for (const std::string& m : step.unmanaged) {
    out.erase(m);
  }
  return out;
}

// The steps a value's placeholders name.
void referenced_steps(const json& value, const std::set<std::string, std::less<>>& ids,
                      std::set<std::string>& out) {
  if (value.is_string()) {
    for (const auto& [step, path] : backend::plan::placeholders(value.get<std::string>(), ids)) {
      out.insert(step);
    }
  } else if (value.is_structured()) {
    for (const auto& v : value) {
      referenced_steps(v, ids, out);
    }
  }
}

// The descriptor of a step's or entry's call (backends/resources); a call without one is replaced
// when it changes and deletes nothing.
const resources::Operation& operation_of(const std::string& service, const std::string& name) {
  static const resources::Operation none{};
  const resources::Operation* op = resources::find_operation(service, name);
  return op ? *op : none;
}

// The call other than the update call that sets `member` in place (resources::Operation::set_by),
// or null.
const resources::Request* set_by(const resources::Operation& op, std::string_view member) {
  auto it = std::find_if(op.set_by.begin(), op.set_by.end(),
                         [&](const auto& s) { return s.first == member; });
  return it == op.set_by.end() ? nullptr : &it->second;
}

// A template of the descriptor filled from what an entry's call recorded (and the answer of the
// call just made, when given).
json fill_from(const json& value, const resources::Operation& op, const Entry& e,
               const json* answer = nullptr) {
  return resources::fill(value, op, e.outputs, e.request, e.block, answer);
}

// The entry that records a step's call, sent as `request` (what it made is the caller's to add).
Entry entry_of(const Step& step, json request) {
  Entry e;
  e.id = step.id;
  e.block = step.block;
  e.service = step.service;
  e.operation = step.operation;
  e.params = step.params;
  e.request = std::move(request);
  e.depends_on = step.depends_on;
  return e;
}

// Records what a step's call gives (Step::produces) from its answer, but what `kept` holds (an
// earlier answer's: Change::extends); returns the path of one the answer lacks, or "".
std::string take_outputs(const Step& step, const resources::Operation& op, const json& answer,
                         const json* kept, Entry& e) {
  for (const json& p : step.produces) {
    const std::string& path = p.get_ref<const std::string&>();
    json v = kept && kept->contains(path) ? (*kept)[path] : response_value(answer, path);
    if (v.is_null() && !optional_output(op, path)) {
      return path;
    }
    if (!v.is_null()) {
      e.outputs[path] = std::move(v);
    }
  }
  return "";
}

std::string short_value(const json& v) {
  std::string text = resources::text_of(v);
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

// ---- Tags ---------------------------------------------------------------------------------------

using resources::is_tag_member;
using resources::tag_map;
using resources::TagMap;
using resources::tags_of;

// For people: `env prod -> staging, +owner=ops, -cost_center`.
std::string describe_tags(const TagMap& before, const TagMap& after) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : after) {
    auto it = before.find(k);
    if (it == before.end()) {
      parts.push_back(fmt::format("+{}={}", k, short_value(v)));
    } else if (it->second != v) {
      parts.push_back(fmt::format("{} {} -> {}", k, short_value(it->second), short_value(v)));
    }
  }
  for (const auto& [k, v] : before) {
    if (!after.count(k)) {
      parts.push_back("-" + k);
    }
  }
  return fmt::format("tags {}", fmt::join(parts, ", "));
}

// The id, ARN or name the tag calls of what an entry made take ("" when not recorded).
std::string tag_subject(const resources::Operation& op, const Entry& e) {
  return resources::text_of(fill_from(json(std::string(op.tags.subject)), op, e));
}

std::string call_name(const resources::Request& r) {
  return fmt::format("{}:{}", r.service, r.operation);
}

// How a changed step changes: update in place, or replace with a reason. `upstream` holds the
// top-level members of its request that name a renewed step (member -> that step): they change
// too, whatever else did, so a step renewed upstream is never only re-tagged.
Change classify(const Step& step, const Entry& entry,
                const std::map<std::string, std::string>& upstream) {
  const resources::Operation& op = operation_of(step.service, step.operation);
  Change c{.id = step.id, .step = &step};
  std::vector<std::string> members =
      changed_members(managed(step, entry.params), managed(step, step.params));
  for (const auto& [m, renewed] : upstream) {
    if (std::find(members.begin(), members.end(), m) == members.end()) {
      members.push_back(m);
    }
  }
  std::vector<std::string> untagged; // the members that changed besides the tags
  std::copy_if(members.begin(), members.end(), std::back_inserter(untagged),
               [&](const std::string& m) { return !is_tag_member(m) || upstream.count(m); });
  const bool tags_changed = untagged.size() < members.size();
  std::string tag_text =
      tags_changed ? describe_tags(tag_map(entry.params), tag_map(step.params)) : "";
  // The call that changes the tags in place ("" when they cannot change without replacing what
  // the entry made: a security group rule's id is not recorded).
  std::string tagger =
      tags_changed && !tag_subject(op, entry).empty() ? resources::tag_call(op.tags.style) : "";
  if (tags_changed && untagged.empty() && !tagger.empty()) {
    // Only the tags: they change in place, whatever the resource (even a task definition).
    return {Action::Update, step.id, &step, tag_text, tagger};
  }
  // A member that changes only because a step it names is renewed.
  auto renewal = [&](const std::string& m) -> const std::string* {
    auto it = upstream.find(m);
    bool written = entry.params.contains(m) && step.params.contains(m) &&
                   canonical(entry.params[m]) == canonical(step.params[m]);
    return it != upstream.end() && written ? &it->second : nullptr;
  };
  // The members of an object member that changed, when the update call takes some of them alone
  // ("autoScalingGroupProvider.managedScaling" in `updatable`), else none: as paths below it, as
  // deep as `updatable` names them, the items of a list of as many objects read as one
  // ("DnsRecords.TTL" of Cloud Map's DnsConfig, whose records' Type cannot change).
  auto below = [&](const std::string& path) {
    return std::any_of(op.updatable.begin(), op.updatable.end(), [&](std::string_view u) {
      return u.size() > path.size() && u.starts_with(path) && u[path.size()] == '.';
    });
  };
  std::function<void(const json&, const json&, const std::string&, std::vector<std::string>&)>
      paths = [&](const json& before, const json& after, const std::string& path,
                  std::vector<std::string>& out) {
        if (below(path) && before.is_object() && after.is_object()) {
          for (const std::string& k : changed_members(before, after)) {
            paths(before.value(k, json()), after.value(k, json()), path + "." + k, out);
          }
        } else if (below(path) && before.is_array() && after.is_array() &&
                   before.size() == after.size()) {
          for (std::size_t i = 0; i < before.size(); ++i) {
            if (canonical(before[i]) != canonical(after[i])) {
              paths(before[i], after[i], path, out);
            }
          }
        } else if (std::find(out.begin(), out.end(), path) == out.end()) {
          out.push_back(path);
        }
      };
  auto inner_changes = [&](const std::string& m) {
    const json& before = entry.params.value(m, json());
    const json& after = step.params.value(m, json());
    std::vector<std::string> out;
    if (below(m) && before.is_object() && after.is_object()) {
      paths(before, after, m, out);
      for (std::string& p : out) {
        p.erase(0, m.size() + 1); // below `m`, as the callers name them
      }
    }
    return out;
  };
  // The value at a path below `m` (the first item's of a list on the way), for people.
  auto at_path = [](const json& value, const std::string& path) {
    const json* v = &value;
    for (std::size_t start = 0; v && start <= path.size();) {
      std::size_t dot = std::min(path.find('.', start), path.size());
      const std::string key = path.substr(start, dot - start);
      if (v->is_array() && !v->empty()) {
        v = &v->front();
      }
      v = v->is_object() && v->contains(key) ? &(*v)[key] : nullptr;
      start = dot + 1;
    }
    return v ? short_value(*v) : std::string("(none)");
  };
  auto describe = [&](const std::string& m) {
    if (const std::string* r = renewal(m)) {
      return "`" + *r + "` is renewed";
    }
    if (is_tag_member(m)) {
      return tag_text;
    }
    const json& old_list = entry.params.value(m, json());
    const json& new_list = step.params.value(m, json());
    if (std::vector<std::string> inner = inner_changes(m); !inner.empty()) {
      std::string out;
      for (const std::string& k : inner) {
        out += fmt::format("{}{}.{} {} -> {}", out.empty() ? "" : ", ", m, k, at_path(old_list, k),
                           at_path(new_list, k));
      }
      return out;
    }
    if (m == "containerDefinitions" && old_list.is_array() && new_list.is_array()) {
      // Name the container and the member that changed.
      for (std::size_t i = 0; i < std::min(old_list.size(), new_list.size()); ++i) {
        for (const std::string& k : changed_members(old_list[i], new_list[i])) {
          return fmt::format("container `{}` {} {} -> {}", new_list[i].value("name", ""), k,
                             at_path(old_list[i], k), at_path(new_list[i], k));
        }
      }
    }
    return fmt::format("{} {} -> {}", m, at_path(entry.params, m), at_path(step.params, m));
  };
  auto updatable = [&](const std::string& m) {
    // Tags change with the tag calls beside the update call; of an object, the members the
    // update call takes (but not what names a renewed step).
    std::vector<std::string> inner =
        upstream.count(m) ? std::vector<std::string>{} : inner_changes(m);
    return resources::has_code(op.updatable, m) || set_by(op, m) != nullptr ||
           (is_tag_member(m) && !upstream.count(m) && !tagger.empty()) ||
           (!inner.empty() && std::all_of(inner.begin(), inner.end(), [&](const std::string& k) {
             return resources::has_code(op.updatable, m + "." + k);
           }));
  };
  // A call made again acts on what its request names: a member with a reason of its own to
  // replace names another resource (a scalable target's ResourceId), which is made anew and the
  // old one deleted, not left behind.
  auto names_another = [&](const std::string& m) {
    return !renewal(m) && std::any_of(op.replace_reasons.begin(), op.replace_reasons.end(),
                                      [&](const auto& r) { return r.first == m; });
  };
  if ((op.on_change == resources::OnChange::Update && op.update &&
       std::all_of(members.begin(), members.end(), updatable)) ||
      (op.on_change == resources::OnChange::Repeat &&
       std::none_of(members.begin(), members.end(), names_another))) {
    c.action = Action::Update;
    const resources::Request* apart = op.update ? set_by(op, members.front()) : nullptr;
    c.call = op.on_change == resources::OnChange::Repeat ? step.service + ":" + step.operation
             : apart && members.size() == 1              ? call_name(*apart)
                                                         : call_name(*op.update);
    c.reason = describe(members.front());
    for (std::size_t i = 1; op.update && i < members.size(); ++i) {
      c.reason += ", " + describe(members[i]);
    }
    return c;
  }
  // What a replacement is for: the first member besides the tags that changed.
  const std::string& m = untagged.empty() ? members.front() : untagged.front();
  c.action = Action::Replace;
  c.call = step.service + ":" + step.operation;
  auto reason = std::find_if(op.replace_reasons.begin(), op.replace_reasons.end(),
                             [&](const auto& r) { return r.first.empty() || r.first == m; });
  if (renewal(m)) {
    c.reason = describe(m);
  } else if (reason != op.replace_reasons.end()) {
    c.reason = fmt::format(fmt::runtime(reason->second), describe(m));
  } else if (is_tag_member(m)) {
    c.reason = "its tags cannot change in place: its id is not recorded (" + describe(m) + ")";
  } else {
    c.reason = fmt::format("`{}` cannot change in place ({})", m, describe(m));
  }
  return c;
}

// ---- Waiting for what AWS does after answering --------------------------------------------------

enum class Poll { Done, Pending, Failed };

// A descriptor's waiter for one resource: what it waits for, for people, and the probe's request.
struct Waiting {
  const resources::Waiter* spec = nullptr;
  std::string what; // "NAT gateway nat-0abc to be deleted"
  json params;
};

Waiting waiting(const resources::Waiter& w, const resources::Operation& op, const Entry& e,
                const json* answer = nullptr) {
  std::string subject = resources::text_of(fill_from(json(std::string(w.subject)), op, e, answer));
  return {&w, fmt::format(fmt::runtime(w.what), subject), fill_from(w.probe.params, op, e, answer)};
}

// Done, still pending or failed, from the probe's answer; `state` is what the answer says.
Poll check(const resources::Waiter& w, const Result& r, std::string& state) {
  json present = response_value(r.response, std::string(w.present.empty() ? w.status : w.present));
  json status = response_value(r.response, std::string(w.status));
  state = !r.ok || present.is_null() ? "gone"
          : status.is_string()       ? status.get<std::string>()
                                     : std::string(w.idle);
  auto any = [&](const resources::Codes& states) {
    return std::any_of(states.begin(), states.end(),
                       [&](std::string_view s) { return resources::same_text(s, state); });
  };
  if (any(w.done)) {
    return Poll::Done;
  }
  if (!any(w.failed)) {
    return Poll::Pending;
  }
  json why = w.reason.empty() ? json() : response_value(r.response, std::string(w.reason));
  if (why.is_string()) {
    state += ": " + why.get<std::string>();
  }
  return Poll::Failed;
}

// Probes until the waiter is done, with growing pauses (first_delay, doubling up to max_delay),
// for at most `timeout`; `on_poll` hears what is awaited after each probe that says not yet.
bool wait_until(const Client& client, const Waiting& w, const WaitPolicy& policy,
                const std::function<void(const std::string&)>& on_poll, std::string& error) {
  using clock = std::chrono::steady_clock;
  auto start = clock::now();
  auto delay = policy.first_delay;
  std::string state;
  const resources::Request& probe = w.spec->probe;
  while (true) {
    Result r = client.call(std::string(probe.service), std::string(probe.operation), w.params);
    if (!r.ok && !resources::has_code(probe.gone, r.code)) {
      error = fmt::format("waiting for {}: {}:{} failed: {}: {}", w.what, probe.service,
                          probe.operation, r.code, r.message);
      return false;
    }
    Poll p = check(*w.spec, r, state);
    if (p == Poll::Done) {
      return true;
    }
    if (p == Poll::Failed) {
      error = fmt::format("waiting for {}: it is {}", w.what, state);
      return false;
    }
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - start);
    if (elapsed >= policy.timeout) {
      error = fmt::format("timed out after {} s waiting for {} (last state: {}); raise "
                          "--wait-timeout, or run the command again to go on waiting",
                          std::chrono::duration_cast<std::chrono::seconds>(policy.timeout).count(),
                          w.what, state);
      return false;
    }
    on_poll(fmt::format("waiting for {} ({}, {} s)", w.what, state,
                        std::chrono::duration_cast<std::chrono::seconds>(elapsed).count()));
    std::this_thread::sleep_for(std::min(delay, policy.timeout - elapsed));
    delay = std::min(delay * 2, policy.max_delay);
  }
}

// ---- Calls of each change -----------------------------------------------------------------------

// A call, the codes that mean what it acts on is already gone, and what to wait for once AWS
// accepted it.
struct Call : resources::Call {
  const resources::Codes* gone = nullptr;
  std::optional<Waiting> then = std::nullopt;
  std::string_view unsuccessful = ""; // see resources::Request
  const resources::Codes* busy = nullptr;
};

// An answer listing what the call failed for (resources::Request::unsuccessful) as a failure: of
// the first item that is not gone, else of the first.
void take_unsuccessful(const Call& call, Result& r) {
  json items = call.unsuccessful.empty() || !r.ok
                   ? json()
                   : response_value(r.response, std::string(call.unsuccessful));
  if (!items.is_array() || items.empty()) {
    return;
  }
  auto text = [](const json& item, const char* path) {
    json v = response_value(item, path);
    return v.is_null() ? std::string() : resources::text_of(v);
  };
  auto failed = std::find_if(items.begin(), items.end(), [&](const json& item) {
    return !resources::has_code(*call.gone, text(item, "Error.Code"));
  });
  const json& item = failed == items.end() ? items[0] : *failed;
  r.ok = false;
  r.code = text(item, "Error.Code");
  r.message = text(item, "Error.Message");
}

// The calls that delete what an entry's call made (none for calls that only configure what
// another entry deletes).
std::vector<Call> delete_calls(const Entry& e) {
  const resources::Operation& op = operation_of(e.service, e.operation);
  std::vector<Call> out;
  for (const resources::Removal& removal : op.remove) {
    const resources::Request& r = removal.call;
    out.push_back({{std::string(r.service), std::string(r.operation), fill_from(r.params, op, e)},
                   &r.gone,
                   std::nullopt,
                   r.unsuccessful,
                   &r.busy});
    if (removal.then) {
      out.back().then = waiting(*removal.then, op, e);
    }
  }
  return out;
}

// The calls that bring the tags of what an entry made from its recorded request's to `request`'s.
std::vector<Call> tag_calls(const Entry& e, const json& request) {
  const resources::Operation& op = operation_of(e.service, e.operation);
  std::vector<Call> out;
  for (resources::Call& c : resources::tag_calls(op.tags, tag_subject(op, e), e.request, request)) {
    out.push_back({std::move(c)});
  }
  return out;
}

// ---- Ownership ----------------------------------------------------------------------------------

// The tag naming the state that created a resource: its lineage. Every create call that carries
// the `ecl:path` tag carries this one beside it, and a lookup adopts only what carries ours.
constexpr std::string_view kLineageTag = "ecl:lineage";

// The request with the state's lineage tag beside each `ecl:path` tag it carries (in the
// spelling of that tag: a {Key, Value, ...} or {key, value} object of a list, a member of a map).
void stamp(json& value, const std::string& lineage) {
  if (value.is_array()) {
    std::optional<json> path;
    for (json& v : value) {
      if (v.is_object() && (v.value("Key", "") == "ecl:path" || v.value("key", "") == "ecl:path")) {
        path = v;
      }
      stamp(v, lineage);
    }
    if (path) {
      const char* key = path->contains("Key") ? "Key" : "key";
      const char* val = path->contains("Key") ? "Value" : "value";
      auto it = std::find_if(value.begin(), value.end(), [&](const json& v) {
        return v.is_object() && v.value(key, "") == kLineageTag;
      });
      json& tag = it == value.end() ? value.emplace_back(*path) : *it;
      tag[key] = kLineageTag;
      tag[val] = lineage;
    }
  } else if (value.is_object()) {
    for (auto& [k, v] : value.items()) {
      stamp(v, lineage);
    }
    if (value.contains("ecl:path") && value["ecl:path"].is_string()) {
      value[std::string(kLineageTag)] = lineage;
    }
  }
}

// ---- Finding what an interrupted call made ------------------------------------------------------

// A candidate's tags, where its lookup reads them: in the candidate, or in the answer of the
// lookup's `read_tags` call for it (whose "$item.PATH" strings are the candidate's members).
TagMap candidate_tags(const Client& client, const resources::Lookup& l, const json& item,
                      std::string& error) {
  if (l.tags.empty()) {
    return {};
  }
  if (!l.read_tags) {
    return tags_of(response_value(item, std::string(l.tags)));
  }
  auto fill_item = [&](const json& value, auto& self) -> json {
    if (value.is_string() && value.get_ref<const std::string&>().starts_with("$item.")) {
      return response_value(item, value.get<std::string>().substr(6));
    }
    if (!value.is_structured()) {
      return value;
    }
    json out = value;
    for (auto& [k, v] : out.items()) {
      v = self(v, self);
    }
    return out;
  };
  const resources::Request& call = *l.read_tags;
  Result r = client.call(std::string(call.service), std::string(call.operation),
                         fill_item(call.params, fill_item));
  if (!r.ok) {
    if (!resources::has_code(call.gone, r.code)) {
      error = fmt::format("{}: {}", r.code, r.message);
    }
    return {};
  }
  return tags_of(response_value(r.response, std::string(l.tags)));
}

// Whether a candidate of a lookup, with its tags `tags`, is ours: it carries the `ecl:path` tag
// of the block when the lookup is by tag (moto ignores some kinds' tag filters, so the tag is
// checked here too) and is not being deleted, and it carries the lineage `lineage` (when not "")
// where the lookup reads tags.
bool ours(const resources::Lookup& l, const json& item, TagMap& tags, const std::string& block,
          const std::string& lineage) {
  if (l.by_tag) {
    std::string state = item.value("State", "");
    if (tags["ecl:path"] != block || state == "deleted" || state == "deleting") {
      return false;
    }
  }
  return lineage.empty() || l.tags.empty() || tags[std::string(kLineageTag)] == lineage;
}

// A value with only `members` of each object of a list (all of it when `members` is empty).
json project(const json& value, const resources::Codes& members) {
  if (members.empty() || !value.is_array()) {
    return value;
  }
  json out = json::array();
  for (const json& item : value) {
    json kept = json::object();
    for (std::string_view m : members) {
      kept[std::string(m)] = item.is_object() ? item.value(std::string(m), json()) : json();
    }
    out.push_back(std::move(kept));
  }
  return out;
}

// What an entry records as what it made (Entry::resource) from its call's answer: the `id`
// output, else the first `arn` or `name`.
std::string resource_of(const resources::Operation& op, const json& response) {
  std::string out;
  for (const resources::Output& o : op.outputs) {
    if (o.name == "id" || (out.empty() && (o.name == "arn" || o.name == "name"))) {
      json v = response_value(response, std::string(o.path));
      out = v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump();
      if (o.name == "id") {
        break;
      }
    }
  }
  return out;
}

// The answer the create call would have given, from a candidate of its lookup.
json lookup_answer(const resources::Lookup& l, const json& item) {
  json out = json::object();
  if (!l.answer.empty()) {
    for (const auto& [member, from] : l.answer) {
      out[std::string(member)] = item.value(std::string(from), json(""));
    }
  } else if (l.wrapper.ends_with("[0]")) { // the create call answers a list of one
    out = json{{std::string(l.wrapper.substr(0, l.wrapper.size() - 3)), json::array({item})}};
  } else {
    out = l.wrapper.empty() ? item : json{{std::string(l.wrapper), item}};
  }
  return out;
}

// The answer the interrupted create call `request` of block `block` would have given, when what
// it creates exists and is ours (it carries the lineage tag the request carried): found by the
// descriptor's lookup (by tag, name or association). Nullopt when it does not exist (the call
// never reached AWS) or the call has no lookup (it is made again; its `done` codes cover a
// repeat). `foreign` (when given) is set when one that matches exists but is not ours.
// `held`: what deposed entries made (Entry::resource), which carries the same tags as what the
// call makes and is never the answer.
std::optional<json> recover(const Client& client, const std::string& service,
                            const std::string& operation, const std::string& block,
                            const json& request, std::string& error, bool* foreign = nullptr,
                            const std::set<std::string>* held = nullptr) {
  const resources::Operation& op = operation_of(service, operation);
  if (!op.lookup) {
    return std::nullopt;
  }
  const resources::Lookup& l = *op.lookup;
  const json none = json::object();
  TagMap sent = tag_map(request);
  std::string lineage = sent.count(std::string(kLineageTag)) ? sent[std::string(kLineageTag)] : "";
  json params = resources::fill(l.describe.params, op, none, request, block);
  if (l.by_tag) {
    const std::string filters(l.filters);
    params[filters] = json::array({{{"Name", "tag:ecl:path"}, {"Values", json::array({block})}}});
    if (!lineage.empty()) {
      params[filters].push_back(
          {{"Name", "tag:" + std::string(kLineageTag)}, {"Values", json::array({lineage})}});
    }
  }
  Result r =
      client.call(std::string(l.describe.service), std::string(l.describe.operation), params);
  if (!r.ok) {
    if (!resources::has_code(l.describe.gone, r.code)) {
      error = fmt::format("{}: {}", r.code, r.message);
    }
    return std::nullopt;
  }
  json items = l.items.empty() ? r.response : response_value(r.response, std::string(l.items));
  if (items.is_object()) {
    items = json::array({items});
  }
  for (const json& item : items.is_array() ? items : json::array()) {
    // Tags read by a call of their own are read only for the candidates that match.
    TagMap tags;
    if (!l.read_tags) {
      tags = candidate_tags(client, l, item, error);
    }
    if (!ours(l, item, tags, block, "")) {
      continue;
    }
    bool matches = std::all_of(l.match.begin(), l.match.end(), [&](const resources::Match& m) {
      json want = resources::fill(json(std::string(m.expected)), op, none, request, block);
      json got = project(response_value(item, std::string(m.item)), m.members);
      want = project(want, m.members);
      // The query protocol answers in text: a port of 80 comes back as "80".
      if (got.is_string() && want.is_number()) {
        return got == json(want.dump());
      }
      return got == want;
    });
    if (!matches) {
      continue;
    }
    if (l.read_tags) {
      tags = candidate_tags(client, l, item, error);
      if (!error.empty()) {
        return std::nullopt;
      }
    }
    if (!ours(l, item, tags, block, lineage)) {
      if (foreign) {
        *foreign = true; // what the call would make exists, of another state or none
      }
      continue;
    }
    json out = lookup_answer(l, item);
    if (held && held->count(resource_of(op, out))) {
      continue; // the one a replacement made beside it deposed: ours, and not this one
    }
    return out;
  }
  return std::nullopt;
}

// Why what the create call `request` would make or take is refused: it exists, found by the
// lookup, and is another state's (or no state's).
std::string not_ours(const resources::Operation& op, const std::string& service,
                     const std::string& operation, const std::string& block, const json& request) {
  const resources::Lookup& l = *op.lookup;
  json subject = resources::fill(json(std::string(l.subject)), op, json::object(), request, block);
  std::string what = l.what.empty()
                         ? fmt::format("what {}:{} would make", service, operation)
                         : fmt::format(fmt::runtime(l.what), resources::text_of(subject));
  return fmt::format("{} exists and is not this state's (it has no `{}` tag of this state); eclc "
                     "does not take it over",
                     what, kLineageTag);
}

// ---- Running a graph of tasks -------------------------------------------------------------------

struct Task {
  std::string label;                  // "ec2:CreateVpc main"
  std::vector<std::size_t> waits_for; // task indexes
  std::function<bool(std::string& error)> run;
};

// Runs each task once all it waits for are done, at most `parallelism` at once; of the tasks
// ready, first those with the longest chain of tasks waiting for them (the critical path), so
// that a bound on what runs at once delays the shortest chains. Stops starting tasks at the first
// failure; returns false with its error.
bool run_graph(std::vector<Task>& tasks, int parallelism, std::string& error) {
  std::vector<std::vector<std::size_t>> waiting(tasks.size()); // task -> the tasks waiting for it
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    for (std::size_t d : tasks[i].waits_for) {
      waiting[d].push_back(i);
    }
  }
  std::vector<std::size_t> chain(tasks.size(), 0); // 0: not known yet
  std::function<std::size_t(std::size_t)> chain_of = [&](std::size_t i) {
    if (chain[i] == 0) {
      chain[i] = 1; // a cycle (none in a plan) ends here
      std::size_t longest = 0;
      for (std::size_t j : waiting[i]) {
        longest = std::max(longest, chain_of(j));
      }
      chain[i] = 1 + longest;
    }
    return chain[i];
  };
  std::vector<std::size_t> order(tasks.size());
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    order[i] = i;
    chain_of(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return chain[a] > chain[b]; });
  std::mutex m;
  std::condition_variable cv;
  std::vector<int> state(tasks.size(), 0); // 0 waiting, 1 running, 2 done
  std::size_t running = 0, done = 0;
  bool failed = false;
  std::vector<std::jthread> threads; // joined once the lock below is let go of
  std::unique_lock lock(m);
  while (done < tasks.size()) {
    for (std::size_t k = 0;
         !failed && k < tasks.size() && running < static_cast<std::size_t>(parallelism); ++k) {
      std::size_t i = order[k];
      if (state[i] != 0 || !std::all_of(tasks[i].waits_for.begin(), tasks[i].waits_for.end(),
                                        [&](std::size_t d) { return state[d] == 2; })) {
        continue;
      }
      state[i] = 1;
      ++running;
      threads.emplace_back([&, i] {
        std::string task_error;
        bool ok = tasks[i].run(task_error);
        std::lock_guard guard(m);
        state[i] = 2;
        --running;
        ++done;
        if (!ok && !failed) {
          failed = true;
          error = task_error;
        }
        cv.notify_all();
      });
    }
    if (running == 0) {
      break; // failed, or nothing can start (cannot happen: the plan is ordered)
    }
    cv.wait(lock);
  }
  if (!failed && done < tasks.size()) {
    error = "the remaining calls wait for each other";
    return false;
  }
  return !failed;
}

// What people see while calls run. On a terminal the last line names the call in flight (the
// oldest, and how many more run beside it) and is rewritten in place ("\r", erase to the end of
// the line) as calls start and end; lines of finished work are printed above it once. Elsewhere
// (a log, a pipe) only the finished lines, one a line. The caller holds the executor's lock.
class Progress {
public:
  Progress(std::ostream& out, bool tty, int width) : out_(out), tty_(tty), width_(width) {}
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  std::size_t total = 0;    // the changes to make
  std::size_t finished = 0; // those made

  // A call starts: `what` is "ec2:CreateSubnet main.private_a".
  int begin(std::string what) {
    update(next_, std::move(what));
    return next_++;
  }
  void update(int id, std::string what) {
    flight_[id] = std::move(what);
    draw();
  }
  void end(int id) {
    flight_.erase(id);
    draw();
  }
  // A line of its own: a retry, one call of a deletion.
  void line(const std::string& text) {
    clear();
    out_ << text << "\n";
    draw();
  }
  // A change is made.
  void done(const std::string& text) {
    ++finished;
    line(fmt::format("[{}/{}] {}", finished, total, text));
  }

private:
  void clear() {
    if (shown_) {
      out_ << "\r\x1b[K";
      shown_ = false;
    }
  }
  void draw() {
    clear(); // nothing is shown but on a terminal
    if (tty_ && !flight_.empty()) {
      std::string text = fmt::format("[{}/{}] {} ...", std::min(finished + 1, total), total,
                                     flight_.begin()->second);
      if (flight_.size() > 1) {
        text += fmt::format(" (+{} more in flight)", flight_.size() - 1);
      }
      // A line wider than the terminal wraps, and "\r" would then rewrite only its last row.
      if (width_ > 1 && text.size() >= static_cast<std::size_t>(width_)) {
        text.resize(static_cast<std::size_t>(width_) - 1);
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
          text.pop_back(); // never half a UTF-8 sequence
        }
        if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) {
          text.pop_back();
        }
      }
      out_ << text;
      shown_ = true;
    }
    out_.flush();
  }

  std::ostream& out_;
  bool tty_;
  int width_;
  bool shown_ = false;
  int next_ = 0;
  std::map<int, std::string> flight_;
};

// The step named in `planned` (a member of a step's params) whose value in the state is not the
// one `sent` (the same member of the request its entry recorded) holds, or "": what a stopped
// apply renewed before this step took it.
std::string stale_reference(const json& planned, const json& sent, const State& state,
                            const std::set<std::string, std::less<>>& ids) {
  // Value by value where the shapes agree, so that the step named is the one that changed.
  if (planned.is_array() && sent.is_array() && planned.size() == sent.size()) {
    for (std::size_t i = 0; i < planned.size(); ++i) {
      if (std::string r = stale_reference(planned[i], sent[i], state, ids); !r.empty()) {
        return r;
      }
    }
    return "";
  }
  if (planned.is_object() && sent.is_object()) {
    for (const auto& [k, v] : planned.items()) {
      if (std::string r = stale_reference(v, sent.value(k, json()), state, ids); !r.empty()) {
        return r;
      }
    }
    return "";
  }
  std::set<std::string> refs;
  referenced_steps(planned, ids, refs);
  json now;
  std::string unfilled;
  if (refs.empty() || !fill(planned, state, ids, now, unfilled)) {
    return "";
  }
  stamp(now, state.lineage); // as it was sent
  return canonical(now) == canonical(sent) ? "" : *refs.begin();
}

// Whether a replacement may be made beside what it replaces (resources::CreateFirst) as far as
// its own request says, and if its descriptor would allow it but the request does not, why not.
// `own`: the steps its replacement renews with it (Operation::renews), new as well.
void choose_create_first(Change& c, const Step& s, const Entry& e,
                         const std::map<std::string, std::string>& upstream,
                         const std::set<std::string>& own,
                         const std::set<std::string, std::less<>>& ids) {
  const resources::Operation& op = operation_of(s.service, s.operation);
  if (!op.create_first) {
    if (!op.deleted_first.empty()) {
      c.deleted_first = "deleted first: " + std::string(op.deleted_first);
    }
    return;
  }
  const resources::CreateFirst& first = *op.create_first;
  auto same = [&](std::string_view member) {
    std::string m(member);
    std::set<std::string> refs;
    referenced_steps(s.params.value(m, json()), ids, refs);
    return !upstream.count(m) && std::none_of(refs.begin(), refs.end(), [&](const std::string& r) {
      return own.count(r) > 0;
    }) && canonical(e.params.value(m, json())) == canonical(s.params.value(m, json()));
  };
  auto set = [](const json& v) { return !v.is_null() && !(v.is_structured() && v.empty()); };
  for (std::string_view member : first.held) {
    const std::string m(member);
    if (set(e.params.value(m, json())) && set(s.params.value(m, json()))) {
      c.deleted_first = fmt::format("deleted first: the new one would take its {}", m);
      return;
    }
  }
  bool taken = !first.unique.empty() && std::all_of(first.unique.begin(), first.unique.end(), same);
  if (!taken || (!first.name.empty() && s.made_name)) {
    c.create_first = true;
    return;
  }
  if (!first.taken.empty()) {
    c.deleted_first = "deleted first: " + std::string(first.taken);
    return;
  }
  std::string m(first.unique.back());
  const json& value = s.params.value(m, json());
  std::set<std::string> refs;
  referenced_steps(value, ids, refs);
  // What a step made is named by the step: "its GroupId, `net.web`'s".
  c.deleted_first =
      refs.empty()
          ? fmt::format("deleted first: the new one reuses its {} `{}`", m, short_value(value))
          : fmt::format("deleted first: the new one reuses its {}, `{}`'s", m, *refs.begin());
}

// One pass of diff() over the plan's steps, with the steps `forced` to be renewed with another
// (step -> the step whose replacement renews it: Operation::renews).
std::vector<Change> diff_steps(const Plan& plan, const State& state,
                               const std::set<std::string, std::less<>>& ids,
                               const std::map<std::string, std::string>& forced,
                               const std::map<std::string, std::string>& drift) {
  std::vector<Change> out;
  std::set<std::string> renewed; // steps whose values change: created anew or replaced
  auto first_renewed = [&](const std::set<std::string>& refs) {
    auto it = std::find_if(refs.begin(), refs.end(),
                           [&](const std::string& r) { return renewed.count(r) > 0; });
    return it == refs.end() ? std::string() : *it;
  };
  for (const Step& s : plan.steps) {
    const Entry* e = state.find(s.id);
    if (s.read) {
      // A read runs again whenever a step it follows is renewed (what it reads may be named as a
      // literal: an auto scaling group's name), or when it never ran.
      std::set<std::string> refs(s.depends_on.begin(), s.depends_on.end());
      referenced_steps(s.params, ids, refs);
      if (!e || e->pending || !first_renewed(refs).empty()) {
        out.push_back({Action::Create, s.id, &s, e ? "what it reads changes" : "",
                       s.service + ":" + s.operation});
        renewed.insert(s.id);
      } else if (std::any_of(s.produces.begin(), s.produces.end(), [&](const json& path) {
                   return !e->outputs.contains(path.get<std::string>());
                 })) {
        // The same request answers the same: what it gave before stays, and is not renewed.
        Change more{Action::Create, s.id, &s, "the program takes more of its answer",
                    s.service + ":" + s.operation};
        more.extends = true;
        out.push_back(std::move(more));
      }
      continue;
    }
    if (!e || e->pending) {
      out.push_back({Action::Create, s.id, &s, e ? "resumes an interrupted call" : "",
                     s.service + ":" + s.operation});
      renewed.insert(s.id);
      continue;
    }
    // The members of its request that name a renewed step change with it (not counting what
    // its own replacement renews).
    std::map<std::string, std::string> upstream;
    json request = managed(s, s.params);
    // A member the program now writes as the last apply sent it (a name eclc made, now written
    // as AWS holds it: `web-2`) is no change; but for what drifted (its params hold AWS's value).
    std::optional<Entry> as_sent;
    for (const auto& [member, value] : request.items()) {
      std::set<std::string> refs;
      referenced_steps(value, ids, refs);
      if (refs.empty() && !drift.count(s.id) && e->request.contains(member) &&
          e->params.value(member, json()) != value &&
          canonical(e->request[member]) == canonical(value)) {
        if (!as_sent) {
          as_sent = *e;
        }
        as_sent->params[member] = value;
      }
      std::erase_if(refs, [&](const std::string& r) {
        auto it = forced.find(r);
        return it != forced.end() && it->second == s.id;
      });
      std::string r = first_renewed(refs);
      if (r.empty() && !refs.empty() && e->request.contains(member)) {
        // What it names was renewed by an apply that stopped before this step took it (killed
        // between a replacement made first and the update of what uses it): the request it
        // recorded holds the old value.
        r = stale_reference(value, e->request[member], state, ids);
      }
      if (!r.empty()) {
        upstream.emplace(member, r);
      }
    }
    const Entry& recorded = as_sent ? *as_sent : *e;
    bool same = canonical(managed(s, recorded.params)) == canonical(request);
    // A call that configures what a step it follows made (OnChange::Repeat: a log group's
    // retention, named by the group's name) is made again when that step is renewed.
    std::string configures;
    if (operation_of(s.service, s.operation).on_change == resources::OnChange::Repeat) {
      auto it = std::find_if(s.after.begin(), s.after.end(),
                             [&](const std::string& a) { return renewed.count(a) > 0; });
      configures = it == s.after.end() ? "" : *it;
    }
    auto with = forced.find(s.id);
    if (same && upstream.empty() && with == forced.end() && configures.empty()) {
      continue;
    }
    Change c;
    if (!same || !upstream.empty()) {
      c = classify(s, recorded, upstream);
    } else if (!configures.empty()) {
      c = {Action::Update,
           s.id,
           &s,
           fmt::format("`{}` is renewed", configures),
           s.service + ":" + s.operation,
           configures};
    }
    if (same && !upstream.empty()) {
      c.renewed = upstream.begin()->second; // nothing written changed
    }
    if (with != forced.end() && (c.step == nullptr || c.action != Action::Replace)) {
      c.id = s.id;
      c.step = &s;
      c.action = Action::Replace;
      c.call = s.service + ":" + s.operation;
      c.reason = fmt::format("renewed with `{}`", with->second);
      c.renewed = with->second;
    }
    if (c.action == Action::Replace) {
      renewed.insert(s.id);
      std::set<std::string> own;
      for (const auto& [step, by] : forced) {
        if (by == s.id) {
          own.insert(step);
        }
      }
      choose_create_first(c, s, recorded, upstream, own, ids);
    }
    out.push_back(std::move(c));
  }
  return out;
}

} // namespace

std::vector<Change> diff(const Plan& plan, const State& state,
                         const std::map<std::string, std::string>& drift) {
  const std::set<std::string, std::less<>> ids = backend::plan::step_ids(plan);
  // A replacement renews what it takes alone (Operation::renews), which comes before it in the
  // plan: the pass is made again until no more is renewed that way.
  std::map<std::string, std::string> forced;
  std::vector<Change> out;
  while (true) {
    out = diff_steps(plan, state, ids, forced, drift);
    std::size_t before = forced.size();
    for (const Change& c : out) {
      // Not what drift replaces (an internet gateway detached outside eclc is attached again).
      if (c.action != Action::Replace || !c.step || !c.step->params.is_object() ||
          drift.count(c.id)) {
        continue;
      }
      for (std::string_view member : operation_of(c.step->service, c.step->operation).renews) {
        std::set<std::string> refs;
        referenced_steps(c.step->params.value(std::string(member), json()), ids, refs);
        for (const std::string& r : refs) {
          if (state.find(r)) {
            forced.emplace(r, c.id);
          }
        }
      }
    }
    if (forced.size() == before) {
      break;
    }
  }
  for (Change& c : out) {
    if (auto it = drift.find(c.id); it != drift.end()) {
      c.reason = it->second;
      c.drifted = true;
    }
  }
  // Create before destroy, but not inside something deleted first: the old one must be gone
  // before what it is in (what its entry depends on, through other entries) is deleted.
  std::set<std::string> first; // deleted before anything is made
  for (const Entry& e : state.entries) {
    if (!ids.count(e.id) && !e.deposed) {
      first.insert(e.id);
    }
  }
  std::map<std::string, std::string> inside; // entry -> an entry deleted first it is in, or ""
  std::function<std::string(const std::string&)> deleted_within = [&](const std::string& id) {
    if (auto it = inside.find(id); it != inside.end()) {
      return it->second;
    }
    inside[id] = ""; // a cycle (a hand-edited state) ends here
    std::string found;
    const Entry* e = state.find(id);
    for (const std::string& d : e ? e->depends_on : std::vector<std::string>{}) {
      found = first.count(d) ? d : deleted_within(d);
      if (!found.empty()) {
        break;
      }
    }
    return inside[id] = found;
  };
  for (Change& c : out) {
    if (c.action != Action::Replace) {
      continue;
    }
    if (c.create_first) {
      std::string within = deleted_within(c.id);
      if (!within.empty()) {
        c.create_first = false;
        c.deleted_first = fmt::format("deleted first, as `{}` is", within);
      }
    }
    if (!c.create_first) {
      first.insert(c.id);
      inside.clear(); // what is in it is now inside something deleted first
    }
  }
  // What the program no longer has, latest first.
  for (auto it = state.entries.rbegin(); it != state.entries.rend(); ++it) {
    if (!ids.count(it->id)) {
      out.push_back(
          {Action::Delete, it->id, nullptr,
           it->deposed ? "replaced: the old one, made before this apply" : "not in the program",
           it->service + ":" + it->operation});
    }
  }
  return out;
}

std::vector<Change> destroy_changes(const State& state) {
  std::vector<Change> out;
  for (auto it = state.entries.rbegin(); it != state.entries.rend(); ++it) {
    out.push_back({Action::Delete, it->id, nullptr, "", it->service + ":" + it->operation});
  }
  return out;
}

namespace {

// A replacement made beside what it replaces, of a name the plan made, takes another name when
// the old one has it (resources::CreateFirst::name): the made name ending in `-2`, which the next
// replacement gives back. An interrupted call keeps the name it was sent with.
void rename_beside(const Step& step, const State& state, json& request) {
  const resources::Operation& op = operation_of(step.service, step.operation);
  if (!step.made_name || !op.create_first || op.create_first->name.empty()) {
    return;
  }
  std::string member(op.create_first->name);
  if (!request.contains(member) || !request[member].is_string()) {
    return;
  }
  if (const Entry* e = state.find(step.id); e && e->pending && e->request.contains(member)) {
    request[member] = e->request[member];
    return;
  }
  std::set<json> taken; // the names of what deposed entries of this step made
  for (const Entry& e : state.entries) {
    if (e.deposed && e.id.starts_with(step.id + std::string(kDeposed)) &&
        e.request.contains(member)) {
      taken.insert(e.request[member]);
    }
  }
  std::string name = request[member].get<std::string>();
  std::string base = name.substr(0, std::min(name.size(), op.create_first->name_max - 2));
  for (int n = 2; taken.count(json(name)) && n < 10; ++n) {
    name = base + "-" + std::to_string(n);
  }
  request[member] = name;
}

} // namespace

bool execute(const Client& client, const Plan* plan, State& state,
             const std::vector<Change>& changes, const ExecuteOptions& options, std::ostream& out,
             std::string& error) {
  std::mutex m; // guards state, the state file and the progress output
  if (state.lineage.empty()) {
    state.lineage = new_lineage(); // what is created carries it (kLineageTag)
  }
  const std::set<std::string, std::less<>> ids =
      plan ? backend::plan::step_ids(*plan) : std::set<std::string, std::less<>>();
  Progress progress(out, options.tty, options.width);
  // Makes what the caller changed in the state durable; called with `m` held, which it lets go
  // of while the file is written. A group commit: the changes of every task that asks while a
  // write is under way go into the next write, one write (and fsync) for all of them, instead of
  // one each in turn under the lock (which held up every ready task behind the others' writes).
  std::condition_variable saved;
  std::uint64_t save_asked = 0, save_done = 0;
  bool saving = false;
  auto save = [&](std::string& err) {
    const std::uint64_t mine = ++save_asked;
    while (save_done < mine) {
      if (saving) {
        std::unique_lock lock(m, std::adopt_lock);
        saved.wait(lock);
        lock.release(); // the caller's guard still holds it
        continue;
      }
      saving = true;
      const std::uint64_t covers = save_asked;
      std::string text = next_state_text(state);
      m.unlock();
      std::string write_error;
      bool ok = write_state_text(options.state_path, text, write_error);
      m.lock();
      saving = false;
      saved.notify_all();
      if (!ok) {
        err = "cannot write the state `" + options.state_path + "`: " + write_error;
        return false;
      }
      save_done = covers;
    }
    return true;
  };
  // One call with its retries, shown in flight while it runs; `before_retry` (may be empty) is
  // asked before each retry whether to make it.
  auto make = [&](const std::string& service, const std::string& operation, const json& params,
                  const std::string& id,
                  const std::function<bool(const Result&)>& before_retry = {}) {
    std::string what = fmt::format("{}:{} {}", service, operation, id);
    int token;
    {
      std::lock_guard guard(m);
      token = progress.begin(what);
    }
    Result r = client.call(service, operation, params, [&](const Result& failed) {
      {
        std::lock_guard guard(m);
        progress.line(
            fmt::format("  retrying {} after {} ({})", what, failed.code,
                        failed.http_status ? std::to_string(failed.http_status) : "no answer"));
      }
      return !before_retry || before_retry(failed);
    });
    std::lock_guard guard(m);
    progress.end(token);
    return r;
  };
  // Waits for what a call started, shown in flight with the state last read.
  auto await = [&](const Waiting& w, const std::string& id, std::string& err) {
    std::string what = fmt::format("{}:{} {}", w.spec->probe.service, w.spec->probe.operation, id);
    int token;
    {
      std::lock_guard guard(m);
      token = progress.begin(what + ": waiting for " + w.what);
    }
    bool told = false;
    bool ok = wait_until(
        client, w, options.wait,
        [&](const std::string& status) {
          std::lock_guard guard(m);
          if (!options.tty && !told) {
            progress.line("  " + what + ": waiting for " + w.what); // once, for logs
            told = true;
          }
          progress.update(token, what + ": " + status);
        },
        err);
    std::lock_guard guard(m);
    progress.end(token);
    if (!ok) {
      err = fmt::format("step `{}`: {}", id, err);
    }
    return ok;
  };

  // What the deposed entries of each call made (Entry::resource), kept as entries are deposed
  // (guarded by `m`): it carries the tags of what a new call makes, and a lookup never takes it
  // for that.
  std::map<std::string, std::set<std::string>, std::less<>> deposed_made;
  for (const Entry& e : state.entries) {
    if (e.deposed) {
      deposed_made[e.operation].insert(e.resource);
    }
  }
  auto held_by_deposed = [&](const std::string& operation) {
    std::lock_guard guard(m);
    auto it = deposed_made.find(operation);
    return it == deposed_made.end() ? std::set<std::string>{} : it->second;
  };

  // What a `pending` entry's call made, found by its lookup as a resumed apply does; the entry
  // stays pending only when its call has a lookup and made nothing. A call without a lookup is
  // deleted from its request (its removal's `gone` codes cover a call that never arrived).
  auto found_pending = [&](Entry& entry, std::string& err) {
    const resources::Operation& op = operation_of(entry.service, entry.operation);
    if (!op.lookup) {
      entry.pending = false;
      return true;
    }
    std::string lookup_error;
    const std::set<std::string> held = held_by_deposed(entry.operation);
    std::optional<json> found = recover(client, entry.service, entry.operation, entry.block,
                                        entry.request, lookup_error, nullptr, &held);
    if (!lookup_error.empty()) {
      err = fmt::format("step `{}`: cannot look for what the interrupted call made: {}", entry.id,
                        lookup_error);
      return false;
    }
    if (found) {
      entry.pending = false;
      for (const resources::Output& o : op.outputs) {
        json v = response_value(*found, std::string(o.path));
        if (!v.is_null()) {
          entry.outputs[std::string(o.path)] = std::move(v);
        }
      }
    }
    return true;
  };

  // One call of the deletion of what `entry` made (`last`: its last call), then the wait for AWS
  // to finish it. When its answer is lost, whether the deletion is done is asked before the call
  // is sent again: by the call's waiter, or for the last call by the entry's lookup (which then
  // finds nothing). A deletion done is not repeated: a repeat may fail where the first call did
  // the work (moto answers a second DeleteVpcEndpoints of a gateway endpoint with
  // InvalidRoute.NotFound, a second DeleteCapacityProvider with a 500). The same question is asked
  // when the call fails: an earlier run killed after the call, before its wait ended, left the
  // entry in the state, and this run repeats the call.
  auto waited_out = [&](const Call& call) {
    const resources::Request& probe = call.then->spec->probe;
    Result p =
        client.call(std::string(probe.service), std::string(probe.operation), call.then->params);
    std::string status;
    return (p.ok || resources::has_code(probe.gone, p.code, p.message)) &&
           check(*call.then->spec, p, status) == Poll::Done;
  };
  auto remove = [&](const Call& call, const Entry& entry, bool last, std::string& err) {
    const std::string& id = entry.id;
    bool finished = false; // by an attempt whose answer was lost
    auto attempt = [&] {
      return make(call.service, call.operation, call.params, id, [&](const Result& failed) {
        if (!failed.outcome_unknown()) {
          return true;
        }
        if (call.then) {
          finished = waited_out(call);
        } else if (last && operation_of(entry.service, entry.operation).lookup) {
          std::string lookup_error;
          const std::set<std::string> held =
              entry.deposed ? std::set<std::string>{} : held_by_deposed(entry.operation);
          finished = !recover(client, entry.service, entry.operation, entry.block, entry.request,
                              lookup_error, nullptr, &held) &&
                     lookup_error.empty();
        }
        return !finished;
      });
    };
    Result r = attempt();
    // Still held by what lets go by itself: made again after growing pauses, as a waiter probes.
    const auto start = std::chrono::steady_clock::now();
    auto pause = options.wait.first_delay;
    while (!r.ok && !finished && call.busy && resources::has_code(*call.busy, r.code, r.message)) {
      auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - start);
      if (elapsed >= options.wait.timeout) {
        err = fmt::format("step `{}` ({}:{}): still {} after {} s: {}; raise --wait-timeout, or "
                          "run the command again to go on",
                          id, call.service, call.operation, r.code,
                          std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(),
                          r.message);
        return false;
      }
      {
        std::lock_guard guard(m);
        progress.line(fmt::format("  {}:{} {}: waiting for what still uses it ({})", call.service,
                                  call.operation, id, r.code));
      }
      std::this_thread::sleep_for(std::min(pause, options.wait.timeout - elapsed));
      pause = std::min(pause * 2, options.wait.max_delay);
      r = attempt();
    }
    take_unsuccessful(call, r);
    if (!r.ok && !finished && !resources::has_code(*call.gone, r.code, r.message) && call.then) {
      finished = waited_out(call);
    }
    if (!r.ok && !finished && !resources::has_code(*call.gone, r.code, r.message)) {
      err = fmt::format("step `{}` ({}:{}) failed: {}: {}", id, call.service, call.operation,
                        r.code, r.message);
      return false;
    }
    {
      std::lock_guard guard(m);
      progress.line(fmt::format("  {}:{} {}{}", call.service, call.operation, id,
                                r.ok       ? ""
                                : finished ? " (done)"
                                           : " (already gone)"));
    }
    // What depends on it waits until AWS has finished the deletion.
    return !r.ok || !call.then || await(*call.then, id, err);
  };

  // The deletions of `which` entries (by id), each after the deletions of what depends on it.
  auto deletions = [&](const std::vector<std::string>& which) {
    std::vector<Task> deletes;
    std::map<std::string, std::size_t> delete_index;
    for (const std::string& id : which) {
      delete_index[id] = deletes.size();
      deletes.push_back({fmt::format("delete {}", id), {}, [&, id](std::string& err) {
                           Entry entry;
                           {
                             std::lock_guard guard(m);
                             entry = *state.find(id);
                           }
                           if (entry.pending && !found_pending(entry, err)) {
                             return false;
                           }
                           if (entry.pending) {
                             // Its call never made anything: nothing to delete.
                             std::lock_guard guard(m);
                             state.erase(id);
                             progress.done(fmt::format("{} {}: never made (nothing to delete)",
                                                       entry.operation, id));
                             return save(err);
                           }
                           std::vector<Call> calls = delete_calls(entry);
                           for (std::size_t i = 0; i < calls.size(); ++i) {
                             if (!remove(calls[i], entry, i + 1 == calls.size(), err)) {
                               return false;
                             }
                           }
                           std::lock_guard guard(m);
                           state.erase(id);
                           progress.done(fmt::format("deleted {} ({})", id, entry.operation));
                           return save(err);
                         }});
    }
    // Deleting `id` waits for the deletion of everything that depends on it, also through
    // entries that stay (a capacity provider follows its group through the read of the group's
    // ARN).
    for (const auto& [other, other_index] : delete_index) {
      std::set<std::string> seen;
      std::vector<std::string> todo{other};
      while (!todo.empty()) {
        const Entry* e = state.find(todo.back());
        todo.pop_back();
        for (const std::string& d : e ? e->depends_on : std::vector<std::string>{}) {
          if (seen.insert(d).second) {
            todo.push_back(d);
          }
        }
      }
      for (const std::string& d : seen) {
        auto it = delete_index.find(d);
        if (it != delete_index.end() && d != other) {
          deletes[it->second].waits_for.push_back(other_index);
        }
      }
    }
    return deletes;
  };

  // Phase 1: deletions, but for what was replaced by a new one made beside it (create before
  // destroy): it is deleted in phase 3, once what used it has moved. A deposed entry left by an
  // interrupted apply waits for phase 3 too, unless something it is in is deleted now.
  // A deletion that something kept still depends on (a service's Cloud Map service, taken out of
  // the program: the update of the service stops using it) waits for phase 3 too: AWS refuses to
  // delete what is in use.
  std::set<std::string> doomed;
  for (const Change& c : changes) {
    if (c.action == Action::Delete || c.action == Action::Replace) {
      doomed.insert(c.id);
    }
  }
  auto still_used = [&](const std::string& id) {
    return plan && std::any_of(state.entries.begin(), state.entries.end(), [&](const Entry& e) {
             return !doomed.count(e.id) &&
                    std::find(e.depends_on.begin(), e.depends_on.end(), id) != e.depends_on.end();
           });
  };
  std::vector<std::string> now, last;
  std::set<std::string> in_use; // deleted last as still used, not as deposed
  for (const Change& c : changes) {
    const Entry* e = state.find(c.id);
    if (!e || (c.action != Action::Delete && c.action != Action::Replace)) {
      continue;
    }
    const bool used = c.action == Action::Delete && !e->deposed && still_used(c.id);
    if (used) {
      in_use.insert(c.id);
    }
    (c.create_first || (e->deposed && plan) || used ? last : now).push_back(c.id);
  }
  std::set<std::string> first(now.begin(), now.end());
  std::erase_if(last, [&](const std::string& id) {
    const Entry* e = state.find(id);
    bool within = (e->deposed || in_use.count(id)) &&
                  std::any_of(e->depends_on.begin(), e->depends_on.end(),
                              [&](const std::string& d) { return first.count(d); });
    if (within) {
      now.push_back(id);
    }
    return within;
  });
  std::vector<Task> deletes = deletions(now);
  progress.total = deletes.size() + last.size() +
                   std::count_if(changes.begin(), changes.end(),
                                 [](const Change& c) { return c.action != Action::Delete; });
  if (!run_graph(deletes, options.parallelism, error)) {
    return false;
  }
  // What a replacement made first deposes: its entry's new id, and the ids its entry depends on
  // that are deposed too (the deletions of phase 3 follow them).
  std::map<std::string, std::string> deposed_as;
  auto depose = [&](const std::string& id, std::string& err) {
    std::lock_guard guard(m);
    Entry* e = state.find(id);
    if (!e || e->pending || e->deposed) {
      return true;
    }
    std::string to = id + std::string(kDeposed);
    for (int n = 2; state.find(to); ++n) {
      to = fmt::format("{}{}{}", id, kDeposed, n);
    }
    e->id = to;
    e->deposed = true;
    for (std::string& d : e->depends_on) {
      if (auto it = deposed_as.find(d); it != deposed_as.end()) {
        d = it->second;
      }
    }
    deposed_as[id] = to;
    deposed_made[e->operation].insert(e->resource);
    std::replace(last.begin(), last.end(), id, to);
    return save(err);
  };

  // Phase 2: creates and updates in plan order.
  std::vector<Task> tasks;
  std::map<std::string, std::size_t> task_index;
  for (const Change& c : changes) {
    if (c.action == Action::Delete || !c.step) {
      continue;
    }
    const Step* step = c.step;
    Action action = c.action;
    bool create_first = c.create_first;
    bool extends = c.extends;
    task_index[step->id] = tasks.size();
    Task t;
    t.label = c.call + " " + step->id;
    for (const auto& d : step->depends_on) {
      if (task_index.count(d)) {
        t.waits_for.push_back(task_index[d]);
      }
    }
    t.run = [&, step, action, create_first, extends](std::string& err) {
      json request;
      bool resumed = false;
      Entry before; // the state's entry of an update
      if (create_first && !depose(step->id, err)) {
        return false;
      }
      {
        std::lock_guard guard(m);
        if (!fill(step->params, state, ids, request, err)) {
          err = fmt::format("step `{}`: {}", step->id, err);
          return false;
        }
        stamp(request, state.lineage);
        rename_beside(*step, state, request);
        const Entry* existing = state.find(step->id);
        resumed = existing && existing->pending;
        if (existing) {
          before = *existing;
        }
      }
      const std::string& service = step->service;
      const std::string& operation = step->operation;
      const resources::Operation& op = operation_of(service, operation);
      const std::set<std::string> held = held_by_deposed(operation);
      if (action == Action::Update && op.on_change != resources::OnChange::Repeat) {
        // In place: the descriptor's update call for what it takes, tag calls for the tags.
        std::vector<Call> calls;
        if (op.update) {
          bool changed = false;
          std::set<std::string> set_apart; // changed members another call sets
          for (const std::string& member :
               changed_members(managed(*step, before.request), managed(*step, request))) {
            if (set_by(op, member)) {
              set_apart.insert(member);
              continue;
            }
            changed = changed || !(is_tag_member(member) || member == op.client_token);
          }
          for (const std::string& member :
               changed_members(managed(*step, before.params), managed(*step, step->params))) {
            changed = changed || !(is_tag_member(member) || set_by(op, member) != nullptr);
          }
          for (const auto& [member, call] : op.set_by) {
            if (set_apart.contains(std::string(member))) {
              calls.push_back(
                  {{std::string(call.service), std::string(call.operation),
                    resources::fill(call.params, op, before.outputs, request, step->block)}});
            }
          }
          if (changed) {
            json params =
                resources::fill(op.update->params, op, before.outputs, request, step->block);
            const json sent = managed(*step, request);
            for (const auto& [k, v] : sent.items()) {
              if (resources::has_code(op.updatable, k) && set_by(op, k) == nullptr &&
                  !resources::places(op.update->params, k)) {
                params[k] = v; // as the create call sent it
              }
            }
            for (const auto& [member, off] : op.cleared) {
              const std::string name(member);
              if (!sent.contains(name) && before.request.contains(name)) {
                params[name] = off; // taken out of the program: turned off, not kept
              }
            }
            calls.push_back({{std::string(op.update->service), std::string(op.update->operation),
                              std::move(params)}});
          }
        }
        std::ranges::move(tag_calls(before, request), std::back_inserter(calls));
        std::string made;
        json renewed = json::object(); // outputs the update call answers anew
        for (const Call& call : calls) {
          Result r = make(call.service, call.operation, call.params, step->id);
          if (!r.ok) {
            err = fmt::format("step `{}` ({}:{}) failed: {}: {}", step->id, call.service,
                              call.operation, r.code, r.message);
            return false;
          }
          made += (made.empty() ? "" : ", ") + call.service + ":" + call.operation;
          for (const resources::Output& o : op.update&& call.operation == op.update->operation
                                                ? op.updated
                                                : std::vector<resources::Output>{}) {
            auto output =
                std::find_if(op.outputs.begin(), op.outputs.end(),
                             [&](const resources::Output& x) { return x.name == o.name; });
            json v = response_value(r.response, std::string(o.path));
            if (output != op.outputs.end() && !v.is_null()) {
              renewed[std::string(output->path)] = std::move(v);
            }
          }
        }
        // What it made keeps its values (ARN, id, name), but for what the update answered anew.
        std::lock_guard guard(m);
        Entry* e = state.find(step->id);
        e->outputs.update(renewed);
        e->params = step->params;
        e->request = request;
        e->depends_on = step->depends_on;
        progress.done(fmt::format("{} {}", made.empty() ? "(nothing to call)" : made, step->id));
        return save(err);
      }
      if (!op.client_token.empty()) {
        // The same token as the interrupted call's: AWS answers with what that one made.
        std::string member(op.client_token);
        request[member] = resumed && before.request.contains(member) ? before.request[member]
                                                                     : json(new_lineage());
      }
      std::optional<json> response;
      if (op.answers_existing && !resumed) {
        // The call would answer with what exists of the same name: only ours is taken.
        std::string lookup_error;
        bool foreign = false;
        response = recover(client, service, operation, step->block, request, lookup_error, &foreign,
                           &held);
        if (!lookup_error.empty() || foreign) {
          err = fmt::format("step `{}`: {}", step->id,
                            foreign ? not_ours(op, service, operation, step->block, request)
                                    : "cannot look for what exists: " + lookup_error);
          return false;
        }
      }
      if (resumed) {
        std::string lookup_error;
        // Ours when it carries the lineage the interrupted call sent.
        response = recover(client, service, operation, step->block, before.request, lookup_error,
                           nullptr, &held);
        if (!lookup_error.empty()) {
          err = fmt::format("step `{}`: cannot look for what the interrupted call made: {}",
                            step->id, lookup_error);
          return false;
        }
      }
      if (!response && !step->read) {
        // Mark the call as in flight before making it: a crash now leaves `pending`, and the
        // next apply looks for what the call made instead of repeating it blindly.
        std::lock_guard guard(m);
        // What an update made again (OnChange::Repeat) keeps its values until the call is done.
        Entry pending = entry_of(*step, request);
        pending.pending = true;
        pending.outputs = before.outputs;
        pending.resource = before.resource;
        state.put(std::move(pending));
        if (!save(err)) {
          return false;
        }
      }
      bool called = false; // the answer is the call's (not a lookup's)
      if (!response) {
        // An attempt whose answer was lost may have made it: before it is sent again, what it
        // made is looked for (moto ignores client tokens, and most calls take none).
        bool maybe_made = false;
        std::string lookup_error;
        Result r = make(service, operation, request, step->id, [&](const Result& failed) {
          if (!failed.outcome_unknown()) {
            return true; // refused (throttled): nothing was made
          }
          maybe_made = true;
          response = recover(client, service, operation, step->block, request, lookup_error,
                             nullptr, &held);
          return !response && lookup_error.empty();
        });
        if (!lookup_error.empty()) {
          err = fmt::format("step `{}`: cannot look for what the unanswered call made: {}",
                            step->id, lookup_error);
          return false;
        }
        // Already made: by the interrupted or unanswered call, or before (found by the lookup).
        bool made =
            resources::has_code(op.done, r.code, r.message) && (resumed || maybe_made || op.lookup);
        if (!response && !r.ok && !made) {
          err = fmt::format("step `{}` ({}:{}) failed: {}: {}", step->id, service, operation,
                            r.code, r.message);
          if (!resumed && !maybe_made && !r.outcome_unknown() && !step->read) {
            // Refused, every attempt answered: the call made nothing, and the state says so
            // rather than leave a `pending` entry that the next plan would resume.
            std::lock_guard guard(m);
            if (before.id.empty()) {
              state.erase(step->id);
            } else {
              state.put(before);
            }
            if (std::string save_error; !save(save_error)) {
              err += "; " + save_error;
            }
          }
          return false;
        }
        if (!response && r.ok) {
          response = r.response;
          called = true;
        } else if (!response) {
          // Read what it made; what the lookup finds is taken only when it is ours.
          bool foreign = false;
          response = !needs_answer(*step, op) && !op.lookup
                         ? std::optional<json>(json::object())
                         : recover(client, service, operation, step->block, request, lookup_error,
                                   &foreign, &held);
          if (foreign && !response) {
            err = fmt::format("step `{}` ({}:{}): {}: {}", step->id, service, operation, r.code,
                              not_ours(op, service, operation, step->block, request));
            return false;
          }
          if (!response) {
            err = fmt::format("step `{}` ({}:{}): {}: {}, and what it made is not found among "
                              "this state's resources (tag `{}`){}",
                              step->id, service, operation, r.code, r.message, kLineageTag,
                              lookup_error.empty() ? "" : ": " + lookup_error);
            return false;
          }
        }
      }
      if (op.answers_handle && called) {
        // The answer is a handle on the work AWS goes on doing: wait with it, then read what
        // was made.
        Entry started;
        started.block = step->block;
        started.request = request;
        if (op.wait && !await(waiting(*op.wait, op, started, &*response), step->id, err)) {
          return false;
        }
        std::string lookup_error;
        response =
            recover(client, service, operation, step->block, request, lookup_error, nullptr, &held);
        if (!response) {
          err = fmt::format("step `{}` ({}:{}): AWS finished, but what it made is not found{}",
                            step->id, service, operation,
                            lookup_error.empty() ? "" : ": " + lookup_error);
          return false;
        }
      }
      const std::string made = resource_of(op, *response);
      if (!made.empty() && held.count(made)) {
        // It would be recorded twice, and deleted with the deposed entry at the end.
        err = fmt::format("step `{}` ({}:{}): AWS answered with `{}`, which the replacement "
                          "made beside it is to replace; nothing was changed",
                          step->id, service, operation, made);
        return false;
      }
      Entry entry = entry_of(*step, request);
      entry.resource = made;
      const std::string missing =
          take_outputs(*step, op, *response, extends ? &before.outputs : nullptr, entry);
      if (!missing.empty()) {
        err = fmt::format("step `{}` ({}:{}): the answer has no `{}`", step->id, service, operation,
                          missing);
        return false;
      }
      // What AWS finishes after answering (a NAT gateway routes nothing until it is available):
      // what follows waits.
      std::optional<Waiting> then;
      if (op.wait && !op.answers_handle) {
        then = waiting(*op.wait, op, entry);
      }
      {
        std::lock_guard guard(m);
        state.put(std::move(entry));
        if (!save(err)) {
          return false;
        }
      }
      if (then && !await(*then, step->id, err)) {
        return false;
      }
      std::lock_guard guard(m);
      progress.done(fmt::format("{}:{} {}{}{}", service, operation, step->id,
                                made.empty() ? "" : " " + made, resumed ? " (resumed)" : ""));
      return true;
    };
    tasks.push_back(std::move(t));
  }
  if (!run_graph(tasks, options.parallelism, error)) {
    return false;
  }
  // Phase 3: what replacements made beside it deposed, now that nothing uses it.
  std::vector<Task> old = deletions(last);
  return run_graph(old, options.parallelism, error);
}

// ---- Filling placeholders -----------------------------------------------------------------------

bool fill(const json& value, const State& state, const std::set<std::string, std::less<>>& ids,
          json& out, std::string& error, bool as_output) {
  if (value.is_structured()) {
    out = value;
    for (json& v : out) {
      if (!fill(json(v), state, ids, v, error, as_output)) {
        return false;
      }
    }
    return true;
  }
  if (!value.is_string()) {
    out = value;
    return true;
  }
  const std::string& text = value.get_ref<const std::string&>();
  std::string result;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "$${") == 0) {
      result += "${";
      i += 3;
      continue;
    }
    std::size_t close = text.compare(i, 2, "${") == 0 ? text.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      result += text[i++];
      continue;
    }
    const std::string placeholder = text.substr(i, close + 1 - i);
    auto refs = backend::plan::placeholders(placeholder, ids);
    const Entry* e = refs.empty() ? nullptr : state.find(refs.front().first);
    const json* v = e && !e->pending && e->outputs.contains(refs.front().second)
                        ? &e->outputs[refs.front().second]
                        : nullptr;
    if (!v && !as_output) {
      error = refs.empty() ? "placeholder `" + placeholder + "` names no step"
                           : "no value for `" + placeholder + "` in the state";
      return false;
    }
    if (v && as_output && i == 0 && close + 1 == text.size()) {
      out = *v;
      return true;
    }
    result += !v ? "(known after apply)" : v->is_string() ? v->get<std::string>() : v->dump();
    i = close + 1;
  }
  out = std::move(result);
  return true;
}

// ---- Adoption (`eclc import aws`) ---------------------------------------------------------------

bool adopt(const Client& client, const backend::plan::Plan& plan, const backend::plan::Step& step,
           const json* item, State& state, std::string& error) {
  const resources::Operation* found = resources::find_operation(step.service, step.operation);
  if (!found) {
    error = fmt::format("step `{}`: no descriptor of {}:{}", step.id, step.service, step.operation);
    return false;
  }
  const resources::Operation& op = *found;
  json unstamped;
  if (!fill(step.params, state, backend::plan::step_ids(plan), unstamped, error)) {
    error = fmt::format("step `{}`: {}", step.id, error);
    return false;
  }
  json request = unstamped;
  stamp(request, state.lineage);
  if (!op.client_token.empty()) {
    request[std::string(op.client_token)] = new_lineage();
  }
  std::optional<json> answer;
  if (step.read) {
    // A read is made, as apply makes it.
    Result r = client.call(step.service, step.operation, request);
    if (!r.ok) {
      error = fmt::format("step `{}` ({}:{}) failed: {}: {}", step.id, step.service, step.operation,
                          r.code, r.message);
      return false;
    }
    answer = std::move(r.response);
  } else if (item && op.lookup) {
    answer = lookup_answer(*op.lookup, *item);
  } else if (op.lookup && !op.lookup->by_tag) {
    // Found as a resumed apply finds it, whoever made it: the request carries no lineage.
    answer = recover(client, step.service, step.operation, step.block, unstamped, error);
    if (!error.empty()) {
      error = fmt::format("step `{}`: cannot look for what exists: {}", step.id, error);
      return false;
    }
  }
  if (!answer && (needs_answer(step, op) || (op.lookup && !step.read))) {
    error = fmt::format("step `{}` ({}:{}): nothing in AWS is what it makes", step.id, step.service,
                        step.operation);
    return false;
  }
  Entry entry = entry_of(step, request);
  if (std::string missing = take_outputs(step, op, answer.value_or(json()), nullptr, entry);
      !missing.empty()) {
    error = fmt::format("step `{}` ({}:{}): what exists has no `{}`", step.id, step.service,
                        step.operation, missing);
    return false;
  }
  entry.resource = answer ? resource_of(op, *answer) : "";
  state.put(std::move(entry));
  return true;
}

} // namespace ecl::apply
