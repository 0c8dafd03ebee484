#include "apply/state.h"

#include "compiler/driver/driver.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

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

std::string to_json(const State& state) {
  json out = json::object();
  out["format_version"] = kStateFormatVersion;
  out["stack"] = state.stack;
  out["region"] = state.region;
  json resources = json::array();
  for (const Entry& e : state.entries) {
    json r = json::object();
    r["id"] = e.id;
    r["block"] = e.block;
    r["service"] = e.service;
    r["operation"] = e.operation;
    r["status"] = e.pending ? "pending" : "created";
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
  return out.dump(2) + "\n";
}

bool load_state(const std::string& path, State& out, std::string& error) {
  out = State{};
  if (!std::filesystem::exists(path)) {
    return true;
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  json doc = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("resources")) {
    error = "`" + path + "` is not an eclc state file";
    return false;
  }
  if (doc.value("format_version", 0) != kStateFormatVersion) {
    error = "`" + path + "` has state format " + doc.value("format_version", json(0)).dump() +
            "; this eclc reads format " + std::to_string(kStateFormatVersion);
    return false;
  }
  try {
    out.stack = doc.value("stack", "");
    out.region = doc.value("region", "");
    out.outputs = doc.value("outputs", json::object());
    for (const json& r : doc["resources"]) {
      Entry e;
      e.id = r.at("id").get<std::string>();
      e.block = r.value("block", "");
      e.service = r.at("service").get<std::string>();
      e.operation = r.at("operation").get<std::string>();
      e.pending = r.value("status", "created") == "pending";
      e.resource = r.value("resource", "");
      e.params = r.value("params", json::object());
      e.request = r.value("request", json::object());
      e.depends_on = r.value("depends_on", std::vector<std::string>{});
      e.outputs = r.value("outputs", json::object());
      out.entries.push_back(std::move(e));
    }
  } catch (const json::exception& ex) {
    error = "`" + path + "` is not an eclc state file: " + ex.what();
    return false;
  }
  return true;
}

bool save_state(const std::string& path, const State& state, std::string& error) {
  return driver::write_file_atomically(path, to_json(state), error);
}

} // namespace ecl::apply
