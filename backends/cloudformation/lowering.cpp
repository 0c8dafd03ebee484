#include "backends/cloudformation/lowering.h"

#include "backends/cloudformation/cloudformation.h"
#include "backends/common/json_writer.h"
#include "backends/resources/registry.h"
#include "compiler/schema/schema.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <regex>

namespace ecl::backend::cfn {

namespace {

std::string number_text(double d) {
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    return fmt::format("{}", static_cast<std::int64_t>(d));
  }
  return fmt::format("{}", d);
}

// std::isalnum and std::toupper of the "C" locale (eclc never sets another), without the calls.
bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

void append_pascal(std::string& out, std::string_view name) {
  bool upper = true;
  for (char c : name) {
    if (!is_ascii_alnum(c)) {
      upper = true;
      continue;
    }
    out += upper ? ascii_upper(c) : c;
    upper = false;
  }
}

} // namespace

std::string pascal(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  append_pascal(out, name);
  return out;
}

std::string path_id(const model::Block& block) {
  return pascal(block.path);
}

std::string logical_id(const model::Block& block) {
  // An unnamed block's path already ends in its kind and index: `main.public.route[0]`.
  std::string id;
  id.reserve(block.path.size() + (block.name.empty() ? 0 : block.kind_name.size()));
  append_pascal(id, block.path);
  if (!block.name.empty()) {
    append_pascal(id, block.kind_name);
  }
  return id;
}

// ---- writing the template ----------------------------------------------------------------------

void Lowering::claim(const model::Block& owner, std::string_view id) {
  claims_.push_back({static_cast<std::uint32_t>(ids_text_.size()),
                     static_cast<std::uint32_t>(id.size()), &owner});
  ids_text_ += id;
}

void Lowering::check_ids() {
  // Open addressing over the claims (index + 1, 0 for a free slot), at most half full.
  std::size_t slots = 16;
  while (slots < 2 * claims_.size()) {
    slots *= 2;
  }
  std::vector<std::uint32_t> table(slots, 0);
  auto text = [&](const Claim& c) { return std::string_view(ids_text_).substr(c.offset, c.size); };
  for (std::size_t i = 0; i < claims_.size(); ++i) {
    const std::string_view id = text(claims_[i]);
    if (id.size() > kMaxLogicalId) {
      diags_.report(Diag::LogicalIdTooLong, claims_[i].owner->header_range,
                    claims_[i].owner->display(), std::string(id.substr(0, 40)), id.size());
      failed_ = true;
    }
    std::size_t slot = std::hash<std::string_view>{}(id) & (slots - 1);
    for (; table[slot] != 0; slot = (slot + 1) & (slots - 1)) {
      const Claim& first = claims_[table[slot] - 1];
      if (text(first) != id) {
        continue;
      }
      // Taken before: reported against the block that took it first, as each collision is met.
      const model::Block& owner = *claims_[i].owner;
      diags_
          .report(Diag::LogicalIdCollision, owner.header_range, first.owner->display(),
                  owner.display(), std::string(id))
          .note(first.owner->header_range,
                fmt::format("{} is declared here", first.owner->display()));
      failed_ = true;
      break;
    }
    if (table[slot] == 0) {
      table[slot] = static_cast<std::uint32_t>(i + 1);
    }
  }
}

common::JsonWriter& Lowering::begin_resource(const model::Block& owner, std::string_view id,
                                             const resources::Descriptor& resource) {
  // A resource whose ID collides is written all the same (the lowering goes on, to report every
  // collision): the template is dropped when the lowering fails.
  claim(owner, id);
  ++resources_;
  common::JsonWriter& w = *writer_;
  w.key(id).begin_object();
  w.member("Type", resource.cfn_type);
  w.key("Properties").begin_object();
  in_properties_ = true;
  return w;
}

common::JsonWriter& Lowering::end_properties() {
  in_properties_ = false;
  return writer_->end_object();
}

void Lowering::end_resource() {
  if (in_properties_) {
    end_properties();
  }
  writer_->end_object();
}

void Lowering::collect_parameters(const model::Block& block, json& parameters) {
  // The walk of lower_block, so that the parameters come in the order their blocks lower.
  if (is_kind(block, "ec2_capacity")) {
    add_image_parameter(*this, block, parameters);
  }
  if (is_kind(block, "task")) {
    return;
  }
  for (const model::Block* c : block.children) {
    collect_parameters(*c, parameters);
  }
}

