// Attributes: which are written, their folded values in dependency order, defaults, params.
#include "compiler/check/checker.h"
#include "compiler/check/fixes.h"
#include "compiler/check/instance_types.h"
#include "compiler/syntax/syntax.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <unordered_map>

namespace ecl::check {
namespace {

const model::Value kNull{};

} // namespace

model::Value copy_at(const model::Value& value, Range at) {
  if (const auto* list = value.as<model::List>()) {
    model::List items;
    items.reserve(list->size());
    for (const model::Value& item : *list) {
      items.push_back(copy_at(item, at));
    }
    return model::Value{std::move(items), at};
  }
  if (const auto* map = value.as<model::Map>()) {
    model::Map entries;
    entries.reserve(map->size());
    for (const auto& [k, v] : *map) {
      entries.emplace_back(k, copy_at(v, at));
    }
    return model::Value{std::move(entries), at};
  }
  return model::Value{value.data, at};
}

AttrSlot* Checker::slot_of(const model::Block& block, std::string_view name) {
  // schema::Kind::attribute() without a call to memcmp per attribute of the same length: this
  // runs for every attribute the program writes.
  const auto& attributes = block.kind->attributes;
  auto& slots = info_of(block).slots;
  for (std::size_t index = 0; index < attributes.size() && index < slots.size(); ++index) {
    const std::string_view candidate = attributes[index].name;
    if (candidate.size() == name.size() && candidate[0] == name[0] &&
        std::equal(candidate.begin(), candidate.end(), name.begin())) {
      return &slots[index];
    }
  }
  return nullptr;
}

void Checker::collect_attributes(model::Block& block) {
  BlockInfo& info = info_of(block);
  if (!info.syntax) {
    return;
  }
  // A block the parser had to repair may have lost attributes, and may have gained what followed
  // the error (the rest of a broken child): do not pile "missing", "unknown" or "set twice" on top.
  auto error = std::lower_bound(syntax_errors_.begin(), syntax_errors_.end(),
                                std::pair{block.range.file, block.range.begin});
  const bool repaired = error != syntax_errors_.end() && error->first == block.range.file &&
                        error->second < block.range.end;
  const auto& written_attributes = info.syntax->attributes;
  for (std::size_t index = 0; index < written_attributes.size(); ++index) {
    const ast::Attribute& a = written_attributes[index];
    AttrSlot* slot = slot_of(block, a.name());
    if (repaired && a.name_range().begin > error->second && (!slot || slot->syntax)) {
      continue;
    }
    if (!slot && info.placed && schema::find_kind(a.name()) &&
        block.kind->allowed_in(schema::find_kind(a.name())->name)) {
      continue; // `cluster = …`: where the block is placed (place_blocks())
    }
    if (!slot) {
      std::vector<std::string_view> names;
      for (const schema::Attribute& attr : block.kind->attributes) {
        names.push_back(attr.name);
      }
      std::string suggestion = nearest(a.name(), std::span<const std::string_view>(names));
      std::string hint = did_you_mean(suggestion);
      const schema::Kind* as_kind = schema::find_kind(a.name());
      if (hint.empty() && as_kind && as_kind->allowed_in(block.kind_name)) {
        hint = fmt::format("; `{}` is a block: write `{} {{ … }}`", a.name(), a.name());
      }
      diags_.report(Diag::UnknownAttribute, a.name_range(), a.name(), block.display(), hint)
          .fix(a.name_range(), suggestion);
      continue;
    }
    if (slot->syntax) {
      diags_.report(Diag::DuplicateAttribute, a.name_range(), a.name())
          .note(syntax_of(block, *slot)->name_range(), "first set here");
      continue;
    }
    slot->syntax = static_cast<std::uint32_t>(index + 1);
  }
  // A block standing for a resource made elsewhere needs only the facts the rules read of it.
  const AttrSlot* given = block.kind->existing ? slot_of(block, "existing") : nullptr;
  const schema::Existing* existing = given && given->syntax ? &*block.kind->existing : nullptr;
  for (std::size_t i = 0; i < info.slots.size(); ++i) {
    const schema::Attribute& attr = block.kind->attributes[i];
    const bool written = info.slots[i].syntax != 0;
    const bool needed = !existing || std::find(existing->facts.begin(), existing->facts.end(),
                                               attr.name) != existing->facts.end();
    if (!repaired && attr.required && !written && needed) {
      Diagnostic& d =
          diags_.report(Diag::MissingAttribute, block.header_range, block.display(), attr.name);
      if (std::string value = placeholder(*attr.type); !value.empty()) {
        fix_add_item(d, sources_, block.range, fmt::format("{} = {}", attr.name, value),
                     fmt::format("add `{}`", attr.name));
      }
    }
  }
}

void Checker::reserve_attributes(model::Block& block) {
  // Room for every attribute evaluation can store: the written ones and those with a default
  // computed for the block (constant ones are deferred). Besides sparing reallocations, this keeps
  // the references attribute_value() returns valid while other attributes of the block are added.
  // Made when the block's first attribute is evaluated, not before: the syntax of the blocks
  // evaluated before it is freed by then, and this takes its room.
  BlockInfo& info = info_of(block);
  info.reserved = true;
  const auto& slots = info.slots;
  std::size_t n = 0;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const schema::Attribute& attr = block.kind->attributes[i];
    n += slots[i].syntax != 0 || (has_default(attr) && !constant_default(attr));
  }
  block.attributes.reserve(n);
}

