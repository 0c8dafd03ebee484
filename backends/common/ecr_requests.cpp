#include "backends/common/ecr_requests.h"

#include "backends/common/aws.h"

namespace ecl::backend::common {

namespace {

// A folded string or number of a rule as the policy text holds it (the checker admits only
// literals there).
json literal(const model::Value* v) {
  if (!v) {
    return nullptr;
  }
  if (const std::string* s = v->string()) {
    return *s;
  }
  if (const auto* n = v->as<std::int64_t>()) {
    return *n;
  }
  if (const auto* m = v->as<model::EnumMember>()) {
    return m->name;
  }
  if (const model::List* list = v->as<model::List>()) {
    json out = json::array();
    for (const model::Value& item : *list) {
      out.push_back(literal(&item));
    }
    return out;
  }
  return nullptr;
}

} // namespace

json repository(Spelling& s, const model::Block& repo) {
  json out = json::object();
  if (const model::Value* name = s.get(repo, "name")) {
    out["repositoryName"] = s.value(*name);
  } else {
    out["repositoryName"] = repo.name;
  }
  const std::string* mutability = s.get_enum(repo, "tag_mutability");
  out["imageTagMutability"] = upper(mutability ? *mutability : "mutable");
  const std::string* encryption = s.get_enum(repo, "encryption");
  json& config = out["encryptionConfiguration"] = json::object();
  config["encryptionType"] = encryption ? upper(*encryption) : "AES256";
  if (const model::Value* key = s.get(repo, "kms_key")) {
    config["kmsKey"] = s.value(*key);
  }
  return out;
}

std::string lifecycle_policy_text(Spelling& s, const model::Block& repo) {
  const model::List& rules = s.get_list(repo, "lifecycle");
  if (rules.empty()) {
    return "";
  }
  json out = json::array();
  for (const model::Value& rule : rules) {
    auto f = [&](std::string_view name) { return s.field(repo, "lifecycle", rule, name); };
    json r = json::object();
    r["rulePriority"] = literal(f("priority"));
    if (json description = literal(f("description")); description.is_string()) {
      r["description"] = std::move(description);
    }
    json& selection = r["selection"] = json::object();
    selection["tagStatus"] = literal(f("tag_status"));
    for (auto [field, member] : {std::pair{"tag_prefixes", "tagPrefixList"},
                                 std::pair{"tag_patterns", "tagPatternList"}}) {
      json list = literal(f(field));
      if (list.is_array() && !list.empty()) {
        selection[member] = std::move(list);
      }
    }
    json type = literal(f("count_type"));
    selection["countType"] = camel(type.is_string() ? type.get<std::string>() : "");
    if (type == "since_image_pushed") {
      selection["countUnit"] = "days";
    }
    selection["countNumber"] = literal(f("count"));
    r["action"] = {{"type", "expire"}};
    out.push_back(std::move(r));
  }
  return json{{"rules", std::move(out)}}.dump();
}

} // namespace ecl::backend::common
