// The tag spellings of the nine services, in one place (TagStyle).
#include "backends/resources/registry.h"

namespace ecl::resources {

bool is_tag_member(std::string_view member) {
  return member == "TagSpecifications" || member == "Tags" || member == "tags";
}

TagMap tags_of(const json& tags, TagMap out) {
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
  // EC2's TagSpecifications, IAM's and Auto Scaling's `Tags` lists, ECS's `tags` list or
  // CloudWatch Logs' `tags` map.
  if (request.contains("TagSpecifications") && request["TagSpecifications"].is_array()) {
    for (const json& spec : request["TagSpecifications"]) {
      out = tags_of(spec.value("Tags", json::array()), std::move(out));
    }
  }
  for (const char* member : {"Tags", "tags"}) {
    if (request.contains(member)) {
      out = tags_of(request[member], std::move(out));
    }
  }
  return out;
}

namespace {

// How a style spells tags: the service and its tag and untag calls; the member of those calls
// naming what is tagged (a list of one when `subject_list`) and the untag call's member of the
// keys; the member of the tags in a create request and a tag call, and a tag's key and value
// members ("": a map, CloudWatch Logs). EC2's and Auto Scaling's lists are spelled apart below.
struct Spelling {
  const char* service;
  const char* tag;
  const char* untag;
  const char* subject;
  bool subject_list;
  const char* keys;
  const char* tags;
  const char* key;
  const char* value;
};

// In the order of TagStyle, after None.
constexpr Spelling kSpellings[] = {
    {"ec2", "CreateTags", "DeleteTags", "Resources", true, "Tags", "Tags", "Key", "Value"},
    {"ecs", "TagResource", "UntagResource", "resourceArn", false, "tagKeys", "tags", "key",
     "value"},
    {"iam", "TagRole", "UntagRole", "RoleName", false, "TagKeys", "Tags", "Key", "Value"},
    {"iam", "TagInstanceProfile", "UntagInstanceProfile", "InstanceProfileName", false, "TagKeys",
     "Tags", "Key", "Value"},
    {"logs", "TagLogGroup", "UntagLogGroup", "logGroupName", false, "tags", "tags", "", ""},
    {"autoscaling", "CreateOrUpdateTags", "DeleteTags", "", false, "", "Tags", "Key", "Value"},
    {"elbv2", "AddTags", "RemoveTags", "ResourceArns", true, "TagKeys", "Tags", "Key", "Value"},
    {"efs", "TagResource", "UntagResource", "ResourceId", false, "TagKeys", "Tags", "Key", "Value"},
    {"ecr", "TagResource", "UntagResource", "resourceArn", false, "tagKeys", "tags", "Key",
     "Value"},
    {"servicediscovery", "TagResource", "UntagResource", "ResourceARN", false, "TagKeys", "Tags",
     "Key", "Value"},
};

// Tags in a style's spelling: [{key: K, value: V}], or {K: V}.
template <typename Tags>
json spelt(const Tags& tags, const Spelling& s) {
  json out = *s.key ? json::array() : json::object();
  for (const auto& [k, v] : tags) {
    if (*s.key) {
      out.push_back({{s.key, k}, {s.value, v}});
    } else {
      out[k] = v;
    }
  }
  return out;
}

static_assert(std::size(kSpellings) == static_cast<std::size_t>(TagStyle::CloudMap));

const Spelling* spelling(TagStyle style) {
  return style == TagStyle::None ? nullptr : &kSpellings[static_cast<std::size_t>(style) - 1];
}

// Auto Scaling's tags name their group and say whether instances inherit them.
json auto_scaling_tag(const json& group, const std::string& type, const std::string& key) {
  return {{"ResourceId", group}, {"ResourceType", type}, {"Key", key}};
}

} // namespace

void add_tags(json& request, const Operation& operation,
              const std::vector<std::pair<std::string, json>>& tags) {
  const Tagging& tagging = operation.tags;
  const Spelling* s = spelling(tagging.style);
  const std::string resource_type(tagging.resource_type);
  if (!s) {
    return;
  }
  if (tagging.style == TagStyle::Ec2) {
    request["TagSpecifications"] =
        json::array({{{"ResourceType", resource_type}, {"Tags", spelt(tags, *s)}}});
  } else if (tagging.style == TagStyle::AutoScaling) {
    const json group =
        fill(json(std::string(tagging.subject)), operation, json::object(), request, "");
    json& list = request["Tags"] = json::array();
    for (const auto& [k, v] : tags) {
      json tag = auto_scaling_tag(group, resource_type, k);
      tag["Value"] = v;
      tag["PropagateAtLaunch"] = true;
      list.push_back(std::move(tag));
    }
  } else {
    request[s->tags] = spelt(tags, *s);
  }
}

std::string tag_call(TagStyle style) {
  const Spelling* s = spelling(style);
  return s ? std::string(s->service) + ":" + s->tag : "";
}

std::vector<Call> tag_calls(const Tagging& tagging, const std::string& subject, const json& before,
                            const json& after) {
  const Spelling* s = spelling(tagging.style);
  if (!s || subject.empty()) {
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
  if (tagging.style == TagStyle::AutoScaling) {
    // The request's own tags are sent again (they say whether instances inherit them).
    json& gone = untag["Tags"] = json::array();
    for (const json& k : removed) {
      gone.push_back(
          auto_scaling_tag(subject, std::string(tagging.resource_type), k.get<std::string>()));
    }
    json& tags = tag["Tags"] = json::array();
    for (const json& t : after.value("Tags", json::array())) {
      if (t.is_object() && set.count(t.value("Key", ""))) {
        tags.push_back(t);
      }
    }
  } else {
    const json named = s->subject_list ? json::array({subject}) : json(subject);
    untag = {{s->subject, named}, {s->keys, removed}};
    tag = {{s->subject, named}, {s->tags, spelt(set, *s)}};
    if (tagging.style == TagStyle::Ec2) {
      for (json& k : untag["Tags"]) {
        k = {{"Key", k}};
      }
    }
  }
  std::vector<Call> out;
  if (!removed.empty()) {
    out.push_back({s->service, s->untag, std::move(untag)});
  }
  if (!set.empty()) {
    out.push_back({s->service, s->tag, std::move(tag)});
  }
  return out;
}

} // namespace ecl::resources