void Checker::evaluate_block(model::Block& block) {
  // attribute_value() for each attribute, without a call for those already evaluated (read by
  // another block) or absent: a kind has dozens of attributes and a block writes a few.
  const auto& attributes = block.kind->attributes;
  std::span<AttrSlot> slots = info_of(block).slots;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    AttrSlot& slot = slots[i];
    if (slot.state == State::Done || slot.state == State::Deferred) {
      continue;
    }
    if (slot.state == State::Pending && !slot.syntax) {
      if (!has_default(attributes[i])) {
        slot.state = State::Done;
        continue;
      }
      if (constant_default(attributes[i])) {
        defer(block, slot);
        continue;
      }
    }
    attribute_value(block, i, block.header_range);
  }
}

void Checker::defer(const model::Block& block, AttrSlot& slot) {
  BlockInfo& info = info_of(block);
  slot.state = State::Deferred;
  slot.entry = static_cast<std::uint16_t>(block.attributes.size());
  slot.order = info.deferred++;
}

const model::Value& Checker::deferred_value(const model::Block& block, std::size_t index) {
  if (block.kind->attributes[index].default_value.value.is_null()) {
    return kNull; // as absent as an attribute without a default
  }
  auto [it, added] = deferred_reads_.try_emplace(std::uint64_t{block.id} << 16 | index);
  if (added) {
    it->second = copy_at(block.kind->attributes[index].default_value.value, block.header_range);
  }
  return it->second;
}

void Checker::note_defaults(const model::Block& block) {
  const BlockInfo& info = info_of(block);
  deferred_counts_[block.id] = info.deferred;
  if (info.deferred == 0) {
    return;
  }
  // Indices are below 255: a kind has fewer attributes (schema_test), a map fewer entries.
  const std::size_t first = deferred_defaults_.size();
  deferred_defaults_.resize(first + info.deferred);
  for (std::size_t i = 0; i < info.slots.size(); ++i) {
    const AttrSlot& slot = info.slots[i];
    if (slot.state == State::Deferred) {
      deferred_defaults_[first + slot.order] = static_cast<std::uint32_t>(i << 16 | slot.entry);
    }
  }
}

void Checker::add_defaults(model::Block& block, std::span<const std::uint32_t> deferred) {
  // The map as evaluation would have filled it: each default, in the order they were deferred,
  // after the attributes stored before it was taken.
  std::size_t added = 0;
  for (std::uint32_t d : deferred) {
    added += !block.kind->attributes[d >> 16].default_value.value.is_null();
  }
  if (added == 0) {
    return;
  }
  model::AttributeMap& evaluated = block.attributes;
  model::AttributeMap merged;
  merged.reserve(evaluated.size() + added);
  std::size_t next = 0; // the first entry of `evaluated` not yet moved
  auto move_until = [&](std::size_t end) {
    for (; next < end; ++next) {
      merged.append_numbered(std::move(evaluated.at(next)));
    }
  };
  for (std::uint32_t d : deferred) {
    const schema::Attribute& attr = block.kind->attributes[d >> 16];
    if (!attr.default_value.value.is_null()) {
      move_until(d & 0xffff);
      merged.append(attr.name, {copy_at(attr.default_value.value, block.header_range),
                                block.header_range, true});
    }
  }
  move_until(evaluated.size());
  evaluated = std::move(merged);
}