void Lowering::write_value(common::JsonWriter& w, const model::Value& v) {
  if (const auto* s = v.as<std::string>()) {
    w.value(*s);
  } else if (const auto* i = v.as<std::int64_t>()) {
    w.value(*i);
  } else if (const auto* b = v.as<bool>()) {
    w.value(*b);
  } else if (const auto* e = v.as<model::EnumMember>()) {
    w.value(e->name);
  } else if (const auto* r = v.as<model::BlockRef>(); r && r->block) {
    write_ref(w, *r->block);
  } else {
    w.value(value(v));
  }
}

namespace {

// The properties CloudFormation names otherwise than the API does, and the free-form maps whose
// keys are the user's.
constexpr std::pair<std::string_view, std::string_view> kRenamed[] = {
    {"placementStrategy", "PlacementStrategies"},
    {"settings", "ClusterSettings"},
    // A task volume's EFS configuration (AWS::ECS::TaskDefinition EFSVolumeConfiguration).
    {"efsVolumeConfiguration", "EFSVolumeConfiguration"},
    {"fileSystemId", "FilesystemId"},
    {"iam", "IAM"},
};
constexpr std::string_view kFreeForm[] = {"options", "dockerLabels"};

} // namespace

common::Request& Properties::open(bool array) {
  const bool free = as_is();
  array ? w_.begin_array() : w_.begin_object();
  ++depth_;
  if (free && free_at_ == 0) {
    free_at_ = depth_;
  }
  return *this;
}

common::Request& Properties::close(bool array) {
  if (free_at_ == depth_) {
    free_at_ = 0;
  }
  --depth_;
  array ? w_.end_array() : w_.end_object();
  return *this;
}

common::Request& Properties::key(std::string_view name) {
  if (free_at_ != 0) {
    w_.key(name);
    return *this;
  }
  // Most names are as long as none of the few renamed or free-form ones: a bit a length tells.
  constexpr std::uint64_t kLengths = [] {
    std::uint64_t bits = 0;
    for (const auto& [api, cfn] : kRenamed) {
      bits |= std::uint64_t{1} << api.size();
    }
    for (std::string_view free_form : kFreeForm) {
      bits |= std::uint64_t{1} << free_form.size();
    }
    return bits;
  }();
  free_next_ = false;
  if (name.size() < 64 && (kLengths >> name.size() & 1) != 0) {
    free_next_ = std::find(std::begin(kFreeForm), std::end(kFreeForm), name) != std::end(kFreeForm);
    for (const auto& [api, cfn] : kRenamed) {
      if (name == api) {
        w_.key(cfn);
        return *this;
      }
    }
  }
  // Capitalised in a buffer on the stack (a string's assign costs more): names are short.
  char buffer[64];
  if (name.empty() || name.size() > sizeof buffer) {
    std::string spelt(name);
    if (!spelt.empty()) {
      spelt[0] = ascii_upper(spelt[0]);
    }
    w_.key(spelt);
    return *this;
  }
  std::copy(name.begin(), name.end(), buffer);
  buffer[0] = ascii_upper(buffer[0]);
  w_.key(std::string_view(buffer, name.size()));
  return *this;
}

common::Request& Properties::value(const json& v) {
  if (as_is()) {
    w_.value(v);
  } else if (v.is_object()) {
    begin_object();
    for (auto it = v.begin(); it != v.end(); ++it) {
      key(it.key());
      value(*it);
    }
    end_object();
  } else if (v.is_array()) {
    begin_array();
    for (const json& item : v) {
      value(item);
    }
    end_array();
  } else {
    w_.value(v);
  }
  return *this;
}

common::Request& Properties::value(const model::Value& v) {
  if (const auto* r = v.as<model::BlockRef>(); r && r->block) {
    return ref(*r->block);
  }
  if (v.as<model::Map>() || v.as<model::List>()) {
    return value(l_.value(v)); // its members respelt, unless free-form
  }
  free_next_ = false;
  l_.write_value(w_, v);
  return *this;
}

common::Request& Properties::ref(const model::Block& block) {
  free_next_ = false;
  if (is_kind(block, "container")) {
    w_.value(l_.ref(block)); // its name in the task definition
  } else {
    l_.write_ref(w_, block);
  }
  return *this;
}

