#include "apply/state.h"

#include "compiler/driver/driver.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>

namespace ecl::apply {

Entry* State::find(const std::string& id) {
  auto it =
      std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.id == id; });
  return it == entries.end() ? nullptr : &*it;
}

const Entry* State::find(const std::string& id) const {
  return const_cast<State*>(this)->find(id);
}

void State::put(Entry entry) {
  if (Entry* e = find(entry.id)) {
    *e = std::move(entry);
  } else {
    entries.push_back(std::move(entry));
  }
}

void State::erase(const std::string& id) {
  std::erase_if(entries, [&](const Entry& e) { return e.id == id; });
}

std::string new_lineage() {
  std::random_device random;
  std::uint32_t words[4];
  for (std::uint32_t& w : words) {
    w = random();
  }
  words[1] = (words[1] & 0xffff0fffu) | 0x00004000u; // version 4
  words[2] = (words[2] & 0x3fffffffu) | 0x80000000u; // variant 1
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:04x}{:08x}", words[0], words[1] >> 16,
                     words[1] & 0xffff, words[2] >> 16, words[2] & 0xffff, words[3]);
}

std::string to_json(const State& state) {
  json out = json::object();
  out["format_version"] = kStateFormatVersion;
  out["lineage"] = state.lineage;
  out["serial"] = state.serial;
  out["stack"] = state.stack;
  out["region"] = state.region;
  json resources = json::array();
  for (const Entry& e : state.entries) {
    json r = json::object();
    r["id"] = e.id;
    r["block"] = e.block;
    r["service"] = e.service;
    r["operation"] = e.operation;
    r["status"] = e.pending ? "pending" : e.deposed ? "deposed" : "created";
    if (!e.resource.empty()) {
      r["resource"] = e.resource;
    }
    r["params"] = e.params;
    r["request"] = e.request;
    r["depends_on"] = e.depends_on;
    r["outputs"] = e.outputs;
    resources.push_back(std::move(r));
  }
  out["resources"] = std::move(resources);
  out["outputs"] = state.outputs;
  if (!state.blocks.empty()) {
    out["blocks"] = state.blocks;
  }
  return out.dump(2) + "\n";
}

namespace {

// Reading a state document member by member: the first member of the wrong type is named in the
// error (`resources[3].params: an object was expected, not a string`).
class Reader {
public:
  explicit Reader(std::string& error) : error_(error) {}

  // The member `key` of `object` at `where`, of the type `is` checks; `fallback` when absent
  // (null: the member is required).
  const json* member(const json& object, const std::string& where, const char* key,
                     bool (json::*is)() const noexcept, const char* type, bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
      if (required) {
        fail(where + key, "is missing");
      }
      return nullptr;
    }
    if (!((*it).*is)()) {
      fail(where + key, fmt::format("{} was expected, not {}", type, describe(*it)));
      return nullptr;
    }
    return &*it;
  }
  std::string text(const json& object, const std::string& where, const char* key, bool required) {
    const json* v = member(object, where, key, &json::is_string, "a string", required);
    return v ? v->get<std::string>() : "";
  }
  bool ok() const { return error_.empty(); }

private:
  static std::string describe(const json& v) {
    switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    default:
      return "a number";
    }
  }
  void fail(const std::string& where, const std::string& what) {
    if (error_.empty()) {
      error_ = fmt::format("`{}`: {}", where, what);
    }
  }
  std::string& error_;
};

} // namespace

