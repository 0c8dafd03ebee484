// The tag spellings of the nine services, in one place (TagStyle).
#include "backends/resources/registry.h"

namespace ecl::resources {

bool is_tag_member(std::string_view member) {
  return member == "TagSpecifications" || member == "Tags" || member == "tags";
}

TagMap tags_of(const json& tags) {
  TagMap out;
  if (tags.is_object()) {
    for (const auto& [k, v] : tags.items()) {
      out[k] = text_of(v);
    }
  }
  for (const json& t : tags.is_array() ? tags : json::array()) {
    if (t.is_object()) {
      out[t.value("Key", t.value("key", ""))] = text_of(t.value("Value", t.value("value", json())));
    }
  }
  return out;
}

TagMap tag_map(const json& request) {
  TagMap out;
  auto add = [&](const json& tags) {
    for (auto& [k, v] : tags_of(tags)) {
      out[k] = std::move(v);
    }
  };
  // EC2's TagSpecifications, IAM's and Auto Scaling's `Tags` lists, ECS's `tags` list or
  // CloudWatch Logs' `tags` map.
  if (request.contains("TagSpecifications") && request["TagSpecifications"].is_array()) {
    for (const json& spec : request["TagSpecifications"]) {
      add(spec.value("Tags", json::array()));
    }
  }
  for (const char* member : {"Tags", "tags"}) {
    if (request.contains(member)) {
      add(request[member]);
    }
  }
  return out;
}

namespace {

// The calls of a style: (service, tag call, untag call).
struct Spelling {
  TagStyle style;
  const char* service;
  const char* tag;
  const char* untag;
};

constexpr Spelling kSpellings[] = {
    {TagStyle::Ec2, "ec2", "CreateTags", "DeleteTags"},
    {TagStyle::Ecs, "ecs", "TagResource", "UntagResource"},
    {TagStyle::IamRole, "iam", "TagRole", "UntagRole"},
    {TagStyle::IamInstanceProfile, "iam", "TagInstanceProfile", "UntagInstanceProfile"},
    {TagStyle::Logs, "logs", "TagLogGroup", "UntagLogGroup"},
    {TagStyle::AutoScaling, "autoscaling", "CreateOrUpdateTags", "DeleteTags"},
    {TagStyle::Elbv2, "elbv2", "AddTags", "RemoveTags"},
    {TagStyle::Efs, "efs", "TagResource", "UntagResource"},
    {TagStyle::Ecr, "ecr", "TagResource", "UntagResource"},
    {TagStyle::CloudMap, "servicediscovery", "TagResource", "UntagResource"},
};

// Tags as [{key: K, value: V}] in a service's spelling of `key` and `value`.
template <typename Tags>
json pairs(const Tags& tags, const char* key, const char* value) {
  json out = json::array();
  for (const auto& [k, v] : tags) {
    out.push_back({{key, k}, {value, v}});
  }
  return out;
}

// Tags as {K: V} (CloudWatch Logs).
template <typename Tags>
json object(const Tags& tags) {
  json out = json::object();
  for (const auto& [k, v] : tags) {
    out[k] = v;
  }
  return out;
}

const Spelling* spelling(TagStyle style) {
  for (const Spelling& s : kSpellings) {
    if (s.style == style) {
      return &s;
    }
  }
  return nullptr;
}

} // namespace

void add_tags(json& request, const Operation& operation,
              const std::vector<std::pair<std::string, json>>& tags) {
  const Tagging& tagging = operation.tags;
  const std::string resource_type(tagging.resource_type);
  switch (tagging.style) {
  case TagStyle::Ec2:
    request["TagSpecifications"] =
        json::array({{{"ResourceType", resource_type}, {"Tags", pairs(tags, "Key", "Value")}}});
    break;
  case TagStyle::Ecs:
    request["tags"] = pairs(tags, "key", "value");
    break;
  case TagStyle::IamRole:
  case TagStyle::IamInstanceProfile:
  case TagStyle::Elbv2:
  case TagStyle::Efs:
  case TagStyle::CloudMap:
    request["Tags"] = pairs(tags, "Key", "Value");
    break;
  case TagStyle::Logs:
    request["tags"] = object(tags);
    break;
  case TagStyle::Ecr:
    request["tags"] = pairs(tags, "Key", "Value");
    break;
  case TagStyle::AutoScaling: {
    const json group =
        fill(json(std::string(tagging.subject)), operation, json::object(), request, "");
    json list = json::array();
    for (const auto& [k, v] : tags) {
      list.push_back({{"ResourceId", group},
                      {"ResourceType", resource_type},
                      {"Key", k},
                      {"Value", v},
                      {"PropagateAtLaunch", true}});
    }
    request["Tags"] = std::move(list);
    break;
  }
  case TagStyle::None:
    break;
  }
}

std::string tag_call(TagStyle style) {
  const Spelling* s = spelling(style);
  return s ? std::string(s->service) + ":" + s->tag : "";
}

std::vector<Call> tag_calls(const Tagging& tagging, const std::string& subject, const json& before,
                            const json& after) {
  const TagStyle style = tagging.style;
  const Spelling* spelt = spelling(style);
  if (!spelt || subject.empty()) {
    return {};
  }
  TagMap old_tags = tag_map(before), new_tags = tag_map(after);
  json removed = json::array(); // the keys
  TagMap set;
  for (const auto& [k, v] : old_tags) {
    if (!new_tags.count(k)) {
      removed.push_back(k);
    }
  }
  for (const auto& [k, v] : new_tags) {
    auto it = old_tags.find(k);
    if (it == old_tags.end() || it->second != v) {
      set[k] = v;
    }
  }
  json untag, tag;
  switch (style) {
  case TagStyle::Ec2: {
    json ids = json::array({subject});
    json key_objects = json::array();
    for (const json& k : removed) {
      key_objects.push_back({{"Key", k}});
    }
    untag = {{"Resources", ids}, {"Tags", key_objects}};
    tag = {{"Resources", ids}, {"Tags", pairs(set, "Key", "Value")}};
    break;
  }
  case TagStyle::Ecs:
    untag = {{"resourceArn", subject}, {"tagKeys", removed}};
    tag = {{"resourceArn", subject}, {"tags", pairs(set, "key", "value")}};
    break;
  case TagStyle::IamRole:
  case TagStyle::IamInstanceProfile: {
    const char* name = style == TagStyle::IamRole ? "RoleName" : "InstanceProfileName";
    untag = {{name, subject}, {"TagKeys", removed}};
    tag = {{name, subject}, {"Tags", pairs(set, "Key", "Value")}};
    break;
  }
  case TagStyle::Logs:
    untag = {{"logGroupName", subject}, {"tags", removed}};
    tag = {{"logGroupName", subject}, {"tags", object(set)}};
    break;
  case TagStyle::AutoScaling: {
    // Auto Scaling's tags name their group and say whether instances inherit them: the request's
    // own are sent again.
    json gone = json::array(), tags = json::array();
    for (const json& k : removed) {
      gone.push_back({{"ResourceId", subject},
                      {"ResourceType", std::string(tagging.resource_type)},
                      {"Key", k}});
    }
    for (const json& t : after.value("Tags", json::array())) {
      if (t.is_object() && set.count(t.value("Key", ""))) {
        tags.push_back(t);
      }
    }
    untag = {{"Tags", gone}};
    tag = {{"Tags", tags}};
    break;
  }
  case TagStyle::Elbv2:
    untag = {{"ResourceArns", json::array({subject})}, {"TagKeys", removed}};
    tag = {{"ResourceArns", json::array({subject})}, {"Tags", pairs(set, "Key", "Value")}};
    break;
  case TagStyle::Efs:
    untag = {{"ResourceId", subject}, {"TagKeys", removed}};
    tag = {{"ResourceId", subject}, {"Tags", pairs(set, "Key", "Value")}};
    break;
  case TagStyle::Ecr:
    untag = {{"resourceArn", subject}, {"tagKeys", removed}};
    tag = {{"resourceArn", subject}, {"tags", pairs(set, "Key", "Value")}};
    break;
  case TagStyle::CloudMap:
    untag = {{"ResourceARN", subject}, {"TagKeys", removed}};
    tag = {{"ResourceARN", subject}, {"Tags", pairs(set, "Key", "Value")}};
    break;
  case TagStyle::None:
    break;
  }
  std::vector<Call> out;
  if (!removed.empty()) {
    out.push_back({spelt->service, spelt->untag, std::move(untag)});
  }
  if (!set.empty()) {
    out.push_back({spelt->service, spelt->tag, std::move(tag)});
  }
  return out;
}

} // namespace ecl::resources