const model::Value& Checker::attribute_value(const model::Block& block, std::string_view name,
                                             const Range& use) {
  const schema::Attribute* attr = block.kind->attribute(name);
  if (!attr) {
    return kNull;
  }
  return attribute_value(block, static_cast<std::size_t>(attr - block.kind->attributes.data()),
                         use);
}

const model::Value& Checker::attribute_value(const model::Block& cblock, std::size_t index,
                                             const Range& use) {
  auto& slots = info_of(cblock).slots;
  if (index >= slots.size()) {
    return kNull; // attributes not collected yet (a `-p` value read before the blocks)
  }
  AttrSlot& slot = slots[index];
  // Evaluated: the block's syntax may be freed already (release_syntax_before()).
  if (slot.state == State::Done) {
    return slot.entry == AttrSlot::kAbsent ? kNull : cblock.attributes.at(slot.entry).value;
  }
  if (slot.state == State::Deferred) {
    return deferred_value(cblock, index);
  }
  const schema::Attribute& attr = cblock.kind->attributes[index];
  const ast::Attribute* syntax = syntax_of(cblock, slot);
  if (slot.state == State::Pending && !syntax) {
    if (!has_default(attr)) {
      // Not written and without a default: absent from the model, nothing to evaluate.
      slot.state = State::Done;
      return kNull;
    }
    if (constant_default(attr)) {
      defer(cblock, slot);
      return deferred_value(cblock, index);
    }
  }
  // The model is ours to fill; the const view is what references hand around.
  auto& block = const_cast<model::Block&>(cblock);
  // The schema's copy of the name outlives the stack frame and the block.
  const Frame key{Frame::AttrFrame, &block, attr.name};
  if (slot.state == State::Running) {
    diags_.report(Diag::ReferenceCycle, syntax ? syntax->name_range() : use, cycle_to(key));
    slot.state = State::Done;
    slot.entry = static_cast<std::uint16_t>(
        block.attributes.append(attr.name, {model::Value{model::Null{}, use},
                                            syntax ? syntax->range : block.header_range, false}));
  }
  if (slot.state == State::Pending) {
    if (!info_of(block).reserved) {
      reserve_attributes(block);
    }
    slot.state = State::Running;
    eval_stack_.push_back(key);
    model::Attribute result;
    if (syntax) {
      result.value = eval(*syntax->value, attr.type, &block);
      if (coerce(result.value, *attr.type, &diags_, &attr)) {
        check_range(result.value, attr, &diags_);
      }
      // An AWS name is checked (E3410, E3411) and lowered as text known now: an id or a zone
      // known only at deployment cannot be part of it.
      if ((attr.name == "name" || attr.name == "family") &&
          attr.type->kind == schema::TypeKind::String &&
          !require_known(result.value, "an AWS name")) {
        result.value = model::Value{model::Null{}, result.value.range};
      }
      // A job's schedule is checked as written (E3217): its expression and time zone are text.
      if (block.kind_name == "job" && (attr.name == "schedule" || attr.name == "timezone") &&
          !require_known(result.value, "a schedule")) {
        result.value = model::Value{model::Null{}, result.value.range};
      }
      result.range = syntax->range;
    } else {
      result.value = default_value(block, attr);
      result.range = block.header_range;
      result.defaulted = true;
    }
    eval_stack_.pop_back();
    if (slot.state == State::Running) {
      slot.state = State::Done;
      if (!result.value.is_null() || syntax) {
        slot.entry =
            static_cast<std::uint16_t>(block.attributes.append(attr.name, std::move(result)));
      }
    }
  }
  return slot.entry == AttrSlot::kAbsent ? kNull : block.attributes.at(slot.entry).value;
}

