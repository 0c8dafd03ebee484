// Prints every request template the resource descriptors hold (backends/resources), one JSON
// object a call: the descriptor, where in it, the service, the operation and the params. What
// tests/resources/requests_test.py checks against botocore's API models: the create calls are
// checked in every plan (plan_validate), these only here.
#include "backends/resources/registry.h"

#include <iostream>

namespace {

using ecl::resources::json;

void add(json& out, const ecl::resources::Descriptor& d, const std::string& where,
         const ecl::resources::Request& r, json params) {
  out.push_back({{"descriptor", d.name},
                 {"where", where},
                 {"service", r.service},
                 {"operation", r.operation},
                 {"params", std::move(params)}});
}

void add(json& out, const ecl::resources::Descriptor& d, const std::string& where,
         const ecl::resources::Request& r) {
  add(out, d, where, r, r.params);
}

} // namespace

int main() {
  json out = json::array();
  for (const ecl::resources::Descriptor* d : ecl::resources::descriptors()) {
    for (const ecl::resources::Operation& op : d->operations) {
      std::string at = std::string(op.name) + " ";
      if (op.update) {
        json params = op.update->params;
        for (std::string_view member : op.updatable) {
          if (!ecl::resources::places(params, member)) {
            params[std::string(member)] = "$updatable"; // the member as the create call sends it
          }
        }
        add(out, *d, at + "update", *op.update, params);
      }
      for (const auto& [member, call] : op.set_by) {
        add(out, *d, at + "sets " + std::string(member), call);
      }
      for (std::size_t i = 0; i < op.remove.size(); ++i) {
        add(out, *d, at + "remove[" + std::to_string(i) + "]", op.remove[i].call);
        if (op.remove[i].then) {
          add(out, *d, at + "remove[" + std::to_string(i) + "] waiter", op.remove[i].then->probe);
        }
      }
      if (op.wait) {
        add(out, *d, at + "waiter", op.wait->probe);
      }
      if (op.lookup) {
        json params = op.lookup->describe.params;
        if (op.lookup->by_tag) {
          params[std::string(op.lookup->filters)] =
              json::array({{{"Name", "tag:ecl:path"}, {"Values", json::array({"$block"})}}});
        }
        add(out, *d, at + "lookup", op.lookup->describe, params);
        if (op.lookup->read_tags) {
          add(out, *d, at + "lookup tags", *op.lookup->read_tags);
        }
      }
      if (op.refresh) {
        add(out, *d, at + "refresh", op.refresh->read);
      }
      if (!op.tags.subject.empty()) {
        // Its tag calls: one key changed, one removed.
        json before = json::object(), after = json::object();
        ecl::resources::add_tags(before, op, {{"team", "a"}, {"old", "x"}});
        ecl::resources::add_tags(after, op, {{"team", "b"}});
        for (ecl::resources::Call& c :
             ecl::resources::tag_calls(op.tags, "$subject", before, after)) {
          out.push_back({{"descriptor", d->name},
                         {"where", at + "tags"},
                         {"service", c.service},
                         {"operation", c.operation},
                         {"params", std::move(c.params)}});
        }
      }
    }
  }
  std::cout << out.dump(1) << "\n";
  return 0;
}
