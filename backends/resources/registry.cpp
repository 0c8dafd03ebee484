#include "backends/resources/registry.h"

#include <algorithm>
#include <cctype>

namespace ecl::resources {

std::span<const Descriptor* const> descriptors() {
#define ECL_ADDRESS(name) &name(),
  static const Descriptor* const all[] = {ECL_RESOURCES(ECL_ADDRESS)};
#undef ECL_ADDRESS
  return all;
}

namespace {

// The look-ups, built once: plans ask for every step and every reference.
struct Index {
  using Key = std::pair<std::string_view, std::string_view>;
  std::map<Key, const Operation*> operations;              // (service, name)
  std::map<Key, const Attribute*> attributes;              // (kind, name)
  std::map<std::string_view, const Attribute*> references; // kind
  std::map<const Attribute*, std::string_view> paths;

  Index() {
    for (const Descriptor* d : descriptors()) {
      for (const Operation& op : d->operations) {
        operations.emplace(Key{op.service, op.name}, &op);
      }
      for (const Attribute& a : d->attributes) {
        attributes.emplace(Key{a.kind, a.name}, &a);
        if (a.reference) {
          references.emplace(a.kind, &a);
        }
        for (const Operation& op : d->operations) {
          if (op.name == a.operation) {
            paths.emplace(&a, output_path(op, a.output));
          }
        }
      }
    }
  }
};

const Index& index() {
  static const Index built;
  return built;
}

template <typename Map, typename Key>
auto find_in(const Map& map, const Key& key) -> typename Map::mapped_type {
  auto it = map.find(key);
  return it == map.end() ? nullptr : it->second;
}

} // namespace

const Operation* find_operation(std::string_view service, std::string_view operation) {
  return find_in(index().operations, Index::Key{service, operation});
}

const Attribute* find_attribute(std::string_view kind, std::string_view name) {
  return find_in(index().attributes, Index::Key{kind, name});
}

const Attribute* find_reference(std::string_view kind) {
  return find_in(index().references, kind);
}

std::string_view output_path(const Operation& operation, std::string_view name) {
  for (const Output& o : operation.outputs) {
    if (o.name == name) {
      return o.path;
    }
  }
  return "";
}

std::string_view output_path(const Attribute& attribute) {
  auto it = index().paths.find(&attribute);
  return it == index().paths.end() ? "" : it->second;
}

std::string text_of(const json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

bool same_text(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

bool places(const json& params, std::string_view member) {
  if (params.is_string()) {
    std::string_view text = params.get_ref<const std::string&>();
    // A member inside the one placed goes with it (DnsConfig.DnsRecords.TTL in its records).
    std::string_view placed = text.substr(std::min<std::size_t>(9, text.size()));
    return text.starts_with("$request.") &&
           (placed == member || (member.starts_with(placed) && member.size() > placed.size() &&
                                 member[placed.size()] == '.'));
  }
  return params.is_structured() && std::any_of(params.begin(), params.end(),
                                               [&](const json& v) { return places(v, member); });
}

bool has_code(const Codes& codes, std::string_view code, std::string_view message) {
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  return std::any_of(codes.begin(), codes.end(), [&](std::string_view entry) {
    std::size_t colon = entry.find(": ");
    if (colon == std::string_view::npos) {
      return entry == code;
    }
    std::string_view text = entry.substr(colon + 2);
    return entry.substr(0, colon) == code &&
           std::search(message.begin(), message.end(), text.begin(), text.end(),
                       [&](char a, char b) { return lower(a) == lower(b); }) != message.end();
  });
}

json fill(const json& value, const Operation& operation, const json& outputs, const json& request,
          std::string_view block, const json* answer) {
  if (value.is_string()) {
    std::string_view text = value.get_ref<const std::string&>();
    // What a dotted path of object members holds (`$request.Target.RoleArn`), "" for nothing.
    auto at_path = [](const json* at, std::string_view path) -> json {
      while (at && !path.empty()) {
        std::string_view member = path.substr(0, path.find('.'));
        path = member.size() < path.size() ? path.substr(member.size() + 1) : "";
        auto it = at->is_object() ? at->find(std::string(member)) : at->end();
        at = at->is_object() && it != at->end() ? &*it : nullptr;
      }
      return at && !at->is_null() ? *at : json("");
    };
    if (text.starts_with("$output.")) {
      // The outputs are recorded by their paths, which are keys of their own.
      auto it = outputs.find(std::string(output_path(operation, text.substr(8))));
      return it == outputs.end() || it->is_null() ? json("") : *it;
    }
    if (text.starts_with("$request.")) {
      return at_path(&request, text.substr(9));
    }
    if (text == "$block") {
      return std::string(block);
    }
    if (text.starts_with("$answer.") && answer) {
      return at_path(answer, text.substr(8));
    }
    return value;
  }
  json out = value;
  if (out.is_structured()) {
    for (json& member : out) { // an object's values, an array's items
      member = fill(member, operation, outputs, request, block, answer);
    }
  }
  return out;
}

} // namespace ecl::resources