model::Value Checker::default_value(const model::Block& block, const schema::Attribute& attr) {
  switch (attr.default_value.kind) {
  case schema::DefaultKind::Value:
    return copy_at(attr.default_value.value, block.header_range);
  case schema::DefaultKind::BlockName: {
    // A module's top-level block (a service it places in its caller's cluster) is named after
    // its instance too, so that two instances make two: `api-app`.
    const BlockInfo& info = info_of(block);
    const bool top = !block.parent || info.placed;
    return model::Value{top ? name_prefix(info.space) + block.name : block.name,
                        block.header_range};
  }
  case schema::DefaultKind::StackName: {
    // `webapp-api-app` for the task `app` of the module instance `api`.
    const std::string name = name_prefix(info_of(block).space) + block.name;
    if (program_->stack && !program_->stack->name.empty()) {
      return model::Value{fmt::format("{}-{}", program_->stack->name, name), block.header_range};
    }
    return model::Value{name, block.header_range};
  }
  case schema::DefaultKind::Derived:
    return derived_value(block, attr);
  case schema::DefaultKind::None:
  case schema::DefaultKind::Generated:
    break;
  }
  return model::Value{model::Null{}, block.header_range};
}

model::Value Checker::derived_value(const model::Block& block, const schema::Attribute& attr) {
  const Range at = block.header_range;
  model::Value none{model::Null{}, at};
  if (block.kind_name == "endpoint" && attr.name == "type") {
    const model::Value& service = attribute_value(block, "service", at);
    if (const std::string* s = service.string()) {
      bool gateway = *s == "s3" || *s == "dynamodb";
      return model::Value{model::EnumMember{gateway ? "gateway" : "interface"}, at};
    }
    return none;
  }
  if (block.kind_name == "load_balancer" && attr.name == "idle_timeout") {
    // An application load balancer's attribute: a network one has none to show (E3320).
    const std::string* type = attribute_value(block, "type", at).enum_member();
    return type && *type == "application"
               ? model::Value{model::Quantity{60, model::Dimension::Duration}, at}
               : none;
  }
  if (block.kind_name == "security_group" && attr.name == "description") {
    return model::Value{"Security group " + block.path, at}; // not formatted: one per group
  }
  if (block.kind_name == "ec2_capacity" && attr.name == "desired") {
    model::Value min = attribute_value(block, "min", at);
    min.range = at;
    return min;
  }
  if (block.kind_name == "ec2_capacity" && attr.name == "ami") {
    // An instance boots only an image of its own architecture: Graviton types take the arm64 one.
    const std::string* type = attribute_value(block, "instance_type", at).string();
    const bool arm = type && instance_architecture(*type) == "arm64";
    return model::Value{std::string(arm ? kEcsAmiArm : kEcsAmiX86), at};
  }
  if ((block.kind_name == "service" && attr.name == "desired") ||
      (block.kind_name == "deployment" && attr.name == "max_percent")) {
    // A daemon runs one task on each instance: ECS takes no count, and keeps its deployments at
    // one task an instance, so neither is sent, nor listed in the plan.
    const model::Block* service = block.kind_name == "service" ? &block : block.parent;
    if (const std::string* scheduling =
            service ? attribute_value(*service, "scheduling", at).enum_member() : nullptr;
        scheduling && *scheduling == "daemon") {
      return none;
    }
  }
  if (block.kind_name == "deployment" && attr.name == "max_percent") {
    return model::Value{std::int64_t{200}, at};
  }
  if (block.kind_name == "service" && attr.name == "desired") {
    // 1, kept between the `min` and `max` of a scaling (which would move it there anyway).
    std::int64_t desired = 1;
    for (const model::Block* scaling : block.each_child("scaling")) {
      auto min = attribute_value(*scaling, "min", at).integer();
      auto max = attribute_value(*scaling, "max", at).integer();
      desired = std::max(desired, min.value_or(desired));
      desired = std::min(desired, max.value_or(desired));
    }
    return model::Value{desired, at};
  }
  if (block.kind_name == "listener" && attr.name == "protocol") {
    // HTTP on an application load balancer, TCP on a network one.
    if (!block.parent) {
      return none;
    }
    const std::string* type = attribute_value(*block.parent, "type", at).enum_member();
    return type ? model::Value{model::EnumMember{*type == "network" ? "tcp" : "http"}, at} : none;
  }
  if (block.kind_name == "target_group" && attr.name == "target_type") {
    // The network mode of the first service (in source order) whose tasks are registered with the
    // group: an awsvpc task has its own address (`ip`), a bridge or host task the instance's.
    for (const model::Block* service : program_->of_kind("service")) {
      const model::Value& attachments = attribute_value(*service, "load_balancers", at);
      const model::List* list = attachments.as<model::List>();
      if (!list) {
        continue;
      }
      for (const model::Value& item : *list) {
        const model::Value* group = item.field("target_group");
        if (!group || group->block() != &block) {
          continue;
        }
        const model::Block* task = attribute_value(*service, "task", at).block();
        const std::string* mode =
            task ? attribute_value(*task, "network_mode", at).enum_member() : nullptr;
        if (mode) {
          return model::Value{model::EnumMember{*mode == "awsvpc" ? "ip" : "instance"}, at};
        }
      }
    }
    return model::Value{model::EnumMember{"ip"}, at};
  }
  if ((block.kind_name == "service" || block.kind_name == "job") && attr.name == "capacity") {
    // Without a launch type, a service or job uses its cluster's first capacity provider; but a
    // daemon goes with the EC2 launch type and no strategy (ECS refuses one with DAEMON).
    if (!attribute_value(block, "launch_type", at).is_null() || !block.parent) {
      return none;
    }
    if (const std::string* scheduling = attribute_value(block, "scheduling", at).enum_member();
        scheduling && *scheduling == "daemon") {
      return none;
    }
    const model::Value& capacity = attribute_value(*block.parent, "capacity", at);
    auto* list = capacity.as<model::List>();
    if (!list || list->empty() || list->front().is_null()) {
      return none;
    }
    model::Map item;
    item.emplace_back("provider", list->front());
    item.emplace_back("weight", model::Value{std::int64_t{1}, at});
    item.emplace_back("base", model::Value{std::int64_t{0}, at});
    model::Value out{model::List{model::Value{std::move(item), at}}, at};
    return copy_at(out, at);
  }
  return none;
}