bool load_state(const std::string& path, State& out, std::string& error) {
  out = State{};
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) {
      return true;
    }
    error = fmt::format("cannot read the state `{}`: {}", path, std::strerror(errno));
    return false;
  }
  if (!S_ISREG(info.st_mode)) {
    error = fmt::format("the state `{}` is not a regular file", path);
    return false;
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  json doc = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    error = "`" + path + "` is not an eclc state file: it is not a JSON object";
    return false;
  }
  std::string problem;
  Reader r(problem);
  const json* version =
      r.member(doc, "", "format_version", &json::is_number_integer, "a whole number", true);
  if (version && version->get<std::int64_t>() != kStateFormatVersion) {
    error = fmt::format("`{}` has state format {}; this eclc reads format {}", path,
                        version->dump(), kStateFormatVersion);
    return false;
  }
  out.lineage = r.text(doc, "", "lineage", false);
  if (const json* serial =
          r.member(doc, "", "serial", &json::is_number_integer, "a whole number", false)) {
    out.serial = serial->get<std::int64_t>();
  }
  out.stack = r.text(doc, "", "stack", false);
  out.region = r.text(doc, "", "region", false);
  if (const json* v = r.member(doc, "", "outputs", &json::is_object, "an object", false)) {
    out.outputs = *v;
  }
  if (const json* v = r.member(doc, "", "blocks", &json::is_object, "an object", false)) {
    for (const auto& [block, b] : v->items()) {
      if (!b.is_object() || !b.value("kind", json()).is_string() ||
          !b.value("attributes", json()).is_object()) {
        problem =
            fmt::format("`blocks.{}`: an object with `kind` and `attributes` was expected", block);
        break;
      }
    }
    out.blocks = *v;
  }
  const json* resources = r.member(doc, "", "resources", &json::is_array, "an array", true);
  for (std::size_t i = 0; resources && r.ok() && i < resources->size(); ++i) {
    const json& item = (*resources)[i];
    std::string at = fmt::format("resources[{}]", i);
    if (!item.is_object()) {
      problem = fmt::format("`{}`: an object was expected", at);
      break;
    }
    at += ".";
    Entry e;
    e.id = r.text(item, at, "id", true);
    e.block = r.text(item, at, "block", false);
    e.service = r.text(item, at, "service", true);
    e.operation = r.text(item, at, "operation", true);
    std::string status = r.text(item, at, "status", false);
    if (r.ok() && !status.empty() && status != "pending" && status != "created" &&
        status != "deposed") {
      problem = fmt::format("`{}status`: `created`, `pending` or `deposed` was expected, not `{}`",
                            at, status);
    }
    e.pending = status == "pending";
    e.deposed = status == "deposed";
    e.resource = r.text(item, at, "resource", false);
    auto object = &json::is_object;
    if (const json* v = r.member(item, at, "params", object, "an object", false)) {
      e.params = *v;
    }
    if (const json* v = r.member(item, at, "request", object, "an object", false)) {
      e.request = *v;
    }
    if (const json* v = r.member(item, at, "outputs", object, "an object", false)) {
      e.outputs = *v;
    }
    if (const json* v = r.member(item, at, "depends_on", &json::is_array, "an array", false)) {
      for (std::size_t k = 0; k < v->size() && r.ok(); ++k) {
        if (!(*v)[k].is_string()) {
          problem = fmt::format("`{}depends_on[{}]`: a string was expected", at, k);
          break;
        }
        e.depends_on.push_back((*v)[k].get<std::string>());
      }
    }
    if (r.ok() && out.find(e.id)) {
      problem = fmt::format("`{}id`: `{}` is there twice", at, e.id);
    }
    out.entries.push_back(std::move(e));
  }
  if (!problem.empty()) {
    error = fmt::format("`{}` is not an eclc state file: {}", path, problem);
    out = State{};
    return false;
  }
  return true;
}

std::string next_state_text(State& state) {
  if (state.lineage.empty()) {
    state.lineage = new_lineage();
  }
  ++state.serial;
  return to_json(state);
}

bool write_state_text(const std::string& path, const std::string& text, std::string& error) {
  return driver::write_file_atomically(path, text, error, driver::FileMode::Private);
}

bool save_state(const std::string& path, State& state, std::string& error) {
  return write_state_text(path, next_state_text(state), error);
}

} // namespace ecl::apply