void Lowering::write_request(common::JsonWriter& w, const json& request) {
  Properties out(*this, w);
  for (auto it = request.begin(); it != request.end(); ++it) {
    out.key(it.key()).value(*it);
  }
}

const std::string& Lowering::id(const model::Block& block) {
  if (block.id >= ids_.size() || program_.blocks[block.id].get() != &block) {
    return other_ids_.emplace_back(logical_id(block)); // not this program's: no lowering gets here
  }
  std::string& cached = ids_[block.id];
  if (cached.empty()) {
    cached = logical_id(block);
  }
  return cached;
}

std::string Lowering::made_id(const model::Block& owner, std::string_view suffix) {
  if (!taken_) {
    taken_.emplace();
    for (std::string_view kind : {"log_group", "role"}) {
      for (const model::Block* block : program_.of_kind(kind)) {
        taken_->push_back(id(*block));
      }
    }
  }
  std::string made = path_id(owner).append(suffix);
  if (std::find(taken_->begin(), taken_->end(), made) != taken_->end()) {
    made = id(owner) + std::string(suffix);
  }
  return made;
}

void Lowering::write_ref(common::JsonWriter& w, const model::Block& block) {
  if (const std::string* given = existing(block)) {
    w.value(*given); // made elsewhere: its ID or ARN
  } else if (is_kind(block, "security_group")) {
    write_getatt(w, id(block), "GroupId");
  } else if (is_kind(block, "role") || is_kind(block, "namespace")) {
    // A role's Ref is its name, a namespace's its ID; what takes either, its ARN.
    write_getatt(w, id(block), "Arn");
  } else if (is_kind(block, "container")) {
    w.value(block.name);
  } else {
    write_ref_to(w, id(block));
  }
}

void Lowering::write_ref_to(common::JsonWriter& w, std::string_view id) {
  w.begin_object().member("Ref", id).end_object();
}

void Lowering::write_getatt(common::JsonWriter& w, std::string_view id,
                            std::string_view attribute) {
  w.begin_object().key("Fn::GetAtt").begin_array().value(id).value(attribute).end_array();
  w.end_object();
}

void Lowering::write_tags(common::JsonWriter& w, const model::Block& block,
                          bool propagate_at_launch) {
  auto tag = [&](std::string_view key) -> common::JsonWriter& {
    return w.begin_object().member("Key", key).key("Value");
  };
  w.begin_array();
  for (const auto& [key, v] : merged_tags(block)) {
    write_value(tag(key), *v);
    if (propagate_at_launch) {
      w.member("PropagateAtLaunch", true);
    }
    w.end_object();
  }
  tag("ecl:path").value(block.path);
  if (propagate_at_launch) {
    w.member("PropagateAtLaunch", true);
  }
  w.end_object();
  w.end_array();
}

json Lowering::ref(const model::Block& block) {
  if (const std::string* given = existing(block)) {
    return *given;
  }
  if (is_kind(block, "container")) {
    // A container is named inside its task definition.
    const std::string* name = get_string(block, "name");
    return name ? *name : block.name;
  }
  if (is_kind(block, "security_group")) {
    return getatt(id(block), "GroupId");
  }
  if (is_kind(block, "role") || is_kind(block, "namespace")) {
    return getatt(id(block), "Arn");
  }
  return ref_to(id(block));
}

json Lowering::ref_to(std::string id) {
  json out = json::object();
  out.get_ref<json::object_t&>().emplace_back("Ref", std::move(id));
  return out;
}

json Lowering::getatt(std::string id, std::string_view attribute) {
  json pair = json::array();
  auto& items = pair.get_ref<json::array_t&>();
  items.reserve(2);
  items.emplace_back(std::move(id));
  items.emplace_back(std::string(attribute));
  json out = json::object();
  out.get_ref<json::object_t&>().emplace_back("Fn::GetAtt", std::move(pair));
  return out;
}

std::string Lowering::resource_id(const model::Block& block, std::string_view attribute) {
  const resources::Attribute* form = resources::find_attribute(block.kind_name, attribute);
  return !form || form->cfn_suffix.empty() ? logical_id(block)
                                           : path_id(block) + std::string(form->cfn_suffix);
}