void Checker::apply_param_overrides() {
  // `-p` sets the program's params; a module's come from its instances.
  auto& params = spaces_[0].params;
  top_ = 0;
  for (const ParamOverride& o : options_.params) {
    // Where the value was given: `-p env` on the command line, or a --params file's member.
    const std::string given = o.file.empty() ? fmt::format("`-p {}`", o.name)
                                             : fmt::format("`{}` in `{}`", o.name, o.file);
    auto it = params.find(o.name);
    if (it == params.end()) {
      std::vector<std::string> names;
      for (const auto& [name, slot] : params) {
        names.emplace_back(name);
      }
      std::string hint = did_you_mean(nearest(o.name, std::span<const std::string>(names)));
      // A module's param is set by its instances' arguments, not from the command line.
      std::vector<std::string> instances;
      for (std::size_t i = 1; i < spaces_.size(); ++i) {
        if (spaces_[i].params.contains(o.name)) {
          instances.push_back(fmt::format("`{}`", spaces_[i].path));
        }
      }
      if (hint.empty() && !instances.empty()) {
        hint = instances.size() == 1
                   ? fmt::format("; it is a param of module instance {}, set in its `module` block",
                                 instances[0])
                   : fmt::format("; it is a param of module instances {}, set in their `module` "
                                 "blocks",
                                 fmt::join(instances, ", "));
      }
      diags_.report(Diag::UnknownParamOverride, Range{}, given, hint);
      continue;
    }
    const std::string given_value =
        o.file.empty() ? fmt::format("`-p {}={}`", o.name, o.value)
                       : fmt::format("`{}` = `{}` in `{}`", o.name, o.value, o.file);
    ParamSlot& slot = it->second;
    slot.override_value = &o;
    slot.state = State::Done;
    const Range at = slot.syntax->name_range;
    if (slot.type->kind == schema::TypeKind::String || slot.type->kind == schema::TypeKind::Cidr) {
      // Strings and CIDRs are written bare on a command line: `-p vpc_cidr=10.1.0.0/16`.
      model::Value v{o.value, at};
      Diagnostics inner;
      std::swap(inner, diags_);
      bool ok = coerce(v, *slot.type, &diags_);
      std::swap(inner, diags_);
      if (!ok) {
        diags_.report(Diag::InvalidParamOverride, at, given_value,
                      inner.empty() ? std::string("invalid value") : inner.items().front().message);
      }
      slot.value = std::move(v);
      continue;
    }
    // Other types read the text as an ECL literal: `-p memory=2GiB`, `-p zones='["a", "b"]'`.
    Diagnostics problems;
    FileId id = override_sources_.add(fmt::format("<-p {}>", o.name), "let v = " + o.value);
    ast::File parsed = syntax::parse_file(override_sources_, id, problems);
    model::Value v{model::Null{}, at};
    if (!problems.has_errors() && parsed.lets.size() == 1 && parsed.lets[0].value &&
        parsed.params.empty() && parsed.blocks.empty() && parsed.outputs.empty()) {
      Diagnostics inner;
      std::swap(inner, diags_);
      v = eval(*parsed.lets[0].value, slot.type, nullptr);
      bool ok = !v.is_null() && coerce(v, *slot.type, &diags_) && !diags_.has_errors();
      std::swap(inner, diags_);
      if (!ok) {
        problems.append(std::move(inner));
        v = model::Value{model::Null{}, at};
      }
    }
    if (v.is_null()) {
      std::string why = fmt::format("expected `{}`", schema::type_name(*slot.type));
      // Keep a problem that says more than "expected T" (a CIDR's host bits, a range).
      for (const auto& d : problems.items()) {
        if (d.kind == Diag::InvalidCidr || d.kind == Diag::ValueOutOfRange ||
            d.kind == Diag::NotWholeUnits || d.kind == Diag::UnknownEnumMember) {
          why = d.message;
          break;
        }
      }
      diags_.report(Diag::InvalidParamOverride, at, given_value, why);
    }
    slot.value = copy_at(v, at);
  }
  for (auto& [name, slot] : params) {
    if (!slot.override_value && !slot.syntax->default_value) {
      diags_.report(Diag::MissingParamValue, slot.syntax->name_range, name, name);
      slot.state = State::Done;
      slot.value = model::Value{model::Null{}, slot.syntax->name_range};
    }
  }
}

void Checker::evaluate_outputs(const std::vector<ast::File>& files) {
  std::map<std::string_view, Range> seen;
  for (const ast::File& file : files) {
    for (const ast::Output& o : file.outputs) {
      if (auto it = seen.find(o.name); it != seen.end()) {
        diags_.report(Diag::DuplicateName, o.name_range, "output", o.name, "the program")
            .note(it->second, fmt::format("the first `{}` is here", o.name));
        continue;
      }
      seen.emplace(o.name, o.name_range);
      model::Value v = eval(*o.value, nullptr, nullptr);
      if (const model::Block* b = v.block()) {
        const char* attr = b->kind->deferred_attribute("id") ? "id" : "arn";
        diags_.report(Diag::TypeMismatch, v.range, "a value (a string, a number, a list…)",
                      fmt::format("{}; use `{}.{}`", b->display(), text(v.range), attr));
        v = model::Value{model::Null{}, v.range};
      }
      program_->outputs.push_back({std::string(o.name), std::move(v), o.range});
    }
  }
}

void Checker::normalize(model::Block& block) {
  // A container's `port` is one more port mapping: the model keeps them all in `ports`.
  static const schema::Kind* const container = schema::find_kind("container");
  if (block.kind == container) {
    if (model::Attribute* found = block.attributes.find("port")) {
      // Moved out first: adding `ports` may move the entries.
      model::Attribute port = std::move(*found);
      model::Attribute& ports = block.attributes["ports"];
      model::List merged;
      if (!port.value.is_null()) {
        merged.push_back(std::move(port.value));
      }
      if (auto* rest = ports.value.as<model::List>()) {
        merged.insert(merged.end(), std::make_move_iterator(rest->begin()),
                      std::make_move_iterator(rest->end()));
      }
      Range range = port.range;
      ports.value = model::Value{std::move(merged), ports.defaulted ? range : ports.value.range};
      ports.range = ports.defaulted ? range : ports.range;
      ports.defaulted = false;
      block.attributes.erase("port");
    }
  }
}

} // namespace ecl::check