json Lowering::deferred_value(const model::Deferred& d) {
  if (auto index = model::zone_index(d)) {
    // The region's zones, in the order Fn::GetAZs lists them ("" is the stack's region).
    return json{{"Fn::Select", json::array({*index, json{{"Fn::GetAZs", ""}}})}};
  }
  if (d.block && schema::existing(*d.block)) {
    // Made elsewhere: what its value tells, else nothing (a VPC's default group: AWS's default).
    auto known = schema::existing_attribute(*d.block, d.attribute);
    return known ? json(*known) : json(nullptr);
  }
  const resources::Attribute* form =
      d.block ? resources::find_attribute(d.block->kind_name, d.attribute) : nullptr;
  if (!form) {
    return nullptr; // the checker admits only the schema's deferred attributes
  }
  std::string id = resource_id(*d.block, d.attribute);
  if (form->getatt.empty()) {
    return ref_to(std::move(id));
  }
  return getatt(std::move(id), form->getatt);
}

std::string Lowering::sub_literal(std::string_view text) {
  return common::escape_placeholders(text, "${!");
}

std::string Lowering::template_reference(const model::Deferred& d) {
  if (auto index = model::zone_index(d)) {
    std::string name = fmt::format("Zone{}", *index);
    sub_variables_[name] = deferred_value(d);
    return "${" + name + "}";
  }
  json r = deferred_value(d);
  if (r.is_string()) {
    return sub_literal(r.get<std::string>()); // made elsewhere: known now
  }
  if (r.is_null()) {
    return "";
  }
  if (r.contains("Ref")) {
    return fmt::format("${{{}}}", r["Ref"].get<std::string>());
  }
  return fmt::format("${{{}.{}}}", r["Fn::GetAtt"][0].get<std::string>(),
                     r["Fn::GetAtt"][1].get<std::string>());
}

json Lowering::template_value(std::string text) {
  if (sub_variables_.empty()) {
    return json{{"Fn::Sub", std::move(text)}};
  }
  json out{{"Fn::Sub", json::array({std::move(text), std::move(sub_variables_)})}};
  sub_variables_ = json::object();
  return out;
}

json Lowering::zone(const std::string& zone_name) {
  // Zones are written in full ("us-east-1a") and the checker keeps them in the stack's region;
  // the template names them relative to the region it is deployed in, as cfn-lint wants (W3010).
  std::string region = program_.stack ? program_.region() : "";
  if (program_.stack) {
    record("stack.region");
  }
  if (region.empty()) {
    static const std::regex kRegionPrefix(R"(^[a-z]{2}(-[a-z]+)+-[0-9]+)");
    std::smatch m;
    if (std::regex_search(zone_name, m, kRegionPrefix)) {
      region = m.str(0);
    }
  }
  if (!region.empty() && zone_name.size() > region.size() && zone_name.rfind(region, 0) == 0) {
    return json{{"Fn::Sub", "${AWS::Region}" + sub_literal(zone_name.substr(region.size()))}};
  }
  return zone_name;
}

std::string Lowering::attachment_id(const model::Block& vpc) const {
  auto igws = vpc.children_of("internet_gateway");
  return igws.empty() ? "" : path_id(*igws.front()) + "Attachment";
}

const std::string& Lowering::associations_id(const model::Block& cluster) {
  // Read each time: it is recorded. A cluster made elsewhere has its own associations.
  const bool any = !get_list(cluster, "capacity").empty() && !schema::existing(cluster);
  if (associations_of_ != &cluster) {
    associations_of_ = &cluster;
    associations_id_ = any ? path_id(cluster) + "CapacityProviders" : "";
  }
  return associations_id_;
}

// ---- the template ------------------------------------------------------------------------------

void Lowering::lower_block(const model::Block& b) {
  using Lower = void (*)(Lowering&, const model::Block&);
  // Scanned: the lengths differ mostly, so a miss costs a compare of sizes (a map's string
  // compares cost more).
#define ECL_LOWERING_ENTRY(kind, function) {kind, function},
  static constexpr std::pair<std::string_view, Lower> kLowerings[] = {
      ECL_LOWERINGS(ECL_LOWERING_ENTRY)};
#undef ECL_LOWERING_ENTRY
  // `stack` lowers to the template's Description and tags; a task's containers, health checks
  // and logs and a service's placement and deployment lower inside their parent's resource.
  // A block made elsewhere lowers nothing of its own, only what is made inside it.
  for (const auto& [kind, lower] : existing(b)
                                       ? std::span<const std::pair<std::string_view, Lower>>()
                                       : std::span(kLowerings)) {
    if (is_kind(b, kind)) {
      lower(*this, b);
      break;
    }
  }
  if (is_kind(b, "task")) {
    return; // containers are lowered by lower_task
  }
  for (const model::Block* c : b.children) {
    lower_block(*c);
  }
}

json Lowering::output_value(const model::Value& v) {
  // Outputs are strings: lists are joined with commas, maps written `key=value`.
  if (auto* b = v.as<bool>()) {
    return *b ? "true" : "false";
  }
  if (v.as<std::int64_t>() || v.as<double>() || v.as<model::Quantity>()) {
    return v.as<model::Quantity>() ? std::to_string(whole(v)) : number_text(*v.number());
  }
  auto join = [](const json& parts) -> json {
    std::string plain;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (!parts[i].is_string()) {
        return json{{"Fn::Join", json::array({",", parts})}};
      }
      plain += (i ? "," : "") + parts[i].get<std::string>();
    }
    return plain;
  };
  if (auto* list = v.as<model::List>()) {
    json parts = json::array();
    for (const model::Value& item : *list) {
      parts.push_back(output_value(item));
    }
    return join(parts);
  }
  if (auto* map = v.as<model::Map>()) {
    json parts = json::array();
    for (const auto& [k, item] : *map) {
      json inner = output_value(item);
      if (inner.is_string()) {
        parts.push_back(k + "=" + inner.get<std::string>());
      } else {
        parts.push_back(json{{"Fn::Join", json::array({"=", json::array({k, inner})})}});
      }
    }
    return join(parts);
  }
  return value(v);
}

json Lowering::outputs() {
  json out = json::object();
  std::map<std::string, const model::Output*> taken;
  for (const model::Output& o : program_.outputs) {
    json v = output_value(o.value);
    if (v.is_null()) {
      continue;
    }
    std::string id = pascal(o.name);
    auto [it, inserted] = taken.emplace(id, &o);
    if (!inserted) {
      diags_
          .report(Diag::LogicalIdCollision, o.range, fmt::format("output `{}`", it->second->name),
                  fmt::format("output `{}`", o.name), id)
          .note(it->second->range, fmt::format("output `{}` is declared here", it->second->name));
      failed_ = true;
      continue;
    }
    out[id] = {{"Description", fmt::format("The ECL output `{}`", o.name)},
               {"Value", std::move(v)}};
  }
  return out;
}

bool Lowering::run(std::string& out) {
  // Parameters come before Resources in the template, and only ec2_capacity blocks add one: they
  // are gathered first, so that the resources can be written straight into `out` as they lower
  // (rather than into a text of their own, copied in at the end: ~2 MB for 500 services).
  json parameters = json::object();
  for (const auto& b : program_.blocks) {
    if (!b->parent) {
      collect_parameters(*b, parameters);
    }
  }
  // About a kilobyte a block: growing a megabytes-long string by doubling costs copies.
  out.reserve(out.size() + 1024 * program_.blocks.size() + 4096);
  common::JsonWriter w(out, 2);
  writer_ = &w;
  claims_.reserve(2 * program_.blocks.size()); // a block lowers to one to six resources
  ids_text_.reserve(32 * claims_.capacity());
  w.begin_object();
  w.member("AWSTemplateFormatVersion", "2010-09-09");
  if (program_.stack) {
    if (const std::string* d = get_string(*program_.stack, "description")) {
      w.member("Description", *d);
    }
  }
  if (!parameters.empty()) {
    w.member("Parameters", parameters);
  }
  w.key("Resources").begin_object();
  // Top-level blocks in source order; each block's resources come right before its children's.
  for (const auto& b : program_.blocks) {
    if (!b->parent) {
      lower_block(*b);
    }
  }
  writer_ = nullptr;
  check_ids();
  if (resources_ > kMaxResources) {
    diags_.report(Diag::TooManyResources, program_.stack ? program_.stack->header_range : Range{},
                  resources_);
  }
  json o = outputs();
  if (failed_) {
    return false;
  }
  w.end_object();
  if (!o.empty()) {
    w.member("Outputs", o);
  }
  w.end_object();
  out += '\n';
  return true;
}

bool lower_template(const model::Program& program, Diagnostics& diags, std::string& out,
                    std::set<std::string>* read) {
  return Lowering(program, diags, read).run(out);
}

} // namespace ecl::backend::cfn
